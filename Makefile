# The two commands of README.md. Both install the Debian packages they need first.
BUILD ?= build
JOBS  ?= $(shell nproc)

.PHONY: setup build install python demo test test-all sanitize sanitize-bench tsan-bench fuzz fuzz-clean fuzz-warc bench clean

setup:
	bash scripts/setup-debian.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# Installs bin/pith, the library, its headers, the CMake package and pith.pc under PREFIX.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# The Python module into $(BUILD)/python/pith: PYTHONPATH=$(BUILD)/python /usr/bin/python3 -c 'import pith'
# (`make build` and `make test` build it too). `cd python && /usr/bin/python3 -m pip install
# --no-build-isolation --break-system-packages .` installs it into Debian's Python.
python: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS) --target pith_python
	@echo "python: PYTHONPATH=$(BUILD)/python /usr/bin/python3 -c 'import pith'"

# Runs pith extract on the bundled example pages.
demo: build
	@for f in examples/*.html; do \
	  echo "== $$f (text)"; $(BUILD)/pith extract "$$f" | head -n 12; \
	done
	@echo "== examples/ as JSONL (title, date, author, page_type)"
	@$(BUILD)/pith extract examples --format jsonl | cut -c1-300

# Fast tests plus the quality gate on ../shared/bench (skipped with a message where it is absent).
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

sanitize: setup
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPITH_SANITIZE=ON -DPITH_BENCH=OFF >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

# ASan+UBSan build of pith extract over the dev sets of ../shared/bench; fails on any report.
sanitize-bench: setup
	bash tools/sanitize_bench.sh

# ThreadSanitizer build (clang) of pith extract with 4 threads over the same sets; fails on any
# data race report.
tsan-bench:
	bash scripts/setup-debian.sh fuzz
	SANITIZER=thread bash tools/sanitize_bench.sh

# libFuzzer targets (clang, ASan+UBSan) for FUZZ_SECONDS: `make fuzz` (decode+parse+extract),
# `make fuzz-clean` (pith clean's engine), `make fuzz-warc` (the WARC/ARC/gzip/zstd readers).
# New inputs go to build-fuzz/corpus-*, crashes to build-fuzz/crash-*. Replay one with the normal
# build: build/tests/fuzz/fuzz_extract_replay FILE (or fuzz_clean_replay, fuzz_warc_replay). See
# tests/fuzz/README.md.
FUZZ_SECONDS ?= 60
# $(call run_fuzz,TARGET,NEW_CORPUS,SEED_CORPUS,MORE_FLAGS)
define run_fuzz
	bash scripts/setup-debian.sh fuzz
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPITH_FUZZ=ON \
	  -DPITH_SANITIZE=ON -DPITH_TESTS=OFF -DPITH_BENCH=OFF >/dev/null
	cmake --build build-fuzz -j $(JOBS) --target $(1)
	mkdir -p build-fuzz/$(2)
	build-fuzz/tests/fuzz/$(1) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	  -rss_limit_mb=4096 -print_final_stats=1 $(4) -artifact_prefix=build-fuzz/ build-fuzz/$(2) $(3)
endef
fuzz:
	$(call run_fuzz,fuzz_extract,corpus-extract,tests/fuzz/corpus,-dict=tests/fuzz/html.dict)
fuzz-clean:
	$(call run_fuzz,fuzz_clean,corpus-clean,tests/fuzz/corpus-clean,)
fuzz-warc:
	$(call run_fuzz,fuzz_warc,corpus-warc,tests/fuzz/corpus-warc,)

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz
