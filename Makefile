# The two commands of README.md. Both install the Debian packages they need first.
BUILD ?= build
JOBS  ?= $(shell nproc)

.PHONY: setup build demo test test-all sanitize bench clean

setup:
	bash scripts/setup-debian.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

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

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) build-asan
