#!/usr/bin/env bash
# Build and run SmartKiosk locally: Designer.Host and KioskGateway side by side.
#
#   ./run.sh              install prerequisites, build (Release), start both
#                         hosts, wait for /health, stay in the foreground until
#                         Ctrl-C, then stop both
#   ./run.sh --smoke      same, but on free ports with a temporary data folder;
#                         checks /health on both and that the Designer API
#                         rejects anonymous calls (401), then stops and exits
#   ./run.sh --no-build   skip `dotnet build` (combine with --smoke if wanted)
#
# Environment:
#   SMARTKIOSK_DESIGNER_URL  Designer.Host URL (default http://127.0.0.1:5080;
#                            with --smoke a free port)
#   SMARTKIOSK_GATEWAY_URL   KioskGateway URL (default http://127.0.0.1:5090;
#                            with --smoke a free port)
#   SMARTKIOSK_DATA          data folder for the hosts (default ./data; --smoke
#                            always uses a fresh temporary folder)
#   SMARTKIOSK_HEALTH_TIMEOUT seconds to wait for /health (default 120)

# The cleanup functions only run from traps, which shellcheck cannot see.
# shellcheck disable=SC2317
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo_root"

log() { echo "run.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

smoke=0
build=1
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    --no-build) build=0 ;;
    -h|--help) usage 0 ;;
    *) log "unknown option: $arg"; usage 2 >&2 ;;
  esac
done

# Keep the .NET CLI from printing banners or phoning home in scripted runs.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"
bash scripts/install-prerequisites.sh

if [ "$build" -eq 1 ]; then
  log "building Workflows.sln (Release)..."
  # -nodeReuse:false: don't leave MSBuild worker processes running after the
  # script (they would outlive Ctrl-C and hold files in bin/ and obj/).
  dotnet build Workflows.sln -c Release -nologo -v quiet -nodeReuse:false \
    || die "build failed"
fi

# --- starting and stopping ---------------------------------------------------

data_dir=""   # set below; removed on exit in --smoke mode
pids=()
names=()
logs=()
finished=0

show_logs() {
  local i
  for i in "${!names[@]}"; do
    echo "----- last 60 lines of ${logs[$i]} -----" >&2
    tail -n 60 "${logs[$i]}" >&2 2>/dev/null || true
  done
}

