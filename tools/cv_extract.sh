#!/usr/bin/env bash
# Extraction quality with the page-type model cross-validated: each page of wcxb-dev is
# extracted by a pith whose page-type model was fitted without that page's site (5 folds,
# grouped by site as in tools/train_page_type.py), so the per-type F1 it prints is not measured
# on pages the model learned from. (The type steers the second selection pass: content.h
# SelectionHints.) The shipped model, fitted on all pages, is not touched.
# The shipped model also learns from the set's copies without class names (tools/strip_attrs.py
# --mode strip and --mode html4, in /tmp/blind-bench and /tmp/html4-bench); each fold's model does
# too where they exist, all copies of a site in the site's fold (only the set's own pages are scored).
#   tools/cv_extract.sh            env: OUT=build-cv (work dir), FOLDS=5,
#                                  COPIES="stripped:/tmp/blind-bench html4:/tmp/html4-bench" (NAME:BENCH_ROOT),
#                                  REUSE_FEATURES=1 (keep $OUT/features*.jsonl from an earlier run)
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

copies=()
for c in ${COPIES-stripped:/tmp/blind-bench html4:/tmp/html4-bench}; do
  if [ -d "${c#*:}/bench/wcxb-dev/pages" ]; then copies+=("$c"); else echo "cv_extract: no copy ${c#*:}" >&2; fi
done

# 1. Page-type features of every page, from a build that records them.
if [ "${REUSE_FEATURES:-0}" != 1 ]; then
  cmake -S "$top" -B "$out/features" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPITH_BENCH=OFF \
    -DCMAKE_CXX_FLAGS=-DPITH_RECORD_FEATURES >/dev/null
  ninja -C "$out/features" pith >/dev/null
  "$out/features/pith" extract "$set_dir/pages" --format jsonl -o "$out/features.jsonl" 2>/dev/null || true
  for c in "${copies[@]}"; do
    "$out/features/pith" extract "${c#*:}/bench/wcxb-dev/pages" --format jsonl -o "$out/features-${c%%:*}.jsonl" \
      2>/dev/null || true
  done
fi
copy_args=()
for c in "${copies[@]}"; do copy_args+=(--copy "${c%%:*}" "${c#*:}/bench/wcxb-dev" "$out/features-${c%%:*}.jsonl"); done

# 2. One build whose page-type model is read from $out/model (-iquote is searched before the
#    source tree for quoted includes); each fold rewrites it and only page_type.cpp recompiles.
cp "$top/src/extract/page_type_model.inc" "$out/model/extract/page_type_model.inc"
cmake -S "$top" -B "$out/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPITH_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="-iquote $out/model" >/dev/null
: > "$out/cv.raw.jsonl"
for ((k = 0; k < folds; k++)); do
  "$py" "$top/tools/train_page_type.py" "$set_dir" "$out/features.jsonl" "${copy_args[@]}" \
    --folds "$folds" --fold-model "$k" \
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
