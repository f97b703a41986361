# Scholia: `make run` and `make test` do all set-up on Debian/Ubuntu.
GO      ?= go
BIN     := bin/scholia
# The binary declares that it calls Fyne from goroutines only through fyne.Do;
# tests run without the tag, as Fyne's test driver still uses goroutines itself.
TAGS    := migrated_fynedo
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# Fyne cannot parse the C locale (nor C.UTF-8); give it a real one when that is what we have.
# The code that saves, reads, searches and backs up at once, run under the
# race detector.
RACE_PKGS := ./annotate/store ./annotate/backup ./annotate/search ./annotate/library
LOCALE  := $(if $(filter-out C C.UTF-8 C.utf8 POSIX,$(LANG)),$(LANG),en_US.UTF-8)

.PHONY: run build test test-long fuzz lint smoke bench deps-build deps-test clean

run: build
	LANG=$(LOCALE) ./$(BIN)

build: deps-build
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/scholia

test: deps-test lint
	LANG=$(LOCALE) $(GO) test -count=1 ./...
	$(GO) test -race -count=1 $(RACE_PKGS)
	scripts/fuzz.sh 10
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/scholia
	scripts/smoke.sh $(BIN)

# The same with 200 kills in the crash test and every fuzz target run for
# five minutes.
test-long: deps-test lint
	SCHOLIA_LONG=1 LANG=$(LOCALE) $(GO) test -count=1 -timeout 60m ./...
	$(GO) test -race -count=1 $(RACE_PKGS)
	scripts/fuzz.sh 300
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/scholia
	scripts/smoke.sh $(BIN)

fuzz:
	scripts/fuzz.sh 10

lint:
	@unformatted=$$(gofmt -l cmd ui annotate assets 2>/dev/null); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

smoke: build deps-test
	scripts/smoke.sh $(BIN)

bench:
	scripts/bench.sh

deps-build:
	scripts/install-deps.sh build

deps-test:
	scripts/install-deps.sh test

clean:
	rm -rf bin test-artifacts
