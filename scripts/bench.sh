#!/usr/bin/env bash
# Runs every Go benchmark of the project and keeps the results.
#   scripts/bench.sh [COUNT]   results in test-artifacts/bench.txt
# Compare two runs with: go run golang.org/x/perf/cmd/benchstat@latest old.txt new.txt
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5}
mkdir -p test-artifacts
go test -run '^$' -bench . -benchmem -count "$count" ./... | tee test-artifacts/bench.txt
# Export and import from the command line on a library cut from the corpus
# books: wall and processor time, peak memory (docs/PERFORMANCE.md).
scripts/interop-bench.sh | tee test-artifacts/interop-bench.txt
