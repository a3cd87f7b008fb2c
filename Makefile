# Two commands set a fresh machine up: `make edition` builds the sample
# edition, `make test` runs the tests (see README.md).

GO      ?= go
BIN     := bin/typeset
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
OUT     ?= out/edition

.PHONY: all build edition proof test check fmt vet bench quality fuzz clean

all: build

build:
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/typeset

# The sample edition: samples/edition.yaml → $(OUT)/print, epaper, report.json
edition: build
	$(BIN) build samples/edition.yaml -o $(OUT)

# One sample story as a one-page proof.
proof: build
	$(BIN) proof samples/articles/ports-strike-north-sea.md -o out/proof.pdf

# The whole test suite: formatting, vet, and the tests with the race detector.
test: check
	$(GO) test -race -count=1 ./...

check: fmt vet

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The benchmarks: Go's (-bench) and the peer comparison, which times our
# build of the generated 4-, 16- and 64-page editions (seed 1) beside the
# peers that are installed (pdfLaTeX, XeLaTeX, LuaLaTeX; Typst from npm)
# in one run, with ../shared/bench/peers/run.py. See README.md.
BENCHDIR ?= bench-work
PEERS ?= $(shell for p in pdflatex xelatex lualatex; do command -v $$p >/dev/null && printf '%s,' $$p; done)typst
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	python3 ../shared/bench/peers/run.py --workdir $(BENCHDIR) --sizes 4,16,64 --runs 3 \
		--peers $(PEERS) \
		--ours './bin/typeset build {ninjs} -o {out} --paper "The Daily Benchmark" --no-preview --quiet'
	@cat $(BENCHDIR)/results.md

# Make-up quality summed over several generated editions, for tuning the
# make-up (not part of the tests): pages, jumps, holes, pagecritic faults.
quality: build
	python3 scripts/makeup-quality.py --pages 16 --seeds 1-6

# Fuzzing runs of every fuzz target of the input readers and the native
# writer: 100000 inputs each (CI runs 10000: .ci/fuzz). Counts, not
# durations: see .ci/fuzz.
FUZZTIME ?= 100000x
fuzz:
	FUZZTIME=$(FUZZTIME) .ci/fuzz

clean:
	rm -rf bin out
