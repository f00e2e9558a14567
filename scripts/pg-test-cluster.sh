#!/usr/bin/env bash
# Throw-away PostgreSQL cluster for tests.
#
#   scripts/pg-test-cluster.sh start [DIR]  start a cluster (in a new temp dir
#                                           unless DIR is given) and print
#                                           `export ...` lines for `eval`
#   scripts/pg-test-cluster.sh env DIR      print the same lines again for a
#                                           running cluster
#   scripts/pg-test-cluster.sh stop DIR     stop it and delete DIR
#   scripts/pg-test-cluster.sh restart DIR  restart it on the same port (fault injection)
#
# Typical use:
#   eval "$(scripts/pg-test-cluster.sh start)"
#   trap 'scripts/pg-test-cluster.sh stop "$SMARTKIOSK_TEST_PG_DIR"' EXIT
#
# Printed variables (stdout only carries these lines; progress goes to stderr):
#   SMARTKIOSK_TEST_PG      Npgsql connection string without a database, e.g.
#                           Host=127.0.0.1;Port=54321;Username=postgres;Pooling=true
#   SMARTKIOSK_TEST_PG_DIR  the cluster folder (data/, socket, server log)
#
# Environment:
#   SMARTKIOSK_PG_DURABLE=1  keep fsync/synchronous_commit on (benchmarks)
#   SMARTKIOSK_PG_BIN  folder with initdb/pg_ctl (default: PostgreSQL 15's,
#                      else the newest /usr/lib/postgresql/*/bin)
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# A marker file lets `stop` refuse to `rm -rf` a folder this script did not make.
marker_name=".smartkiosk-pg-test-cluster"

log() { echo "pg-test-cluster: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- finding / installing PostgreSQL ---------------------------------------

find_pg_bin() {
  if [ -n "${SMARTKIOSK_PG_BIN:-}" ]; then
    echo "$SMARTKIOSK_PG_BIN"
    return
  fi
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    echo /usr/lib/postgresql/15/bin
    return
  fi
  # Any other installed major version is fine for tests; take the newest.
  local newest
  newest="$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1 || true)"
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then
    echo "$newest"
  fi
}

ensure_pg_installed() {
  pg_bin="$(find_pg_bin)"
  if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ]; then
    return
  fi
  [ -z "${SMARTKIOSK_PG_BIN:-}" ] || die "SMARTKIOSK_PG_BIN=$SMARTKIOSK_PG_BIN has no initdb/pg_ctl"
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL server binaries not found and not root to install them (apt-get install postgresql-15)"
  # Only touch apt when the binaries are really missing: a fresh machine needs
  # this, a prepared one must not depend on the network.
  log "PostgreSQL binaries missing: installing postgresql-15 with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql-15 >&2
  pg_bin="$(find_pg_bin)"
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    die "postgresql-15 installed but initdb still not found"
  fi
}

# initdb/pg_ctl refuse to run as root. As root we run them as the `postgres`
# system user (created if a custom image lacks it); as anyone else we just run
# them as ourselves.
ensure_run_user() {
  if [ "$(id -u)" -ne 0 ]; then
    run_user=""
    return
  fi
  run_user="postgres"
  if ! id "$run_user" >/dev/null 2>&1; then
    log "creating system user $run_user"
    useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql \
      --shell /usr/sbin/nologin "$run_user"
  fi
}

