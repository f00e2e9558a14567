#!/usr/bin/env bash
# Install what the build, tests and run.sh need beyond the .NET SDK.
#
# Idempotent and offline-safe: it only talks to apt/npm when something listed
# is actually missing, so on a prepared machine it is a quick no-op.
#   scripts/apt-packages.txt  Debian packages (one per line, `#` comments)
#   scripts/npm-packages.txt  npm packages, installed into .tools/npm
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"

log() { echo "install-prerequisites: $*" >&2; }

# Print the entries of a package list: comments and blank lines removed.
read_list() {
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/[[:space:]]\+$//' -e 's/^[[:space:]]\+//' "$1" | grep -v '^$' || true
}

# --- Debian packages ---------------------------------------------------------

apt_missing=()
while IFS= read -r pkg; do
  # dpkg-query exits non-zero for packages it has never heard of; treat that
  # the same as "not installed".
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [ "$status" != "install ok installed" ]; then
    apt_missing+=("$pkg")
  fi
done < <(read_list "$script_dir/apt-packages.txt")

if [ "${#apt_missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${apt_missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "error: not root and no sudo; install ${apt_missing[*]} by hand"; exit 1; }
    sudo="sudo"
  fi
  # `apt-get update` only now, and once: the package lists may be absent or
  # stale on a fresh machine, and a prepared machine never gets here.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
else
  log "Debian packages: all present"
fi

# --- npm packages (hook; the list is empty for now) -------------------------

mapfile -t npm_wanted < <(read_list "$script_dir/npm-packages.txt")
if [ "${#npm_wanted[@]}" -gt 0 ]; then
  npm_prefix="$repo_root/.tools/npm"
  npm_missing=()
  for spec in "${npm_wanted[@]}"; do
    # Strip a trailing @version (but keep the leading @ of a scoped name).
    name="${spec%@*}"
    [ -n "$name" ] || name="$spec"
    [ -d "$npm_prefix/node_modules/$name" ] || npm_missing+=("$spec")
  done
  if [ "${#npm_missing[@]}" -gt 0 ]; then
    if ! command -v npm >/dev/null 2>&1; then
      log "error: npm packages listed but npm is not installed (add npm to scripts/apt-packages.txt)"
      exit 1
    fi
    log "installing npm packages into .tools/npm: ${npm_missing[*]}"
    mkdir -p "$npm_prefix"
    npm install --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error "${npm_missing[@]}"
  else
    log "npm packages: all present"
  fi
fi
