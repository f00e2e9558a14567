#!/usr/bin/env bash
# Re-run face-api's own JavaScript to produce the reference numbers the golden face tests compare
# our ONNX conversion with (tests/Faces.Reference/reference.cjs; pure-JS TensorFlow.js, offline).
#   scripts/face-reference.sh [out-folder]     default: .artifacts/face-reference
# The packages are installed from the committed lockfile with `npm ci` (no install scripts run).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reference_dir="$repo_root/tests/Faces.Reference"
out_dir="${1:-$repo_root/.artifacts/face-reference}"

log() { echo "face-reference: $*" >&2; }

if [ ! -d "$reference_dir/node_modules" ] || [ "$reference_dir/package-lock.json" -nt "$reference_dir/node_modules" ]; then
  log "installing the reference script's packages (npm ci)"
  (cd "$reference_dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  touch "$reference_dir/node_modules"
fi

# A fresh folder: the tests must never read numbers left over from an older run.
rm -rf "$out_dir"
(cd "$reference_dir" && node reference.cjs --out "$out_dir") 2>&1 | grep -v -e '^=*$' -e 'tfjs-node' -e 'Hi, looks like' >&2 || true
[ -f "$out_dir/reference.json" ] || { log "error: the reference script wrote no reference.json"; exit 1; }
