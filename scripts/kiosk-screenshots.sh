#!/usr/bin/env bash
# Regenerates docs/screenshots/kiosk-*.jpg: the kiosk screen tour (KioskScreenTourTests) walks real
# sessions in Debian's Chromium against the gateway, in both languages and orientations, and writes a
# picture of every screen there. Run after ./test.sh (or ./run.sh) has installed and built everything.
set -euo pipefail
cd "$(dirname "$0")/.."

SMARTKIOSK_TEST_PG_DIR=""
cleanup() {
  if [ -n "$SMARTKIOSK_TEST_PG_DIR" ]; then
    bash scripts/pg-test-cluster.sh stop "$SMARTKIOSK_TEST_PG_DIR" || true
  fi
}
trap cleanup EXIT

pg_env="$(bash scripts/pg-test-cluster.sh start)"
eval "$pg_env"
export SMARTKIOSK_TEST_PG SMARTKIOSK_TEST_PG_DIR

rm -f docs/screenshots/kiosk-*.jpg
mkdir -p docs/screenshots
SMARTKIOSK_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/Hosts.FunctionalTests -c Release \
  --filter "FullyQualifiedName~KioskScreenTourTests" --logger "console;verbosity=normal"
ls docs/screenshots/kiosk-*.jpg | wc -l | xargs echo "kiosk-screenshots.sh: screenshots written:"
