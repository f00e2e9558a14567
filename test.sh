#!/usr/bin/env bash
# Full check, as CI runs it (.ci/run calls this):
#   1. install prerequisites (no-op on a prepared machine)
#   2. build Workflows.sln (Release; warnings are errors), while face-api's own
#      JavaScript recomputes the golden face numbers (scripts/face-reference.sh)
#   3. start one throw-away PostgreSQL cluster shared by all test projects
#   4. dotnet test (console + trx results in .artifacts/test-results)
#   5. ./run.sh --smoke --no-build (both hosts start, /health, auth check)
#   6. print "N passed, N failed[, N skipped]" summed over the trx files
# Exits non-zero if the build fails, any test fails, no test ran, or the smoke
# check fails.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo_root"

log() { echo "test.sh: $*" >&2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results_dir="$repo_root/.artifacts/test-results"

bash scripts/install-prerequisites.sh

# face-api's JavaScript takes about a minute on one core: it runs beside the build.
face_reference_log="$repo_root/.artifacts/face-reference.log"
mkdir -p "$repo_root/.artifacts"
bash scripts/face-reference.sh >"$face_reference_log" 2>&1 &
face_reference_pid=$!

log "building Workflows.sln (Release)..."
# -nodeReuse:false: no MSBuild workers left running after the script.
dotnet build Workflows.sln -c Release -nologo -v minimal -nodeReuse:false

if ! wait "$face_reference_pid"; then
  cat "$face_reference_log" >&2
  log "FAILED: scripts/face-reference.sh (face-api's reference run)"
  exit 1
fi

# One cluster for the whole run; every test fixture creates its own database
# in it. The trap removes it however the script ends.
SMARTKIOSK_TEST_PG_DIR=""
cleanup() {
  if [ -n "$SMARTKIOSK_TEST_PG_DIR" ]; then
    bash scripts/pg-test-cluster.sh stop "$SMARTKIOSK_TEST_PG_DIR" || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_env="$(bash scripts/pg-test-cluster.sh start)"
eval "$pg_env"
export SMARTKIOSK_TEST_PG SMARTKIOSK_TEST_PG_DIR
log "PostgreSQL for tests: $SMARTKIOSK_TEST_PG"

# Stale results would be summed in below; start from an empty folder.
rm -rf "$results_dir"
mkdir -p "$results_dir"

# --blame-hang-timeout: a hung test is killed (and named) after 15 minutes
# instead of eating CI's whole time budget; no dump, it would be large.
# The console output is also kept in dotnet-test.log next to the trx files.
test_rc=0
dotnet test Workflows.sln -c Release --no-build \
  --filter "Category!=MultiProcess" \
  --logger "console;verbosity=normal" \
  --logger "trx" \
  --results-directory "$results_dir" \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  2>&1 | tee "$results_dir/dotnet-test.log" || test_rc=$?

# The multi-node tests start three engine processes each (and a PostgreSQL of their own): on their own,
# after the rest, so they neither starve the browser tests of CPU nor are starved by them.
dotnet test tests/Activities.Tests/Activities.Tests.csproj -c Release --no-build \
  --filter "Category=MultiProcess" \
  --logger "console;verbosity=normal" \
  --logger "trx" \
  --results-directory "$results_dir" \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  2>&1 | tee -a "$results_dir/dotnet-test.log" || test_rc=$?

# Benchmarks run only as a smoke run here (a handful of iterations, on the test cluster);
# the numbers in docs/benchmarks.md come from the full command documented there.
bench_rc=0
dotnet tests/Benchmarks/bin/Release/net10.0/SmartKiosk.Benchmarks.dll --smoke || bench_rc=$?
dotnet tests/Benchmarks/Recognition/bin/Release/net10.0/SmartKiosk.Benchmarks.Recognition.dll --smoke || bench_rc=$?
dotnet tests/Benchmarks/Faces/bin/Release/net10.0/SmartKiosk.Benchmarks.Faces.dll --smoke || bench_rc=$?
dotnet tests/Benchmarks/Issuance/bin/Release/net10.0/SmartKiosk.Benchmarks.Issuance.dll --smoke || bench_rc=$?
dotnet tests/Benchmarks/Kiosk/bin/Release/net10.0/SmartKiosk.Benchmarks.Kiosk.dll --smoke || bench_rc=$?
# Two gateway replicas over one PostgreSQL (a private, throw-away cluster), audited for exactly-once issuance.
dotnet tests/Benchmarks/Kiosk/bin/Release/net10.0/SmartKiosk.Benchmarks.Kiosk.dll --smoke --replicas 2 || bench_rc=$?
dotnet tests/Benchmarks/Officer/bin/Release/net10.0/SmartKiosk.Benchmarks.Officer.dll --smoke || bench_rc=$?
dotnet tests/Benchmarks/Designer/bin/Release/net10.0/SmartKiosk.Benchmarks.Designer.dll --smoke || bench_rc=$?

smoke_rc=0
bash ./run.sh --smoke --no-build || smoke_rc=$?

# Sum the <Counters total=".." passed=".." failed=".." .../> of every trx file.
# Attribute order is not guaranteed, so each one is picked out by name.
passed=0 failed=0 skipped=0 trx_count=0
attr() { echo "$1" | sed -nE "s/.*[[:space:]]$2=\"([0-9]+)\".*/\1/p"; }
while IFS= read -r -d '' trx; do
  trx_count=$((trx_count + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  [ -n "$counters" ] || { log "warning: no <Counters> in $trx"; continue; }
  p="$(attr "$counters" passed)"; f="$(attr "$counters" failed)"
  # Skipped tests are in `total` but not in `executed` (xUnit skips do not
  # show up in notExecuted).
  t="$(attr "$counters" total)"; x="$(attr "$counters" executed)"
  # Errors, timeouts and aborts count as failures.
  for extra in error timeout aborted; do
    e="$(attr "$counters" "$extra")"
    f=$(( ${f:-0} + ${e:-0} ))
  done
  passed=$((passed + ${p:-0})); failed=$((failed + f))
  [ "${t:-0}" -le "${x:-0}" ] || skipped=$((skipped + ${t:-0} - ${x:-0}))
done < <(find "$results_dir" -name '*.trx' -print0)

# Stop PostgreSQL now rather than in the EXIT trap, so its message does not
# land after the summary line.
cleanup
SMARTKIOSK_TEST_PG_DIR=""

# Each test assembly writes one trx file; fewer files means some counts are
# missing from the summary (e.g. a test host that crashed before reporting).
assemblies="$(grep -c '^Test run for ' "$results_dir/dotnet-test.log" || true)"
if [ "$trx_count" -lt "${assemblies:-0}" ]; then
  log "warning: $assemblies test assemblies ran but only $trx_count trx files were written"
fi

log "trx files: $trx_count, dotnet test exit code: $test_rc, smoke exit code: $smoke_rc"

rc=0
if [ "$test_rc" -ne 0 ]; then
  log "FAILED: dotnet test exited with $test_rc"
  rc=1
fi
if [ "$failed" -gt 0 ]; then
  log "FAILED: $failed test(s) failed"
  rc=1
fi
if [ $((passed + failed)) -eq 0 ]; then
  log "FAILED: no test ran"
  rc=1
fi
if [ "$bench_rc" -ne 0 ]; then
  log "FAILED: the benchmark smoke run exited with $bench_rc"
  rc=1
fi
if [ "$smoke_rc" -ne 0 ]; then
  log "FAILED: ./run.sh --smoke exited with $smoke_rc"
  rc=1
fi

# Name each failed test and the first lines of its message, so a CI log that
# shows only its tail still says what broke.
if [ "$failed" -gt 0 ]; then
  while IFS= read -r -d '' trx; do
    python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
        continue
    message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
    text = (message.text or "").strip().splitlines() if message is not None else []
    print("test.sh: failed: " + r.get("testName", "?"))
    for line in text[:6]:
        print("    " + line[:300])
PY
  done < <(find "$results_dir" -name '*.trx' -print0)
fi

# The plain closing line CI reads: keep it last and in exactly this form.
summary="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || summary="$summary, $skipped skipped"
echo "$summary"
exit "$rc"
