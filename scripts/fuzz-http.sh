#!/usr/bin/env bash
# Explores with the HTTP fuzzer (docs/fuzzing-http.md): runs every service's fuzz passes again and again, each round
# with fresh seeds, for a number of minutes:
#   scripts/fuzz-http.sh [minutes] [requests-per-pass] [modules]
# e.g. scripts/fuzz-http.sh 60 1500, or scripts/fuzz-http.sh 20 2000 relay-service,workflow-service.
# The build's own passes replay a fixed seed each (the same requests on every run); this script is where new
# findings come from. Each pass prints its seed; a failing pass prints the seed and the number of requests that
# reproduce it (-Dhttpfuzz.seed=… -Dhttpfuzz.requests=…). target/fuzz-http/summary.txt gets one line per pass (module,
# test, seed, requests, statuses, or the failure), target/fuzz-http/round-<n>.log keeps a failing round's output.
# Needs what the tests need (ANVIL_BIN or anvil for workflow-service; scripts/test.sh installs it). Exits non-zero
# when a pass failed.
set -uo pipefail

cd "$(dirname "$0")/.."
MINUTES=${1:-30}
REQUESTS=${2:-1500}
MODULES=${3:-relay-service,workflow-service,indexer-service,procedure-service}
TESTS='*HttpFuzzIntegrationTests,RelayAuthorizationMatrixIntegrationTests#hostile*,ExecuteWasmIntegrationTests#hostile*'

OUT=target/fuzz-http
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt
echo "# $(date -u +%FT%TZ) $MINUTES min, $REQUESTS requests per pass, $MODULES" >> "$SUMMARY"
echo "[fuzz-http] compiling $MODULES"
./mvnw -B -q -pl "$MODULES" -am test-compile || exit 1

end=$(( $(date +%s) + MINUTES * 60 ))
round=0
failed=0
while (( $(date +%s) < end )); do
  round=$((round + 1))
  log=$OUT/round-$round.log
  # Compiled above: no main compile, no incremental recompiling of the upstream modules on each round.
  ./mvnw -B -pl "$MODULES" -am test -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmaven.main.skip=true -Dmaven.compiler.useIncrementalCompilation=false -Dmaven.test.failure.ignore=true \
    -Dhttpfuzz.seed=random -Dhttpfuzz.requests="$REQUESTS" > "$log" 2>&1
  passes=$(grep -acE '^httpfuzz: seed -?[0-9]+, [0-9]+ requests to' "$log")
  # A failure is printed twice (the test's report and Surefire's summary): count the seeds.
  failures=$(grep -aoE 'httpfuzz: request [0-9]+ of seed -?[0-9]+|httpfuzz seed -?[0-9]+: ' "$log" | sort -u | wc -l)
  grep -aE '^httpfuzz: seed -?[0-9]+, [0-9]+ requests to' "$log" | sed -E "s/; kinds .*//; s/^/round $round: /" \
    >> "$SUMMARY"
  grep -aE '^\[ERROR\] +[A-Za-z]+.*httpfuzz' "$log" | sed "s/^/round $round: FAILED /" >> "$SUMMARY"
  if grep -aq 'BUILD FAILURE' "$log" && (( failures == 0 )); then
    echo "[fuzz-http] round $round: the build failed outside the fuzz passes (see $log)" | tee -a "$SUMMARY"
    failed=1
    break
  fi
  echo "[fuzz-http] round $round: $passes passes ok, $failures failed"
  if (( failures > 0 )); then
    failed=1
  else
    rm -f "$log"
  fi
done
echo "[fuzz-http] $round rounds; summary in $SUMMARY"
exit $failed
