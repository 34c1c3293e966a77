#!/usr/bin/env bash
# pith run end to end: a WARC made from the pages of ../shared/bench, the fineweb recipe,
# MB/s of uncompressed WARC per core at -j 1 .. -j N, peak RSS, and a check that every
# thread count wrote the same bytes (a timing of a wrong output is not printed).
#
#   bash bench/run/run.sh [BUILD_DIR] [--big]     # --big: also a 2 GB WARC at -j 2 (RSS bound)
#
# WARCs go to $TMPDIR (never committed). Prints a Markdown table for bench/results/.
set -euo pipefail
build=${1:-build}
big=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
pith="$root/$build/pith"
shared="$root/../shared/bench"
[ -d "$shared" ] || shared="$root/../../shared/bench"
[ -d "$shared" ] || { echo "bench/run: ../shared/bench not found; skipped"; exit 0; }
tmp=${TMPDIR:-/tmp}/pith-bench-run
mkdir -p "$tmp"
[ -f "$tmp/dev.warc" ] || python3 "$root/tools/make_warc.py" "$shared/dev/pages" "$tmp/dev.warc"
[ -f "$tmp/wcxb.warc" ] || python3 "$root/tools/make_warc.py" "$shared/wcxb-dev/pages" "$tmp/wcxb.warc"
[ -f "$tmp/wcxb.warc.gz" ] || python3 "$root/tools/make_warc.py" "$shared/wcxb-dev/pages" "$tmp/wcxb.warc.gz" --cc-like
[ -f "$tmp/wcxb.warc.wet.gz" ] || { "$pith" wet "$shared/wcxb-dev/pages" -f jsonl -o "$tmp/wcxb-wet.jsonl" 2>/dev/null || true;
  python3 "$root/tools/make_warc.py" "$shared/wcxb-dev/pages" "$tmp/wcxb.warc.wet.gz" --wet-from "$tmp/wcxb-wet.jsonl"; }

ncores=$(nproc)
echo "| input | -j | wall s | CPU s | MB/s per core (CPU) | MB/s (wall) | peak RSS MB | records | written | same bytes as -j1 |"
echo "|---|---|---|---|---|---|---|---|---|---|"
run() {  # input jobs
  local in=$1 j=$2 out="$tmp/out-$(basename "$1")-j$2"
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$pith" run "$in" -o "$out" -j "$j" --recipe fineweb --format jsonl 2>/dev/null || true
  read -r wall user sys rss < "$tmp/time"
  local bytes records written same
  bytes=$(python3 -c "import json;print(json.load(open('$out/stats.json'))['bytes_uncompressed'])")
  records=$(python3 -c "import json;print(json.load(open('$out/stats.json'))['records'])")
  written=$(python3 -c "import json;print(json.load(open('$out/stats.json'))['written'])")
  same="-"
  if [ "$j" != 1 ] && [ -f "$tmp/out-$(basename "$in")-j1/$(basename "$in").jsonl" ]; then
    if cmp -s "$out/$(basename "$in").jsonl" "$tmp/out-$(basename "$in")-j1/$(basename "$in").jsonl"; then same=yes; else same=NO; fi
  fi
  python3 -c "
b=$bytes; w=$wall; c=$user+$sys
print(f'| $(basename "$in") ({b/1e6:.0f} MB) | $j | {w:.1f} | {c:.1f} | {b/1e6/c:.1f} | {b/1e6/w:.1f} | {$rss/1024:.0f} | $records | $written | $same |')"
}
for in in "$tmp/dev.warc" "$tmp/wcxb.warc" "$tmp/wcxb.warc.gz" "$tmp/wcxb.warc.wet.gz"; do
  for j in $(seq 1 "$ncores"); do run "$in" "$j"; done
done
if [ "$big" = "--big" ]; then
  [ -f "$tmp/big.warc" ] || python3 "$root/tools/make_warc.py" "$shared/wcxb-dev/pages" "$tmp/big.warc" --min-bytes 2.1e9
  run "$tmp/big.warc" 2
fi
