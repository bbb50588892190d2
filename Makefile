# The two commands of the README (docs/development.md says what they run). Both install what is missing first:
# serving needs scripts/setup-serve.sh, testing scripts/setup-test.sh (which runs the first).
.PHONY: serve test setup setup-serve setup-test bench dist size fuzz

# Where the release bundle will be served from: `make dist PUBLIC_URL=/tools/faceid-price/`.
PUBLIC_URL ?= /

serve: setup-serve
	trunk serve

# scripts/test.sh runs scripts/setup-test.sh itself.
test:
	bash scripts/test.sh

# Everything, for serving and for testing.
setup: setup-test

setup-serve:
	bash scripts/setup-serve.sh

setup-test:
	bash scripts/setup-test.sh

# The performance report: the engine (criterion), the page in headless Chromium and
# Lighthouse (scripts/bench.sh runs scripts/setup-bench.sh, which adds Lighthouse).
bench:
	bash scripts/bench.sh

# Every fuzz target for FUZZ_SECONDS each (the test command runs them for 5).
FUZZ_SECONDS ?= 60
fuzz: setup-test
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

dist: setup-serve
	python3 scripts/dist.py build --public-url '$(PUBLIC_URL)'

# Sizes file by file (raw, gzip -9, brotli) and the page's total against its budget;
# brotli comes with the test tools.
size: setup-test dist
	bash scripts/size-report.sh dist
