# A thin wrapper over CMake. `make demo` and `make test` are the README's quick start.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LAUNCHER := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
TIMELINE := $(BUILD)/timeline

.PHONY: all deps build release demo test bench fuzz sanitize clean

all: build

deps:
	@./.ci/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(LAUNCHER)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The release build, with profile-guided optimisation, in RELEASE_BUILD (see CMakeLists.txt,
# TIMELINE_PGO): a program that writes a profile is built in RELEASE_BUILD/profile-generate
# and run on training articles (bench/pgo_train.sh; again only when that program changed),
# then RELEASE_BUILD/timeline is compiled with the profile. The same output as `make build`, a
# few per cent faster (README, "Measured throughput"); the benchmark runs it. Two builds of the
# program: about twice the time of `make build`.
RELEASE_BUILD ?= build-release
PGO_GENERATE := $(RELEASE_BUILD)/profile-generate
PGO_DIR := $(abspath $(RELEASE_BUILD))/profile
release: deps
	cmake -S . -B $(PGO_GENERATE) -DCMAKE_BUILD_TYPE=Release -DTIMELINE_PGO=GENERATE \
	  -DTIMELINE_PGO_DIR=$(PGO_DIR) $(LAUNCHER)
	cmake --build $(PGO_GENERATE) -j $(JOBS) --target timeline
	@if [ ! -e $(PGO_DIR)/trained ] || [ $(PGO_GENERATE)/timeline -nt $(PGO_DIR)/trained ]; then \
	  bench/pgo_train.sh $(PGO_GENERATE)/timeline $(PGO_DIR); fi
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DTIMELINE_PGO=USE \
	  -DTIMELINE_PGO_DIR=$(PGO_DIR)
	cmake --build $(RELEASE_BUILD) -j $(JOBS) --target timeline

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

# Throughput and memory against chrono-node on ../shared/data/te3-silver, of the release build;
# see bench/README.md.
bench: release
	@./.ci/install-deps bench
	python3 bench/bench.py --timeline $(RELEASE_BUILD)/timeline --work $(RELEASE_BUILD)/bench \
	  $(if $(RUNS),--runs $(RUNS))

clean:
	rm -rf $(BUILD) $(RELEASE_BUILD) out
