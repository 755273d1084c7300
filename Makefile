# cie — the County Innovation Evaluator.
#   make run     start the REPL with the Qinghai sample loaded and the Qinghai policy in use
#   make test    build and run every test
#   make install put cie, its man page and bash/zsh/fish completions under PREFIX (default /usr/local; DESTDIR too)
#   make uninstall  remove what make install put there
#   make regions regenerate the region table from ../shared/data
#   make bench   national-scale benchmark against DuckDB and polars (Docs/Performance.md)
SWIFT ?= swift
SAMPLE := Samples/qinghai/qinghai_2016_2020.csv

.PHONY: run test build install uninstall manual check-install check-reports report-pictures regions widths samples check-generated check-packages deps test-deps clean docs bench fuzz fuzz-short sanitize draft-table

# The system packages, installed when missing (apt-get, through sudo when not root): the build's (libedit for line
# editing, zlib for Excel workbooks), and the tests' (html5lib and LibreOffice's spreadsheet for make check-reports).
BUILD_DEBS := libedit-dev zlib1g-dev pkg-config
TEST_DEBS := python3-html5lib libreoffice-calc-nogui
define install-debs
	@if ! dpkg -s $(1) >/dev/null 2>&1; then \
		echo "installing $(1)"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(1); \
		else sudo apt-get update -qq && sudo apt-get install -y -qq $(1); fi; \
	fi
endef
deps:
	$(call install-debs,$(BUILD_DEBS))
test-deps:
	$(call install-debs,$(TEST_DEBS))

build: deps
	$(SWIFT) build --product cie

# Builds only cie and what it needs (not the tests, not cie-bench).
run: deps
	$(SWIFT) run -q cie --data $(SAMPLE) --policy qinghai

test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory check-packages
	$(MAKE) --no-print-directory check-install
	$(MAKE) --no-print-directory check-reports

# Every sample's HTML report is valid HTML5 (html5lib) with one SVG per chart and nothing external, and its workbooks
# open in LibreOffice headless with the CSV's rows (python3-html5lib, libreoffice-calc-nogui).
# Debian's python3, for which python3-html5lib is installed (a python3 earlier on PATH, such as pyenv's, lacks it).
DEBIAN_PYTHON := $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
check-reports:
	$(DEBIAN_PYTHON) Scripts/check_reports.py .build/debug/cie

# How well `cie policy draft` drafts the five documents against their packages: the table of Docs/Drafting.md.
draft-table: build
	Scripts/draft_table.sh .build/debug/cie

# The report's pictures in Docs/img (and a PDF as printed on A4), by headless Chromium: apt-get install chromium fonts-noto-cjk.
report-pictures: build
	Scripts/render_report.sh .build/debug/cie

# make install into a scratch folder (debug build): every file in place, the man page renders with its Chinese
# examples, each completion script names the subcommands, and make uninstall leaves nothing behind.
check-install:
	@tmp=$$(mktemp -d) && $(MAKE) --no-print-directory install CONFIG=debug DESTDIR=$$tmp PREFIX=/usr >/dev/null \
		&& test -x $$tmp/usr/bin/cie \
		&& grep -q 'show 大通' $$tmp/usr/share/man/man1/cie.1 \
		&& { ! command -v mandoc >/dev/null || mandoc -T lint -W error $$tmp/usr/share/man/man1/cie.1; } \
		&& grep -q 'check' $$tmp/usr/share/bash-completion/completions/cie \
		&& grep -q '#compdef cie' $$tmp/usr/share/zsh/site-functions/_cie \
		&& grep -q "complete -c 'cie'" $$tmp/usr/share/fish/vendor_completions.d/cie.fish \
		&& $(MAKE) --no-print-directory uninstall DESTDIR=$$tmp PREFIX=/usr >/dev/null \
		&& test -z "$$(find $$tmp -type f)" \
		&& echo "check-install: make install and make uninstall work (man page, bash, zsh and fish completions)"; \
		status=$$?; rm -rf $$tmp; exit $$status

# Every built-in package (Samples/*/policy.yaml) passes `cie policy lint` and `cie policy test`, as a package author's would,
# and matches the JSON Schema editors check it with.
check-packages:
	.build/debug/cie policy lint Samples/*/
	.build/debug/cie policy test Samples/*/
	python3 Scripts/check_schema.py Samples/*/policy.yaml Tests/CIEEndToEndTests/Fixtures/*/policy.yaml

PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
MAN1DIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
CONFIG ?= release
BUILT := .build/$(CONFIG)
# Release builds link the Swift runtime and Foundation into the binary: `echo quit | cie` starts in half the time
# (Docs/Performance.md). Every release build uses the same flags, so that they share one build.
RELEASE_FLAGS := --static-swift-stdlib
CONFIG_FLAGS := $(if $(filter release,$(CONFIG)),$(RELEASE_FLAGS))

# The man page, from the command definitions by swift-argument-parser's generate-manual (Scripts/make_manual.py).
manual: deps
	$(SWIFT) build -c $(CONFIG) $(CONFIG_FLAGS) --product cie
	$(SWIFT) build -c $(CONFIG) $(CONFIG_FLAGS) --product generate-manual
	python3 Scripts/make_manual.py $(BUILT)/cie $(BUILT)/generate-manual $(BUILT)/cie.1