# Run a PostgreSQL tool as the cluster owner, from inside the cluster folder
# (postgres cannot read root's cwd, and initdb complains loudly about that).
as_owner() {
  local dir="$1"; shift
  if [ -n "$run_user" ]; then
    (cd "$dir" && runuser -u "$run_user" -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

print_env() {
  local dir="$1" port
  port="$(cat "$dir/port")"
  # Pooling=true: Npgsql keeps connections per database, which keeps the many
  # short-lived test databases cheap. No Database= on purpose: the fixtures
  # create their own databases and add it.
  echo "export SMARTKIOSK_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true'"
  echo "export SMARTKIOSK_TEST_PG_DIR='$dir'"
}

# --- commands ---------------------------------------------------------------

cmd_start() {
  local dir="${1:-}"
  ensure_pg_installed
  ensure_run_user

  if [ -z "$dir" ]; then
    # /tmp explicitly (not $TMPDIR): the postgres user must be able to reach
    # it, and the unix socket path must stay under ~100 characters.
    dir="$(mktemp -d /tmp/smartkiosk-pg.XXXXXX)"
  else
    # `stop` deletes the whole folder, so never adopt one with content in it.
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
      die "$dir is not empty; give a new or empty folder"
    fi
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
  fi
  local started=0
  # Clean up the half-made cluster if anything below fails.
  trap '[ "$started" -eq 1 ] || { as_owner "$dir" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }' EXIT
  touch "$dir/$marker_name"
  [ -z "$run_user" ] || chown -R "$run_user:" "$dir"
  chmod 700 "$dir"
  if [ -n "$run_user" ] && ! runuser -u "$run_user" -- test -w "$dir"; then
    die "user $run_user cannot write to $dir: each parent folder must be searchable by $run_user (a folder under /tmp works)"
  fi

  # --no-sync: the cluster is disposable, so skip fsyncing the new files
  # (saves seconds). trust auth: nothing but this machine can reach it.
  # C.UTF-8 is built into glibc on Debian 12, so no locale package is needed.
  local locale="C.UTF-8"
  locale -a 2>/dev/null | grep -qix 'c.utf-\{0,1\}8' || locale="C"
  if ! as_owner "$dir" "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust \
        -E UTF8 --locale="$locale" --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi

  # Settings trade durability for speed (fine for throw-away test data) and
  # keep the server private: TCP on loopback only, socket inside $dir so it
  # never clashes with a system cluster's /var/run/postgresql.
  # SMARTKIOSK_PG_DURABLE=1 keeps PostgreSQL's durable defaults (benchmarks of the durable mode).
  local durability="off"
  [ "${SMARTKIOSK_PG_DURABLE:-0}" = "1" ] && durability="on"
  cat >>"$dir/data/postgresql.conf" <<CONF

# --- added by scripts/pg-test-cluster.sh (test-only settings) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
fsync = $durability
synchronous_commit = $durability
full_page_writes = $durability
# Quieter, smaller server for a 2-core test machine.
shared_buffers = 128MB
max_wal_size = 1GB
logging_collector = off
log_min_messages = warning
CONF

  # Picking a free port and binding it are not atomic: another process could
  # take it in between, so retry a few times with a new port.
  local attempt port
  for attempt in 1 2 3 4 5; do
    port="$("$script_dir/free-port.sh")"
    echo "$port" >"$dir/port"
    if as_owner "$dir" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
          -o "-p $port" -w -t 60 start >/dev/null 2>"$dir/pg_ctl.err"; then
      started=1
      break
    fi
    log "start on port $port failed (attempt $attempt):"
    tail -n 5 "$dir/server.log" "$dir/pg_ctl.err" >&2 2>/dev/null || true
  done
  [ "$started" -eq 1 ] || die "could not start PostgreSQL (see messages above)"
  trap - EXIT

  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$port (dir $dir)"
  print_env "$dir"
}

check_dir() {
  local dir="${1:-}"
  [ -n "$dir" ] || usage
  [ -f "$dir/$marker_name" ] || die "$dir is not a cluster made by this script"
}

cmd_env() {
  check_dir "${1:-}"
  print_env "$(cd "$1" && pwd)"
}

cmd_stop() {
  local dir="${1:-}"
  if [ -n "$dir" ] && [ ! -e "$dir" ]; then
    log "$dir does not exist (already stopped?)"
    return 0
  fi
  check_dir "$dir"
  ensure_run_user
  pg_bin="$(find_pg_bin)"
  if [ -f "$dir/data/postmaster.pid" ] && [ -n "$pg_bin" ]; then
    # immediate: no checkpoint, the data is about to be deleted anyway.
    as_owner "$dir" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || log "pg_ctl stop failed (server already gone?)"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

# Fault injection: the server goes away (fast shutdown: clients are disconnected) and comes back on
# the same port, as a database failover or restart would look to the nodes.
cmd_restart() {
  local dir="${1:-}"
  check_dir "$dir"
  ensure_run_user
  pg_bin="$(find_pg_bin)"
  as_owner "$dir" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $(cat "$dir/port")" -m fast -w -t 60 restart >/dev/null \
    || die "restart failed: $(tail -n 5 "$dir/server.log")"
  log "restarted the cluster in $dir"
}

case "${1:-}" in
  start)   shift; cmd_start "$@" ;;
  env)     shift; cmd_env "$@" ;;
  stop)    shift; cmd_stop "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  *)     usage ;;
esac
