# A thin wrapper over CMake. `make demo` and `make test` are the README's quick start.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LAUNCHER := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
TIMELINE := $(BUILD)/timeline

.PHONY: all deps build demo test bench fuzz sanitize clean

all: build

deps:
	@./.ci/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(LAUNCHER)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@mkdir -p out
	$(TIMELINE) build examples/*.txt --title "Censorship timeline: the example articles" -o out
	$(TIMELINE) compare examples/*.txt -o out
	@echo
	@echo "Timeline page: $(CURDIR)/out/timeline.html (self-contained; open it in a browser)"
	@echo "Timeline data: $(CURDIR)/out/timeline.json, timelinejs.json, vis-items.json, timeline.csv"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Fuzzing: builds the libFuzzer targets with clang in build-fuzz and runs each for FUZZ_SECONDS.
# The whole tree is built with ASan+UBSan (TIMELINE_SANITIZE), so that `make sanitize
# ASAN_BUILD=build-fuzz` afterwards runs the test suite under the sanitizers from the same
# objects (CI does so: one sanitizer build instead of two).
FUZZ_SECONDS ?= 60
FUZZ_BUILD ?= build-fuzz
fuzz:
	@./.ci/install-deps build fuzz
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DTIMELINE_FUZZ=ON -DTIMELINE_SANITIZE=ON $(LAUNCHER)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_all
	src/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The test suite under AddressSanitizer and UndefinedBehaviorSanitizer, in build-asan. Left out:
# the CTest groups matching SANITIZE_EXCLUDE: browser (the page's script in a browser, no C++ of
# ours) and tempeval (the whole TBAQ corpus, too slow under the sanitizers; the other groups run
# the same tagger on smaller input).
ASAN_BUILD ?= build-asan
SANITIZE_EXCLUDE ?= ^(browser|tempeval)$$
sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIMELINE_SANITIZE=ON $(LAUNCHER)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	@echo "sanitize: not run under the sanitizers: $(SANITIZE_EXCLUDE)"
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) -E '$(SANITIZE_EXCLUDE)'

# Throughput and memory against chrono-node on ../shared/data/te3-silver; see bench/README.md.
bench: build
	@./.ci/install-deps bench
	python3 bench/bench.py --timeline $(TIMELINE) --work $(BUILD)/bench $(if $(RUNS),--runs $(RUNS))

clean:
	rm -rf $(BUILD) out
