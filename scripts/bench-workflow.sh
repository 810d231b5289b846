#!/usr/bin/env bash
# The workflow benchmark (issue 12): one job of a WebAssembly step making one RPC call (an ERC-20 balanceOf through
# the file bridge, guests/rust wf-balance-bridge) and a contract step simulating transfer(recipient, $wasm:balance),
# against a local anvil. workflow-service runs from its packaged jar (embedded stores in a temporary directory,
# RPC_URL_<chain> pointing at anvil); the module is uploaded through the indexer jar sharing its stores; TestToken
# is deployed from its committed bytecode. The load generator (scripts/bench/WorkflowLoad.java, its own JVM) times
# POST …/runs?wait=true end to end, and the same steps done the reference host's way: a new node process per
# WebAssembly step (scripts/bench/wasi-runner.mjs on node:wasi, the bridge served against anvil) and one eth_call.
#
#   ./mvnw -q -B -o package -pl workflow-service,indexer-service -am -DskipTests   # once, if the jars are missing
#   scripts/bench-workflow.sh [ROUNDS=3] [SAMPLES=100]
#   JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java scripts/bench-workflow.sh   # the service on another JDK
set -euo pipefail

ROUNDS="${1:-3}"
SAMPLES="${2:-100}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORKFLOW_JAR="$ROOT/workflow-service/target/workflow-service-0.1.0-SNAPSHOT.jar"
INDEXER_JAR="$ROOT/indexer-service/target/indexer-service-0.1.0-SNAPSHOT.jar"
MODULE="$ROOT/executor-core/src/test/resources/guests/wf-balance-bridge.wasm"
TOKEN_BIN="$ROOT/workflow-service/src/test/resources/contracts/TestToken.bin"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[[ -x "$JAVA" ]] || JAVA="$(command -v java)"
LOADGEN_JAVA="$(command -v java)"
[[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && LOADGEN_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
ANVIL="${ANVIL_BIN:-$ROOT/.tools/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil}"
for f in "$WORKFLOW_JAR" "$INDEXER_JAR" "$ANVIL"; do
  [[ -e "$f" ]] || { echo "missing $f (see the header of this script; anvil: scripts/test.sh installs it)" >&2; exit 1; }
done
LOADGEN="${BENCH_LOADGEN:-workflow}" # workflow (this script), verify (bench-verify.sh), execute (bench-workflow-execute.sh)
[[ "$LOADGEN" != workflow ]] || command -v node >/dev/null \
  || { echo "node is needed for the per-process side" >&2; exit 1; }
# The executed-run benchmark's signer: anvil's well-known development key of account 0 (public; never a real key).
SIGNER=()
[[ "$LOADGEN" != execute ]] || SIGNER=(WORKFLOW_SIGNER_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80)

WORK="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"; IPORT="$(free_port)"; MPORT="$(free_port)"; RPORT="$(free_port)"; APORT="$(free_port)"
CHAIN=31337
BASE="http://127.0.0.1:$PORT"
ANVIL_URL="http://127.0.0.1:$APORT"
STORES=(--wasmhive.data-dir="$WORK/data" --wasmhive.embedded.mongo.port="$MPORT" --wasmhive.embedded.redis.port="$RPORT")
PID=""; IPID=""; APID=""
cleanup() {
  for p in $IPID $PID $APID; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  sleep 1
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_up() {
  for _ in $(seq 1 240); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done
  echo "no answer from $1" >&2; tail -40 "$2" >&2; exit 1
}
rpc() {
  curl -sf -H 'Content-Type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$ANVIL_URL"
}

"$ANVIL" --host 127.0.0.1 --port "$APORT" --chain-id "$CHAIN" --accounts 3 >"$WORK/anvil.log" 2>&1 &
APID=$!
for _ in $(seq 1 100); do rpc eth_chainId '[]' >/dev/null 2>&1 && break; sleep 0.1; done
OWNER=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
DATA="0x$(tr -d '\n' <"$TOKEN_BIN")$(printf '%064x' 1000000)"
TX=$(rpc eth_sendTransaction "[{\"from\":\"$OWNER\",\"data\":\"$DATA\",\"gas\":\"0x1c9c380\"}]" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["result"])')
TOKEN=$(rpc eth_getTransactionReceipt "[\"$TX\"]" | python3 -c 'import sys,json; print(json.load(sys.stdin)["result"]["contractAddress"])')

"$JAVA" -jar "$INDEXER_JAR" --server.port="$IPORT" --management.server.port=0 "${STORES[@]}" >"$WORK/indexer.log" 2>&1 &
IPID=$!
wait_up "http://127.0.0.1:$IPORT/readyz" "$WORK/indexer.log"
CID=$(curl -sf --data-binary @"$MODULE" "http://127.0.0.1:$IPORT/modules" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["cid_v1"])')
kill "$IPID"; wait "$IPID" 2>/dev/null || true; IPID=""

env "${SIGNER[@]}" RPC_URL_31337="$ANVIL_URL" "$JAVA" ${WORKFLOW_JAVA_OPTS:-} -jar "$WORKFLOW_JAR" --server.port="$PORT" --management.server.port=0 "${STORES[@]}" \
  --logging.level.root=WARN >"$WORK/workflow.log" 2>&1 &
PID=$!
wait_up "$BASE/readyz" "$WORK/workflow.log"
echo "workflow-service: pid $PID, $("$JAVA" -version 2>&1 | head -1); node $(node --version); anvil $("$ANVIL" --version | head -1)"
echo "== $ROUNDS rounds of $SAMPLES runs per side"
case "$LOADGEN" in
  verify|execute) # leader runs against verifying runs, or executed runs: the same arguments
    GEN="$ROOT/scripts/bench/VerifyLoad.java"; [[ "$LOADGEN" == execute ]] && GEN="$ROOT/scripts/bench/ExecuteLoad.java"
    "$LOADGEN_JAVA" -XX:+UseSerialGC "$GEN" "$BASE" "$ANVIL_URL" "$CHAIN" "$TOKEN" "$CID" "$ROUNDS" "$SAMPLES"
    exit 0 ;;
esac
"$LOADGEN_JAVA" -XX:+UseSerialGC "$ROOT/scripts/bench/WorkflowLoad.java" "$BASE" "$ANVIL_URL" "$CHAIN" "$TOKEN" \
  "$CID" "$MODULE" "$ROOT/scripts/bench/wasi-runner.mjs" "$ROUNDS" "$SAMPLES"
