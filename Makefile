# The two commands of the README. Both install what is missing first.
.PHONY: serve test setup bench dist size

# Where the release bundle will be served from: `make dist PUBLIC_URL=/tools/faceid-price/`.
PUBLIC_URL ?= /

serve: setup
	trunk serve

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

bench:
	cargo bench -p pricing

dist: setup
	trunk build --release --public-url '$(PUBLIC_URL)'

size: dist
	bash scripts/size-report.sh dist
