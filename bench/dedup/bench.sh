#!/usr/bin/env bash
# pith dedup's stages one task at a time, each in its own process under /usr/bin/time: CPU
# seconds (user + sys) and peak RSS per stage, documents per second per core, on a synthetic
# corpus of tools/gen_near_dups.py (planted near-copies on real sentences).
#
#   bench/dedup/bench.sh DOCS WORDS PARTS [WORK_DIR]      e.g. bench/dedup/bench.sh 1000000 150 16
#
# PITH=path/to/pith (default build/pith); MEMORY_MB: --memory-mb of the bucket sorts (default
# 1024). Prints a markdown table; the corpus and outputs stay in WORK_DIR (default
# /tmp/pith-dedup-bench-DOCS).
set -euo pipefail
DOCS=${1:?docs} WORDS=${2:?words per document} PARTS=${3:?parts}
WORK=${4:-/tmp/pith-dedup-bench-$DOCS}
PITH=${PITH:-build/pith}
MEMORY_MB=${MEMORY_MB:-1024}
HERE=$(cd "$(dirname "$0")/../.." && pwd)

if [ ! -f "$WORK/run/part-0000.done" ]; then
  /usr/bin/time -f "generate: %e s" /usr/bin/python3 "$HERE/tools/gen_near_dups.py" generate "$WORK" \
    --docs "$DOCS" --words "$WORDS" --parts "$PARTS" --dup-rate 0.2 --fast
fi
rm -rf "$WORK/out"
"$PITH" dedup "$WORK/run" -o "$WORK/out" --stage plan --memory-mb "$MEMORY_MB" -q
BUCKETS=$(/usr/bin/python3 -c "import json,sys; p=json.load(open(sys.argv[1])); o=p['options']; print(o['bands'] + o['exact'] + o['c4_spans'] + (o['paragraphs'] > 0))" "$WORK/out/.dedup/plan.json")
DOCS_IN=$(cat "$WORK"/run/*.jsonl | wc -l)
BYTES_IN=$(cat "$WORK"/run/*.jsonl | wc -c)

# stage NAME COUNT: runs tasks 0..COUNT-1, sums CPU seconds, keeps the highest RSS.
stage() {
  local name=$1 count=$2 cpu=0 wall=0 rss=0 i
  for ((i = 0; i < count; i++)); do
    local t
    t=$( { /usr/bin/time -f "%U %S %e %M" "$PITH" dedup -o "$WORK/out" --stage "$name" --index "$i" -q; } 2>&1 | tail -1)
    read -r u s e m <<<"$t"
    cpu=$(echo "$cpu + $u + $s" | bc)
    wall=$(echo "$wall + $e" | bc)
    ((m > rss)) && rss=$m
  done
  printf "| %s | %d | %.1f | %.1f | %.0f | %.0f |\n" "$name" "$count" "$cpu" "$wall" \
    "$(echo "$DOCS_IN / ($cpu + 0.001)" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

echo "corpus: $DOCS_IN documents, $((BYTES_IN / 1048576)) MiB of JSONL, $PARTS parts; $BUCKETS buckets; memory budget $MEMORY_MB MiB"
echo
echo "| stage | tasks | CPU s | wall s | documents/s per core | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
stage signatures "$PARTS"
stage buckets "$BUCKETS"
stage clusters 1
stage filter "$PARTS"
stage finish 1
echo
grep -o '"documents":[0-9]*,"kept":[0-9]*,"removed":[0-9]*' "$WORK/out/stats.json"
du -sh "$WORK/out/.dedup/signatures" "$WORK/out/.dedup/buckets" | sed 's/^/disk: /'
