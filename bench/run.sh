#!/usr/bin/env bash
# End-to-end benchmark: pith vs Readability.js (and trafilatura where installed) on the sets in
# ../shared/bench, speed and quality in one run. Called by `make bench` (after `make build`).
#
#   bash bench/run.sh                 # both sets, full (about 10-20 min: jsdom is slow)
#   bash bench/run.sh --set dev       # one set
#   bash bench/run.sh --quick         # first 40 pages of each set (--pages N for another N)
#   bash bench/run.sh --help          # all options (bench/run.py)
#
# Installs bench/readability/node_modules from package-lock.json (npm ci) when needed, then runs
# bench/run.py with the Debian python (stdlib only). Reports: bench/results/YYYY-MM-DD-<set>.md
# for full sets, bench/out/<set>-firstN/report.md for --quick; everything else in bench/out/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."

py=/usr/bin/python3
[ -x "$py" ] || py="$(command -v python3)"

need_node=1
custom_shared=0
for arg in "$@"; do
  case "$arg" in
    --no-readability|-h|--help) need_node=0 ;;
    --shared|--shared=*) custom_shared=1 ;;
  esac
done
# The benchmark sets live next to the repository (or in $PITH_SHARED); skip cleanly without them.
shared="${PITH_SHARED:-$(dirname "$(git rev-parse --show-toplevel 2>/dev/null || pwd)")/shared}"
if [ "$custom_shared" = 0 ] && [ "$need_node" = 1 ] && [ ! -f "$shared/bench/score.py" ]; then
  echo "bench: $shared/bench (benchmark sets and score.py) not found, skipping; set PITH_SHARED" >&2
  exit 0
fi
if [ "$need_node" = 1 ]; then
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "bench: node and npm are needed for the Readability.js baseline (or pass --no-readability)" >&2
    exit 1
  fi
  rd="$here/readability"
  # npm ci writes node_modules/.package-lock.json; reinstall when the lock file is newer.
  if [ ! -f "$rd/node_modules/.package-lock.json" ] || [ "$rd/package-lock.json" -nt "$rd/node_modules/.package-lock.json" ]; then
    echo "bench: installing Readability.js + jsdom into bench/readability/node_modules" >&2
    (cd "$rd" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
fi

exec "$py" "$here/run.py" "$@"
