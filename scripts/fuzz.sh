#!/usr/bin/env bash
# Runs every Jazzer fuzz target (docs/fuzzing.md) in fuzzing mode, one JVM per target, for a number of seconds each:
#   scripts/fuzz.sh [seconds-per-target] [target filter]
# e.g. scripts/fuzz.sh 600, or scripts/fuzz.sh 120 'Cid|CarReader' (targets whose "module Class#method" matches
# the extended regular expression).
# A crash is written by Jazzer into the target's regression inputs, src/test/resources/<package>/<Class>Inputs/
# <method>/crash-<sha1>, where the normal build replays it: fix the code, commit the input with the fix. The
# corpus Jazzer grows lies in <module>/.cifuzz-corpus/ (not committed). Logs go to target/fuzz/<target>.log, and
# target/fuzz/summary.txt gets one line per target: executions, seconds, coverage, crash or not. Only the project's
# classes (io.wasmhive) are instrumented for coverage.
# Offline; needs the Maven repository the build uses. Exits non-zero when a target found a crash.
set -uo pipefail

cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-300}
FILTER=${2:-}

# module Class#method, one per target.
TARGETS=(
  "executor-core io.wasmhive.executor.internal.wasm.WasmModuleFuzzTest#parsesValidatesAndInstruments"
  "executor-core io.wasmhive.executor.internal.host.JsonScannerFuzzTest#scansLikeJackson"
  "platform-infra io.wasmhive.platform.ipfs.CidFuzzTest#parsesText"
  "platform-infra io.wasmhive.platform.ipfs.CidFuzzTest#readsBytes"
  "platform-infra io.wasmhive.platform.ipfs.DagPbFuzzTest#decodesDagPb"
  "platform-infra io.wasmhive.platform.ipfs.DagPbFuzzTest#decodesUnixFsData"
  "platform-infra io.wasmhive.platform.ipfs.DagPbFuzzTest#decodesFileNodes"
  "platform-infra io.wasmhive.platform.ipfs.CarReaderFuzzTest#readsCars"
  "platform-infra io.wasmhive.platform.ipfs.UnixFsReaderFuzzTest#readsDags"
  "relay-service io.wasmhive.relay.intent.RequestValidatorFuzzTest#validatesRequests"
  "procedure-service io.wasmhive.procedure.execution.ArgumentConverterFuzzTest#convertsArguments"
  "workflow-service io.wasmhive.workflow.sdk.WorkflowReaderFuzzTest#readsWorkflows"
  "workflow-service io.wasmhive.workflow.run.ReferenceFuzzTest#readsLeaderContexts"
  "workflow-service io.wasmhive.workflow.run.ReferenceFuzzTest#resolvesArguments"
  "workflow-service io.wasmhive.workflow.chain.ChainSessionFuzzTest#answersRequests"
)

mkdir -p target/fuzz
SUMMARY=target/fuzz/summary.txt
echo "# $(date -u +%FT%TZ) ${SECONDS_PER_TARGET}s per target, filter '${FILTER}'" >> "$SUMMARY"
failed=0
modules=$(for t in "${TARGETS[@]}"; do [[ -z $FILTER || $t =~ $FILTER ]] && echo "${t%% *}"; done | sort -u \
  | paste -sd, -)
[[ -n $modules ]] || { echo "[fuzz] no target matches '$FILTER'" >&2; exit 2; }
echo "[fuzz] compiling $modules"
./mvnw -B -o -q -pl "$modules" -am test-compile || exit 1

for target in "${TARGETS[@]}"; do
  [[ -z $FILTER || $target =~ $FILTER ]] || continue
  module=${target%% *}
  test=${target#* }
  log=target/fuzz/${test##*.}.log
  echo "[fuzz] $module $test for ${SECONDS_PER_TARGET}s"
  started=$(date +%s)
  # Compiled above: no main compile, and the test compile only looks at timestamps (Maven's incremental mode would
  # recompile every upstream module on each run, minutes on a busy machine).
  JAZZER_FUZZ=1 ./mvnw -B -o -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmaven.main.skip=true -Dmaven.compiler.useIncrementalCompilation=false \
    -Djazzer.hooks=true -Djazzer.instrumentation_includes='io.wasmhive.**' \
    -Djazzer.max_duration="${SECONDS_PER_TARGET}s" > "$log" 2>&1
  rc=$?
  runs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  verdict=ok
  if [[ $rc -ne 0 ]]; then
    verdict="FAILED (see $log)"
    failed=1
  fi
  line="$module $test: ${runs:-no stats} (${cov:-no coverage}), wall $(( $(date +%s) - started ))s, $verdict"
  echo "[fuzz] $line"
  echo "$line" >> "$SUMMARY"
done
git status --porcelain -- '*/src/test/resources/*Inputs*' | sed 's/^/[fuzz] new input: /'
exit $failed
