#!/usr/bin/env bash
# Runs the ASan+UBSan build of `pith extract` over the dev sets and fails on any sanitizer
# report (memory error, leak, undefined behaviour) or crash. Rejected pages (exit 1) are fine;
# their count by reason is printed.
# With SANITIZER=thread it is a ThreadSanitizer build (clang) run with 4 threads instead, failing
# on any data race report: a race of that kind (progress read while the reader thread replaced
# its file reader) crashed pith extract now and then, and ASan, valgrind and one thread never
# show such bugs (bench/results/2026-12-07-tsan.md).
#   tools/sanitize_bench.sh [PAGES_DIR ...]   (default: ../shared/bench/{dev,wcxb-dev}/pages)
#   env: SANITIZER=address (default) or thread; BUILD=build-asan or build-tsan (configured and
#        built here if needed); JOBS=nproc (4 with thread); PITH_SHARED
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${PITH_SHARED:-$top/../shared}
sanitizer=${SANITIZER:-address}
if [ "$sanitizer" = thread ]; then
  build=${BUILD:-$top/build-tsan}
  jobs=${JOBS:-4}
else
  build=${BUILD:-$top/build-asan}
  jobs=${JOBS:-$(nproc)}
fi

if [ ! -f "$build/build.ninja" ] && [ "$sanitizer" = thread ]; then
  CC=clang CXX=clang++ cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPITH_BENCH=OFF \
    -DPITH_TESTS=OFF -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_C_FLAGS=-fsanitize=thread \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
elif [ ! -f "$build/build.ninja" ]; then
  cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPITH_SANITIZE=ON -DPITH_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j "$jobs" --target pith_cli >/dev/null
pith=$build/pith

sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  for s in dev wcxb-dev; do
    [ -d "$shared/bench/$s/pages" ] && sets+=("$shared/bench/$s/pages")
  done
fi
if [ ${#sets[@]} -eq 0 ]; then
  echo "sanitize_bench: no page folders given and none under $shared/bench; nothing to run" >&2
  exit 0
fi

logs=$(mktemp -d "${TMPDIR:-/tmp}/pith-sanitize.XXXXXX")
failed=0
for pages in "${sets[@]}"; do
  name=$(basename "$(dirname "$pages")")
  n=$(find "$pages" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' \) | wc -l)
  echo "== $name: $n pages, $pith extract -j $jobs" >&2
  rc=0
  ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:log_path=$logs/asan.$name" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan.$name" \
  TSAN_OPTIONS="halt_on_error=1:log_path=$logs/tsan.$name" \
    "$pith" extract "$pages" --format jsonl -j "$jobs" -o "$logs/$name.jsonl" 2>"$logs/$name.stderr" || rc=$?
  records=$( [ -f "$logs/$name.jsonl" ] && wc -l <"$logs/$name.jsonl" || echo 0)
  summary=$(grep -E '^pith: [0-9]+ pages:' "$logs/$name.stderr" || echo "pith: $records pages extracted, none rejected")
  echo "   exit $rc; $records records; $summary" >&2
  reports=$(ls "$logs" | grep -E "^(asan|ubsan|tsan)\.$name\." || true)
  if [ -n "$reports" ]; then
    failed=1
    for r in $reports; do
      echo "   SANITIZER REPORT ($r):" >&2
      head -n 40 "$logs/$r" >&2
    done
  fi
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    failed=1
    echo "   FAILED: exit $rc" >&2
    tail -n 20 "$logs/$name.stderr" >&2
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "sanitize_bench: FAILED (logs in $logs)" >&2
  exit 1
fi
echo "sanitize_bench: clean (no sanitizer reports)" >&2
rm -rf "$logs"
