#!/usr/bin/env bash
# Extraction quality with the page-type model cross-validated: each page of wcxb-dev is
# extracted by a pith whose page-type model was fitted without that page's site (5 folds,
# grouped by site as in tools/train_page_type.py), so the per-type F1 it prints is not measured
# on pages the model learned from. (The type steers the second selection pass: content.h
# SelectionHints.) The shipped model, fitted on all pages, is not touched.
#   tools/cv_extract.sh            env: OUT=build-cv (work dir), FOLDS=5
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${PITH_SHARED:-$top/../shared}
set_dir=$shared/bench/wcxb-dev
out=${OUT:-$top/build-cv}
folds=${FOLDS:-5}
[ -d "$set_dir" ] || { echo "cv_extract: $set_dir not found; nothing to score" >&2; exit 0; }
mkdir -p "$out/model/extract"
out=$(cd "$out" && pwd)  # absolute: the compiler runs in the build folder (-iquote "$out/model")
py=/usr/bin/python3

# 1. Page-type features of every page, from a build that records them.
cmake -S "$top" -B "$out/features" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPITH_BENCH=OFF \
  -DCMAKE_CXX_FLAGS=-DPITH_RECORD_FEATURES >/dev/null
ninja -C "$out/features" pith >/dev/null
"$out/features/pith" extract "$set_dir/pages" --format jsonl -o "$out/features.jsonl" 2>/dev/null || true

# 2. One build whose page-type model is read from $out/model (-iquote is searched before the
#    source tree for quoted includes); each fold rewrites it and only page_type.cpp recompiles.
cp "$top/src/extract/page_type_model.inc" "$out/model/extract/page_type_model.inc"
cmake -S "$top" -B "$out/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPITH_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="-iquote $out/model" >/dev/null
: > "$out/cv.raw.jsonl"
for ((k = 0; k < folds; k++)); do
  "$py" "$top/tools/train_page_type.py" "$set_dir" "$out/features.jsonl" --folds "$folds" --fold-model "$k" \
    --out "$out/model/extract/page_type_model.inc" --pages "$out/fold$k.txt"
  ninja -C "$out/build" pith >/dev/null
  rm -rf "$out/fold$k" && mkdir -p "$out/fold$k"
  while read -r id; do ln -s "$set_dir/pages/$id.html.gz" "$out/fold$k/$id.html.gz"; done < "$out/fold$k.txt"
  "$out/build/pith" extract "$out/fold$k" --format jsonl -o "$out/fold$k.raw.jsonl" 2>/dev/null || true
  cat "$out/fold$k.raw.jsonl" >> "$out/cv.raw.jsonl"
  echo "fold $k: $(wc -l < "$out/fold$k.txt") pages"
done
"$py" "$top/tools/to_pred.py" < "$out/cv.raw.jsonl" > "$out/cv.jsonl"
"$py" "$shared/bench/score.py" "$set_dir" "$out/cv.jsonl"
