#!/usr/bin/env bash
# Scores pith on the benchmark sets of ../shared/bench with their own scorer.
#   tools/eval.sh [SET ...]      (default: dev wcxb-dev)   env: PITH=build/pith, EXTRA="--favor ..."
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${PITH_SHARED:-$top/../shared}
pith=${PITH:-$top/build/pith}
out=${OUT:-$top/build/eval}
[ -d "$shared/bench" ] || { echo "eval: $shared/bench not found; nothing to score" >&2; exit 0; }
mkdir -p "$out"
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(dev wcxb-dev)
for s in "${sets[@]}"; do
  raw="$out/$s.raw.jsonl"; pred="$out/$s.jsonl"
  "$pith" extract "$shared/bench/$s/pages" --format jsonl -o "$raw" ${EXTRA:-} || true
  /usr/bin/python3 "$top/tools/to_pred.py" < "$raw" > "$pred"
  /usr/bin/python3 "$shared/bench/score.py" "$shared/bench/$s" "$pred" ${SCORE_ARGS:-}
done
