#!/usr/bin/env bash
# The block classifier (Options::block_model, src/extract/block_model.h) scored on held-out sites
# only: the sites of all five sets are cut into 5 folds (tools/train_blocks.py, grouped by host);
# for each fold a model is trained on the other four and written to a file, and that fold's pages
# are extracted by `pith extract --block-model-file FILE` (no rebuild). score.py then scores each
# set from the held-out outputs alone. The shipped model (block_model.inc) is not touched.
#   tools/cv_blocks.sh FEATURE_DIR   env: PITH=build/pith, OUT=build-cv-blocks, FOLDS=5
# FEATURE_DIR holds SET.raw.jsonl of a -DPITH_RECORD_FEATURES build (usage in train_blocks.py).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${PITH_SHARED:-$top/../shared}
features=${1:?usage: tools/cv_blocks.sh FEATURE_DIR}
pith=${PITH:-$top/build/pith}
out=${OUT:-$top/build-cv-blocks}
folds=${FOLDS:-5}
py=/usr/bin/python3
sets=(dev wcxb-dev magic-html newspaper goose3)
[ -d "$shared/bench" ] || { echo "cv_blocks: $shared/bench not found; nothing to score" >&2; exit 0; }
mkdir -p "$out"
for s in "${sets[@]}"; do : > "$out/$s.raw.jsonl"; done
for ((k = 0; k < folds; k++)); do
  "$py" "$top/tools/train_blocks.py" "$features" --model gbdt --rounds 60 --page-weights --folds "$folds" \
    --export "$out/fold$k.model" --fold-model "$k" --pages "$out/fold$k.txt"
  for s in "${sets[@]}"; do
    dir="$out/fold$k/$s"
    rm -rf "$dir" && mkdir -p "$dir"
    grep "^$s/" "$out/fold$k.txt" | while IFS=/ read -r _ id; do
      ln -s "$shared/bench/$s/pages/$id.html.gz" "$dir/$id.html.gz"
    done
    "$pith" extract "$dir" --block-model-file "$out/fold$k.model" --format jsonl -o "$dir.raw.jsonl" 2>/dev/null || true
    cat "$dir.raw.jsonl" >> "$out/$s.raw.jsonl"
  done
  echo "fold $k: $(wc -l < "$out/fold$k.txt") pages"
done
for s in "${sets[@]}"; do
  "$py" "$top/tools/to_pred.py" < "$out/$s.raw.jsonl" > "$out/$s.jsonl"
  echo "== $s (held-out block model)"
  "$py" "$shared/bench/score.py" "$shared/bench/$s" "$out/$s.jsonl"
done
