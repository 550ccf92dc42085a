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
	$(TIMELINE) build examples/*.txt -o out
	@echo
	@echo "Timeline page: $(CURDIR)/out/timeline.html"
	@echo "Timeline data: $(CURDIR)/out/timeline.json"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) out
