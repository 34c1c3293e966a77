#!/usr/bin/env bash
# Runs a ThreadSanitizer build (clang) of pith over page folders with 4 threads: pith extract on
# the pages, then pith clean on what it extracted. Fails on any data race report or crash. (A
# race of this kind, progress read while the reader thread replaced its file reader, crashed
# pith extract now and then; ASan, valgrind and one thread never see such bugs.)
#   tools/tsan_bench.sh [PAGES_DIR ...]   (default: ../shared/bench/{dev,wcxb-dev}/pages)
#   env: BUILD=build-tsan (configured and built here if needed), PITH_SHARED
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${PITH_SHARED:-$top/../shared}
build=${BUILD:-$top/build-tsan}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPITH_BENCH=OFF \
    -DPITH_TESTS=OFF -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_C_FLAGS=-fsanitize=thread \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target pith_cli >/dev/null
pith=$build/pith

sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  for s in dev wcxb-dev; do
    [ -d "$shared/bench/$s/pages" ] && sets+=("$shared/bench/$s/pages")
  done
fi
if [ ${#sets[@]} -eq 0 ]; then
  echo "tsan_bench: no page folders given and none under $shared/bench; nothing to run" >&2
  exit 0
fi

logs=$(mktemp -d "${TMPDIR:-/tmp}/pith-tsan.XXXXXX")
failed=0
for pages in "${sets[@]}"; do
  name=$(basename "$(dirname "$pages")")
  for step in extract clean; do
    rc=0
    if [ $step = extract ]; then
      TSAN_OPTIONS="halt_on_error=1:exitcode=66" "$pith" extract "$pages" --format jsonl -j 4 -q \
        -o "$logs/$name.jsonl" 2>"$logs/$name.$step.stderr" || rc=$?
    else
      TSAN_OPTIONS="halt_on_error=1:exitcode=66" "$pith" clean "$logs/$name.jsonl" -f jsonl -j 4 -q \
        -o "$logs/$name.clean.jsonl" 2>"$logs/$name.$step.stderr" || rc=$?
    fi
    if grep -q "ThreadSanitizer" "$logs/$name.$step.stderr" || [ $rc -ge 2 ]; then
      echo "tsan_bench: $name, pith $step: exit $rc; the report is in $logs/$name.$step.stderr" >&2
      grep -m1 -A12 "WARNING: ThreadSanitizer" "$logs/$name.$step.stderr" >&2 || tail -n 5 "$logs/$name.$step.stderr" >&2
      failed=1
    else
      echo "tsan_bench: $name, pith $step: no race reported (exit $rc)" >&2
    fi
  done
done
exit $failed
