#!/usr/bin/env bash
# Runs executor-core's engine-differential tests with more generated modules than CI does and prints their counts:
# binaryen-generated modules (wasm-opt -ttf, Debian's binaryen) and the whole guest corpus on Wasmtime and on the
# candidate engine, which must agree bit for bit (docs/engines.md says what is compared).
#
#   scripts/diff-engines.sh [N [FIRST_SEED]]     N generated modules (default 5000) from FIRST_SEED (default 1)
#   DIFF_ENGINE=wasmtime scripts/diff-engines.sh  compare Wasmtime with itself (checks the harness)
#
# A mismatch prints its seed; -Dwasmhive.differential.seed=S -Dwasmhive.differential.modules=1 reproduces it. The
# whole Maven output is kept in executor-core/target/diff-engines.log. Exits non-zero on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-5000}
SEED=${2:-1}
ENGINE=${DIFF_ENGINE:-chicory}
LOG=executor-core/target/diff-engines.log
command -v wasm-opt >/dev/null || { echo "wasm-opt is not on the PATH: apt-get install binaryen" >&2; exit 1; }
mkdir -p executor-core/target

MVN=./mvnw; [ -x "$MVN" ] || MVN=mvn
START=$(date +%s)
STATUS=0
"$MVN" -B -o -pl executor-core test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='GeneratedEnginesDifferentialTest,CorpusEnginesDifferentialTest' \
  -Dwasmhive.differential.modules="$N" -Dwasmhive.differential.seed="$SEED" \
  -Dwasmhive.differential.engine="$ENGINE" >"$LOG" 2>&1 || STATUS=$?
grep -h '^\[engine-differential\]' "$LOG" || echo "no counts printed: see $LOG" >&2
grep -E '^\[(ERROR|WARNING)\] Tests run:|^\[INFO\] Tests run:' "$LOG" | tail -1
echo "wall time $(($(date +%s) - START)) s; exit status $STATUS (log: $LOG)"
exit "$STATUS"
