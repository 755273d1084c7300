# cie — the County Innovation Evaluator.
#   make run     start the REPL with the Qinghai sample loaded and the Qinghai policy in use
#   make test    build and run every test
#   make regions regenerate the region table from ../shared/data
#   make bench   national-scale benchmark against DuckDB (Docs/Performance.md)
SWIFT ?= swift
SAMPLE := Samples/qinghai/qinghai_2016_2020.csv

.PHONY: run test build regions widths samples check-generated check-packages deps clean docs bench

# The system packages the build needs; installed when missing (apt-get, through sudo when not root).
deps:
	@if ! pkg-config --exists libedit 2>/dev/null && ! dpkg -s libedit-dev >/dev/null 2>&1; then \
		echo "installing libedit-dev (line editing for the REPL)"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libedit-dev pkg-config; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq libedit-dev pkg-config; fi; \
	fi

build: deps
	$(SWIFT) build

run: build
	$(SWIFT) run -q cie --data $(SAMPLE) --policy qinghai

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory check-packages

# Every built-in package (Samples/*/policy.yaml) passes `cie policy lint` and `cie policy test`, as a package author's would,
# and matches the JSON Schema editors check it with.
check-packages:
	.build/debug/cie policy lint Samples/*/
	.build/debug/cie policy test Samples/*/
	python3 Scripts/check_schema.py Samples/*/policy.yaml Tests/CIEEndToEndTests/Fixtures/*/policy.yaml

regions:
	python3 Scripts/generate_regions.py

widths:
	python3 Scripts/generate_east_asian_width.py

samples:
	python3 Scripts/make_qinghai_samples.py
	python3 Scripts/make_zhejiang_samples.py
	python3 Scripts/make_weihai_samples.py

# Fails when a generated file is out of date with its script (the tests check this too).
check-generated:
	python3 Scripts/generate_regions.py --check
	python3 Scripts/generate_east_asian_width.py --check
	python3 Scripts/make_qinghai_samples.py --check
	@tmp=$$(mktemp -d) && mkdir -p $$tmp/Sources/CIEData $$tmp/Samples/zhejiang $$tmp/Samples/weihai \
		&& cp Sources/CIEData/RegionTable+Generated.swift $$tmp/Sources/CIEData/ \
		&& python3 Scripts/make_zhejiang_samples.py $$tmp >/dev/null 2>&1 && python3 Scripts/make_weihai_samples.py $$tmp >/dev/null 2>&1 \
		&& for f in $$(cd $$tmp && ls Samples/*/*); do cmp -s $$tmp/$$f $$f || { echo "$$f is stale: run make samples"; rm -rf $$tmp; exit 1; }; done; \
		rm -rf $$tmp

# cie at national scale against DuckDB (Docs/Performance.md). BENCH_ARGS: e.g. --runs 3 --scales 1 --write-doc
bench: deps
	$(SWIFT) build -c release --product cie
	$(SWIFT) build -c release --product cie-bench
	@python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb
	python3 Benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf .build

# Docs/policies/*.md are generated from the packages (a test fails when they are stale).
docs: build
	for p in $$($(SWIFT) run -q cie policies --format csv | tail -n +2 | cut -d, -f1); do \
		$(SWIFT) run -q cie generate-docs $$p > Docs/policies/$$p.md; done
