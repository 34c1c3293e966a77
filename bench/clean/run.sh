#!/usr/bin/env bash
# The pith clean benchmark: for each page of ../shared/bench dev and wcxb-dev, the visible text
# lines of its HTML (what a Common Crawl WET record holds; `pith wet`), then, in the same run,
# the raw lines, C4's and FineWeb's line filters (baselines.py, thresholds cited there) and
# pith clean, scored by the sets' own scorer (score.py). Speed: pith clean on one thread,
# MB of input JSONL per CPU second (user+sys), which includes reading and writing JSON.
#   bench/clean/run.sh [SET ...]     env: PITH=build/pith OUT=build/cleanbench
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PITH_SHARED:-$top/../shared}
pith=${PITH:-$top/build/pith}
out=${OUT:-$top/build/cleanbench}
[ -d "$shared/bench" ] || { echo "bench/clean: $shared/bench not found; nothing to run" >&2; exit 0; }
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(dev wcxb-dev)
mkdir -p "$out"
for s in "${sets[@]}"; do
  d="$shared/bench/$s"
  "$pith" wet "$d/pages" -o "$out/$s.wet.jsonl"
  python3 "$top/bench/clean/prepare.py" "$d" < "$out/$s.wet.jsonl" > "$out/$s.in.jsonl"
  python3 "$top/bench/clean/baselines.py" "$out/$s" < "$out/$s.in.jsonl"
  "$pith" clean "$out/$s.in.jsonl" -f jsonl -o "$out/$s.pith.raw.jsonl" 2> "$out/$s.pith.log" || true
  python3 "$top/bench/clean/to_pred.py" < "$out/$s.pith.raw.jsonl" > "$out/$s/pith-clean.jsonl"
  echo "== $s"
  python3 "$shared/bench/score.py" "$d" "$out/$s/raw.jsonl" "$out/$s/c4-lines.jsonl" "$out/$s/c4-page.jsonl" \
    "$out/$s/fineweb-lines.jsonl" "$out/$s/fineweb-page.jsonl" "$out/$s/pith-clean.jsonl"
  mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$out/$s.in.jsonl")
  for i in 1 2 3; do
    /usr/bin/time -f "%U %S" -o "$out/$s.time" "$pith" clean "$out/$s.in.jsonl" -j 1 -f jsonl -o "$out/$s.speed.jsonl" 2>/dev/null || true
    read -r u sy < <(tail -n 1 "$out/$s.time")
    python3 -c "import sys; mb,u,s=map(float,sys.argv[1:]); print('speed %s: %.1f MB in %.2f CPU s = %.1f MB/s per core' % ('$s', mb, u+s, mb/(u+s)))" "$mb" "$u" "$sy"
  done
done