install: manual
	install -d $(BINDIR) $(MAN1DIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BUILT)/cie $(BINDIR)/cie
	install -m 644 $(BUILT)/cie.1 $(MAN1DIR)/cie.1
	$(BUILT)/cie --generate-completion-script bash > $(BASHDIR)/cie
	$(BUILT)/cie --generate-completion-script zsh > $(ZSHDIR)/_cie
	$(BUILT)/cie --generate-completion-script fish > $(FISHDIR)/cie.fish
	@echo "installed cie in $(BINDIR); man cie; completions for bash, zsh and fish"

uninstall:
	rm -f $(BINDIR)/cie $(MAN1DIR)/cie.1 $(BASHDIR)/cie $(ZSHDIR)/_cie $(FISHDIR)/cie.fish

regions:
	python3 Scripts/generate_regions.py

widths:
	python3 Scripts/generate_east_asian_width.py

samples:
	python3 Scripts/make_qinghai_samples.py
	python3 Scripts/make_zhejiang_samples.py
	python3 Scripts/make_weihai_samples.py
	python3 Scripts/make_yearbook_samples.py

# Fails when a generated file is out of date with its script (the tests check this too).
check-generated:
	python3 Scripts/generate_regions.py --check
	python3 Scripts/generate_east_asian_width.py --check
	python3 Scripts/make_qinghai_samples.py --check
	python3 Scripts/make_yearbook_samples.py --check
	@tmp=$$(mktemp -d) && mkdir -p $$tmp/Sources/CIEData $$tmp/Samples/zhejiang $$tmp/Samples/weihai \
		&& cp Sources/CIEData/RegionTable+Generated.swift $$tmp/Sources/CIEData/ \
		&& python3 Scripts/make_zhejiang_samples.py $$tmp >/dev/null 2>&1 && python3 Scripts/make_weihai_samples.py $$tmp >/dev/null 2>&1 \
		&& for f in $$(cd $$tmp && ls Samples/*/*); do cmp -s $$tmp/$$f $$f || { echo "$$f is stale: run make samples"; rm -rf $$tmp; exit 1; }; done; \
		rm -rf $$tmp

# cie at national scale against DuckDB and polars, and a C yardstick (Docs/Performance.md). BENCH_ARGS: e.g. --runs 3 --scales 1 --write-doc
bench: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product cie
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product cie-bench
	@python3 -c "import duckdb, duckdb_cli, polars, pyarrow" 2>/dev/null || python3 -m pip install --quiet duckdb duckdb-cli polars pyarrow
	python3 Benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf .build

# Docs/policies/*.md are generated from the packages (a test fails when they are stale).
docs: build
	for p in $$($(SWIFT) run -q cie policies --format csv | tail -n +2 | cut -d, -f1); do \
		$(SWIFT) run -q cie generate-docs $$p > Docs/policies/$$p.md; done

# Fuzzing and sanitizers (Docs/Robustness.md). The harnesses Fuzz/*.swift, built by Fuzz/build.sh into .build/fuzz/bin
# (libFuzzer and AddressSanitizer); crashes are written to Fuzz/artifacts/. FUZZERS picks harnesses, FUZZ_FLAGS adds
# libFuzzer flags. `make fuzz`: FUZZ_RUNS executions each; `make fuzz-short` (CI): each replays its corpus, then fuzzes
# for FUZZ_SECONDS (30). `make sanitize`: every test under AddressSanitizer, then ThreadSanitizer, each in its own build folder.
FUZZ_RUNS ?= 100000
FUZZ_SECONDS ?= 30
fuzz: deps
	SWIFT=$(SWIFT) Fuzz/run.sh runs $(FUZZ_RUNS)

fuzz-short: deps
	SWIFT=$(SWIFT) Fuzz/run.sh short $(FUZZ_SECONDS)

# Both runs go to the end, and it fails when either failed. SANITIZE_SKIP: tests whose time bounds do not hold under
# a sanitizer's slowdown (`SANITIZE_SKIP=` runs every test).
SANITIZE_SKIP ?= LinearTime|LinearAndBounded|theReplWorksInATerminal
sanitize: deps test-deps
	$(SWIFT) build --build-tests -Xswiftc -sanitize=address --scratch-path .build/asan
	$(SWIFT) build --build-tests -Xswiftc -sanitize=thread --scratch-path .build/tsan
	@status=0; \
	echo "== AddressSanitizer"; ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no \
		$(SWIFT) test --skip-build --scratch-path .build/asan $(if $(SANITIZE_SKIP),--skip '$(SANITIZE_SKIP)') || status=1; \
	echo "== ThreadSanitizer"; TSAN_OPTIONS=halt_on_error=0 SWIFT_BACKTRACE=enable=no \
		$(SWIFT) test --skip-build --scratch-path .build/tsan $(if $(SANITIZE_SKIP),--skip '$(SANITIZE_SKIP)') || status=1; \
	exit $$status
