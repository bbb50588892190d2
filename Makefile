# The two commands of the README. Both install what is missing first.
.PHONY: serve test setup bench dist size fuzz

# Where the release bundle will be served from: `make dist PUBLIC_URL=/tools/faceid-price/`.
PUBLIC_URL ?= /

serve: setup
	trunk serve

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

# The performance report: the engine (criterion) and the page in headless Chromium.
bench:
	bash scripts/bench.sh

# Every fuzz target for FUZZ_SECONDS each (the test command runs them for 5).
FUZZ_SECONDS ?= 60
fuzz: setup
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

dist: setup
	trunk build --release --public-url '$(PUBLIC_URL)'

# Sizes file by file (raw, gzip -9, brotli) and the page's total against its budget.
size: dist
	bash scripts/size-report.sh dist