stop_hosts() {
  local i pid waited
  # SIGTERM lets ASP.NET Core shut down gracefully (flush logs, close the DB).
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for i in "${!pids[@]}"; do
    pid="${pids[$i]}"
    waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
      sleep 0.5
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "${names[$i]} did not stop within 15 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "${#pids[@]}" -gt 0 ]; then
    log "stopping hosts..."
    stop_hosts
  fi
  if [ "$smoke" -eq 1 ]; then
    if [ "$rc" -ne 0 ] && [ "$finished" -eq 0 ]; then
      show_logs
    fi
    [ -z "$data_dir" ] || rm -rf "$data_dir"
  fi
  exit "$rc"
}
trap on_exit EXIT
# Ctrl-C / kill: leave through the EXIT trap so the hosts are always stopped.
trap 'exit 130' INT
trap 'exit 143' TERM

# --- what to run -------------------------------------------------------------

if [ "$smoke" -eq 1 ]; then
  # Free ports and a throw-away data folder, so a smoke run never clashes with
  # (or writes into) a developer's running instance.
  data_dir="$(mktemp -d /tmp/smartkiosk-smoke.XXXXXX)"
  ports_out="$(bash scripts/free-port.sh 2)" || die "could not find free ports"
  mapfile -t ports <<<"$ports_out"
  designer_url="${SMARTKIOSK_DESIGNER_URL:-http://127.0.0.1:${ports[0]}}"
  gateway_url="${SMARTKIOSK_GATEWAY_URL:-http://127.0.0.1:${ports[1]}}"
else
  data_dir="${SMARTKIOSK_DATA:-$repo_root/data}"
  designer_url="${SMARTKIOSK_DESIGNER_URL:-http://127.0.0.1:5080}"
  gateway_url="${SMARTKIOSK_GATEWAY_URL:-http://127.0.0.1:5090}"
fi
designer_url="${designer_url%/}"
gateway_url="${gateway_url%/}"
mkdir -p "$data_dir/logs"
data_dir="$(cd "$data_dir" && pwd)"
export SMARTKIOSK_DATA="$data_dir"

# URL that curl can reach: a wildcard listen address (0.0.0.0, *, +, [::])
# is probed on loopback.
probe_url() {
  echo "$1" | sed -E 's#^(https?://)(0\.0\.0\.0|\*|\+|\[::\])(:|/|$)#\1127.0.0.1\3#'
}

url_port() {
  echo "$1" | sed -nE 's#^https?://[^/]*:([0-9]+).*#\1#p'
}

start_host() {
  local name="$1" project="$2" assembly="$3" url="$4" url_var="$5"
  local dll="$repo_root/$project/bin/Release/net10.0/$assembly"
  local log_file="$data_dir/logs/$name.log"
  [ -f "$dll" ] || die "$dll not found (build first, or drop --no-build)"

  local port
  port="$(url_port "$url")"
  if [ -n "$port" ] && ss -Htln "sport = :$port" | grep -q .; then
    die "port $port for $name is already in use (another instance running? or set $url_var)"
  fi

  # Content root = the project folder, so appsettings*.json and wwwroot are
  # found exactly as in development (wwwroot is not copied to bin/ by a build).
  # stdin from /dev/null: the hosts must not compete with the terminal.
  (cd "$repo_root/$project" && exec dotnet "$dll" --urls "$url" --contentRoot "$repo_root/$project") \
    >"$log_file" 2>&1 </dev/null &
  pids+=("$!")
  names+=("$name")
  logs+=("$log_file")
  log "started $name (pid $!) on $url, log: $log_file"
}

# Wait until GET /health answers 200, or fail with the host's log if it dies
# or the timeout runs out.
wait_healthy() {
  local i="$1" url
  url="$(probe_url "$2")/health"
  local timeout="${SMARTKIOSK_HEALTH_TIMEOUT:-120}"
  local deadline=$((SECONDS + timeout)) code
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      log "${names[$i]} exited before becoming healthy; last lines of ${logs[$i]}:"
      tail -n 60 "${logs[$i]}" >&2 || true
      return 1
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)"
    if [ "$code" = "200" ]; then
      log "${names[$i]} healthy ($url)"
      return 0
    fi
    sleep 1
  done
  log "${names[$i]} not healthy after ${timeout}s (last status: ${code:-none}); last lines of ${logs[$i]}:"
  tail -n 60 "${logs[$i]}" >&2 || true
  return 1
}

# Verification and download links (the QR code on every copy) point at the
# gateway, whichever host issues the copy.
export Issuance__PublicBaseUrl="${Issuance__PublicBaseUrl:-$(probe_url "$gateway_url")}"

#          log name       project folder  assembly                        URL              override
start_host Designer.Host  Designer.Host   SmartKiosk.Designer.Host.dll   "$designer_url"  SMARTKIOSK_DESIGNER_URL
start_host KioskGateway   KioskGateway    SmartKiosk.KioskGateway.dll    "$gateway_url"   SMARTKIOSK_GATEWAY_URL

# Both hosts start in parallel; wait for each in turn (stop at the first that
# fails: its log has the reason, no need to wait out the other's timeout).
if ! wait_healthy 0 "$designer_url" || ! wait_healthy 1 "$gateway_url"; then
  finished=1   # the failing host's log has been printed already
  die "a host did not become healthy"
fi

# --- smoke mode: a few HTTP checks, then stop ---------------------------------

