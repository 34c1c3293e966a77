#!/usr/bin/env bash
# pith run, two builds side by side in one run: the same inputs, alternating A and B, REPS times
# each; MB of uncompressed WARC per CPU second (user + system) at -j 1, the median per build and
# B's ratio to A; a check that both wrote the same documents (a timing of a wrong output is not
# printed as a win).
#
#   bash bench/run/compare.sh OLD_PITH NEW_PITH [REPS]     # inputs: bench/run/run.sh's WARCs
set -euo pipefail
a=$1 b=$2 reps=${3:-3}
tmp=${TMPDIR:-/tmp}/pith-bench-run
echo "| input | build | runs (MB/s per core) | median | ratio to A | documents written | same bytes |"
echo "|---|---|---|---|---|---|---|"
for in in "$tmp/dev.warc" "$tmp/wcxb.warc" "$tmp/wcxb.warc.gz"; do
  [ -f "$in" ] || continue
  declare -A rates=()
  for r in $(seq 1 "$reps"); do
    for which in A B; do
      bin=$a; [ $which = B ] && bin=$b
      out="$tmp/cmp-$which"
      rm -rf "$out"
      /usr/bin/time -f "%U %S" -o "$tmp/cmp-time" "$bin" run "$in" -o "$out" -j 1 --recipe fineweb --format jsonl \
        2>/dev/null >/dev/null || true
      read -r user sys < "$tmp/cmp-time"
      bytes=$(python3 -c "import json;print(json.load(open('$out/stats.json'))['bytes_uncompressed'])")
      rates[$which]+="$(python3 -c "print(f'{$bytes/1e6/($user+$sys):.1f}')") "
    done
  done
  docs_a=$(cat "$tmp"/cmp-A/*.jsonl | wc -l); docs_b=$(cat "$tmp"/cmp-B/*.jsonl | wc -l)
  same=no; cmp -s <(cat "$tmp"/cmp-A/*.jsonl) <(cat "$tmp"/cmp-B/*.jsonl) && same=yes
  python3 - "$(basename "$in")" "${rates[A]}" "${rates[B]}" "$docs_a" "$docs_b" "$same" <<'PY'
import statistics, sys
name, ra, rb, da, db, same = sys.argv[1:]
ra = [float(x) for x in ra.split()]; rb = [float(x) for x in rb.split()]
ma, mb = statistics.median(ra), statistics.median(rb)
print(f"| {name} | A | {', '.join(map(str, ra))} | {ma:.1f} | 1.00 | {da} | |")
print(f"| {name} | B | {', '.join(map(str, rb))} | {mb:.1f} | {mb/ma:.3f} | {db} | {same} |")
PY
  unset rates
done
