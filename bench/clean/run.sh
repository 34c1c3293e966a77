#!/usr/bin/env bash
# The pith clean benchmark: for each page of ../shared/bench dev and wcxb-dev, the visible text
# lines of its HTML (what a Common Crawl WET record holds; `pith wet`), then, in the same run,
# the raw lines, C4's and FineWeb's line filters (baselines.py, thresholds cited there) and
# pith clean, scored by the sets' own scorer (score.py). Speed: pith clean on one thread,
# MB of input JSONL per CPU second (user+sys), which includes reading and writing JSON; the
# input is the set repeated to 100 MB, five runs, median quoted.
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
  # Speed: the set's input repeated to 100 MB or more (a run of a second or more, well above
  # the 10 ms clock of /usr/bin/time), five runs; the median is the number to quote on a shared
  # machine.
  reps=$(python3 -c "import os,sys; print(max(1, -(-100_000_000 // max(1, os.path.getsize(sys.argv[1])))))" "$out/$s.in.jsonl")
  for ((k = 0; k < reps; k++)); do cat "$out/$s.in.jsonl"; done > "$out/$s.speed.in.jsonl"
  mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$out/$s.speed.in.jsonl")
  : > "$out/$s.speeds"
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%U %S" -o "$out/$s.time" "$pith" clean "$out/$s.speed.in.jsonl" -j 1 -f jsonl -o "$out/$s.speed.jsonl" 2>/dev/null || true
    read -r u sy < <(tail -n 1 "$out/$s.time")
    python3 -c "import sys; mb,u,s=map(float,sys.argv[1:]); print('%.1f' % (mb/(u+s)))" "$mb" "$u" "$sy" >> "$out/$s.speeds"
  done
  python3 -c "import sys,statistics; v=[float(x) for x in open(sys.argv[1])]; print('speed %s: %.1f MB per run, one thread: %s MB/s per core (CPU time); median %.1f' % (sys.argv[2], float(sys.argv[3]), ', '.join('%.1f' % x for x in v), statistics.median(v)))" "$out/$s.speeds" "$s" "$mb"
done