if [ "$smoke" -eq 1 ]; then
  # An anonymous call to a protected API must be rejected: proves that
  # authentication is wired in, not just that the process is up.
  url="$(probe_url "$designer_url")/api/definitions"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)"
  if [ "$code" != "401" ]; then
    die "smoke: GET $url without credentials returned ${code:-no response}, expected 401"
  fi
  log "smoke: GET /api/definitions without credentials -> 401 (ok)"

  # The workspace's screens need Blazor's, MudBlazor's, the diagram's and the code editor's files, served from the build output
  # in Production too (a missing static-web-assets setup answers 404 or an empty file here).
  for asset in _framework/blazor.web.js _content/MudBlazor/MudBlazor.min.css _content/MudBlazor/MudBlazor.min.js \
      _content/Z.Blazor.Diagrams/script.min.js _content/Z.Blazor.Diagrams/style.min.css SmartKiosk.Designer.Host.styles.css \
      js/code-editor.js _content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js; do
    size="$(curl -s -o /dev/null -w '%{http_code} %{size_download}' --max-time 10 "$(probe_url "$designer_url")/$asset" || true)"
    case "$size" in
      "200 0"|"") die "smoke: GET /$asset returned ${size:-no response}, expected a non-empty file" ;;
      200\ *) ;;
      *) die "smoke: GET /$asset returned $size, expected 200" ;;
    esac
  done
  log "smoke: workspace screen assets served (ok)"

  # The kiosk API accepts signed requests only, and the demo kiosk exists.
  url="$(probe_url "$gateway_url")/api/kiosk/document-types"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Authorization: SK1-HMAC-SHA256 Credential=x, Signature=eA==' "$url" || true)"
  if [ "$code" != "401" ]; then
    die "smoke: GET $url with a bad signature returned ${code:-no response}, expected 401"
  fi
  [ -s "$data_dir/demo-kiosk.json" ] || die "smoke: the gateway did not write $data_dir/demo-kiosk.json"
  log "smoke: kiosk API refuses a bad signature -> 401, demo kiosk credential written (ok)"
  log "smoke: OK"
  exit 0
fi

# --- interactive mode: show where things are, then wait for Ctrl-C -----------

echo
echo "SmartKiosk is running:"
echo "  Designer.Host  $designer_url"
echo "  KioskGateway   $gateway_url"
echo "  data folder    $data_dir"
echo "  logs           ${logs[0]}"
echo "                 ${logs[1]}"
if [ -f "$data_dir/first-run-credentials.txt" ]; then
  echo
  echo "First-run credentials ($data_dir/first-run-credentials.txt):"
  sed 's/^/  /' "$data_dir/first-run-credentials.txt"
fi
if [ -f "$data_dir/demo-kiosk.json" ]; then
  echo
  echo "Demo kiosk: $(sed -nE 's/.*"deviceId": "([^"]+)".*/\1/p' "$data_dir/demo-kiosk.json") (credential in $data_dir/demo-kiosk.json)"
  echo "Try a kiosk session with the simulator (in another terminal):"
  echo "  dotnet run --project samples/KioskSimulator -c Release -- submit --type cccd --generate --approve --email you@example.vn"
  echo "  (--approve signs as the demo clerk; e-mails land in $data_dir/outbox as .eml files)"
  echo "Officers review and sign at $designer_url/tasks (clerk and clerk2: Hoàn Kiếm, clerk-bd: Ba Đình)."
fi
if [ -f "$data_dir/demo-kiosk-screen.txt" ]; then
  echo
  echo "Kiosk touch screen (open in Chromium or Chrome; camera needs 127.0.0.1/localhost or HTTPS):"
  sed 's/^/  /' "$data_dir/demo-kiosk-screen.txt"
fi
echo
echo "Press Ctrl-C to stop."

# Returns when either host exits on its own (a crash) or when a signal arrives
# (the INT/TERM trap then exits and the EXIT trap stops the other host).
set +e
wait -n "${pids[@]}"
rc=$?
set -e
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then
    log "${names[$i]} exited unexpectedly (status $rc); last lines of ${logs[$i]}:"
    tail -n 60 "${logs[$i]}" >&2 || true
  fi
done
exit 1
