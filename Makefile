# pdf2struct — build, test and convert. See README.md.
#   make            release build
#   make convert    convert every fixture (and the merged two-part paper) into out/
#   make test       unit, golden, accuracy and CLI tests, then 300 fixed-seed fuzz cases
#   make bench      speed and memory against pdftotext and pymupdf4llm (scripts/bench.py)
#   make fuzz       a long fuzzing campaign (FUZZ_CASES=20000, FUZZ_SEED=n to repeat one)
#   make fixtures   regenerate fixture PDFs and truth files from their sources
#   make regress-update   re-record the golden outputs (review the diff first!)
#   make install PREFIX=/usr/local
#   make clean

PREFIX ?= /usr/local
OUT ?= out
SWIFT ?= swift
RELEASE_BIN := .build/release/pdf2struct
FIXTURES := $(filter-out fixtures/part1.pdf fixtures/part2.pdf,$(wildcard fixtures/*.pdf))
DEPS_STAMP := .build/.deps-installed

.PHONY: all build deps test convert score fixtures regress-update install clean bench fuzz

all: build

# Installs missing Debian/PyPI packages once per checkout (the stamp is refreshed when the
# script changes).
$(DEPS_STAMP): scripts/install-deps.sh
	bash scripts/install-deps.sh
	@mkdir -p .build && touch $@

deps: $(DEPS_STAMP)

# The release binary carries the Swift runtime and Foundation inside it: it runs on machines
# without Swift (cluster nodes need only poppler-glib and tcmalloc), starts with fewer symbol look-ups and
# 6 MB less resident memory per process, which batch runs pay once per worker.
build: $(DEPS_STAMP)
	$(SWIFT) build -c release --product pdf2struct --static-swift-stdlib

$(RELEASE_BIN): build

test: $(DEPS_STAMP)
	$(SWIFT) build --build-tests
	# The memory test reads the whole process's resident size, so it runs alone first.
	$(SWIFT) test --skip-build --filter memoryStaysFlat
	$(SWIFT) test --skip-build --skip memoryStaysFlat
	python3 scripts/fuzz.py --binary .build/debug/pdf2struct --seed 20261129 --cases 300 --jobs 2 --timeout 30

convert: build
	@mkdir -p $(OUT)
	$(RELEASE_BIN) $(FIXTURES) -o $(OUT)
	$(RELEASE_BIN) fixtures/part1.pdf -o $(OUT)
	$(RELEASE_BIN) fixtures/part2.pdf -o $(OUT)
	$(RELEASE_BIN) fixtures/part1.pdf fixtures/part2.pdf --merge paper -o $(OUT)

# Scores out/ against the fixtures' truth files (run `make convert` first).
score:
	python3 ../shared/eval/score.py --corpus fixtures --outputs $(OUT)

fixtures:
	bash fixtures/generate/deps.sh
	set -e; while read -r command; do [ -z "$$command" ] || sh -c "$$command"; done < fixtures/generate/ALL

regress-update: $(DEPS_STAMP)
	PDF2STRUCT_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenTests

# Whole processes timed against each other, interleaved; prints the targets of issue 6, met or
# missed. Never part of the tests.
bench: build
	python3 scripts/bench.py --binary $(RELEASE_BIN)

FUZZ_CASES ?= 20000
fuzz: build
	python3 scripts/fuzz.py --binary $(RELEASE_BIN) --cases $(FUZZ_CASES) --batch 500 $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/pdf2struct

clean:
	rm -rf .build $(OUT)
