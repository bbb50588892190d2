# The two commands of the README. Both install what is missing first.
.PHONY: serve test setup bench dist

serve: setup
	trunk serve

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

bench:
	cargo bench -p pricing

dist: setup
	trunk build --release
