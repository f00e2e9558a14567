#!/usr/bin/env bash
# Print COUNT (default 1) distinct free TCP ports on 127.0.0.1, one per line.
#
# Why a helper: run.sh --smoke and pg-test-cluster.sh both need ports that
# don't clash with a developer's running instance or with another test run.
# Asking the kernel (bind to port 0) is the only reliable way; all sockets are
# held open until every port is chosen so the COUNT ports are distinct.
# There is still a small window between printing and the caller binding the
# port, so callers retry on "address in use".
set -euo pipefail

count="${1:-1}"
case "$count" in
  ''|*[!0-9]*) echo "usage: $0 [COUNT]" >&2; exit 2 ;;
esac

if command -v python3 >/dev/null 2>&1; then
  python3 - "$count" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    socks.append(s)
for s in socks:
    print(s.getsockname()[1])
for s in socks:
    s.close()
PY
  exit 0
fi

# Fallback without python3: random ports in the dynamic range that `ss` does
# not show as listening (less exact, but good enough for a test machine).
picked=" "
found=0
for _ in $(seq 1 500); do
  port=$(( 20000 + RANDOM % 40000 ))
  case "$picked" in *" $port "*) continue ;; esac
  if ! ss -Htln "sport = :$port" | grep -q .; then
    echo "$port"
    picked="$picked$port "
    found=$((found + 1))
    [ "$found" -ge "$count" ] && exit 0
  fi
done
echo "free-port.sh: could not find $count free port(s)" >&2
exit 1
