#!/usr/bin/env bash
# Runs every fuzz target of the project for a while each.
#   scripts/fuzz.sh [SECONDS]   default 10 (make test); make test-long uses 300
# A failing input is kept by Go under the package's testdata/fuzz/ and is
# replayed by every plain `go test` from then on.
set -euo pipefail
secs=${1:-10}
cd "$(dirname "$0")/.."
targets=$(grep -rl --include='*_test.go' '^func Fuzz' annotate cmd ui 2>/dev/null | sort)
n=0
for file in $targets; do
  pkg=./$(dirname "$file")
  for fn in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    echo "fuzz: $pkg $fn for ${secs}s" >&2
    log=$(mktemp)
    # Minimizing a new input may take 60 s by default, past a short run.
    if ! go test -run '^$' -fuzz "^${fn}\$" -fuzztime "${secs}s" -fuzzminimizetime 5s "$pkg" >"$log" 2>&1; then
      echo "fuzz: $pkg $fn failed; its output and the input it kept:" >&2
      grep -v '^fuzz: elapsed' "$log" | tail -60 >&2
      for kept in $(git -C "$(dirname "$file")" ls-files --others --exclude-standard testdata/fuzz/"$fn" 2>/dev/null); do
        echo "--- $kept" >&2; head -c 4000 "$(dirname "$file")/$kept" >&2; echo >&2
      done
      rm -f "$log"
      exit 1
    fi
    rm -f "$log"
    n=$((n + 1))
  done
done
echo "fuzz: $n targets ran ${secs}s each without a failure" >&2
