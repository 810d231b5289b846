#!/usr/bin/env bash
# Benchmarks relay-service end to end over loopback HTTP with a load generator in another process
# (scripts/bench/RelayLoad.java): POST /intent/execute-wasm of a trivial module (wat-add, add(i32,i32)), warm,
# every request distinct (no idempotent hits), the rate limit raised for the load user. It measures latency at a
# fixed open-loop rate (default 500 requests/s, from each request's scheduled send time) and the maximum sustained
# throughput with a closed loop of CONCURRENCY requests in flight. The relay runs from its packaged jar on embedded
# stores in a temporary directory (the indexer jar joins them once to upload the module) and is stopped by PID.
#
#   ./mvnw -q -B -o package -pl relay-service,indexer-service -am -DskipTests   # once, if the jars are missing
#   scripts/bench-relay.sh [RATE=500] [SECONDS=30] [CONCURRENCY=32]
#   JAVA=/usr/bin/java scripts/bench-relay.sh      # another JDK for the relay (default: Temurin 25 if present)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RELAY_JAR="$ROOT/relay-service/target/relay-service-0.1.0-SNAPSHOT.jar"
INDEXER_JAR="$ROOT/indexer-service/target/indexer-service-0.1.0-SNAPSHOT.jar"
GUEST="$ROOT/executor-core/src/test/resources/guests/wat-add.wasm"
RATE="${1:-500}"
SECONDS_RUN="${2:-30}"
CONCURRENCY="${3:-32}"
CONSUMERS="${RELAY_EXECUTOR_CONSUMERS:-4}"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[[ -x "$JAVA" ]] || JAVA="$(command -v java)"
LOADGEN_JAVA="$(command -v java)"
[[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && LOADGEN_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for jar in "$RELAY_JAR" "$INDEXER_JAR"; do
  [[ -f "$jar" ]] || { echo "missing $jar: build it first (see the header of this script)" >&2; exit 1; }
done

WORK="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"; IPORT="$(free_port)"; MPORT="$(free_port)"; RPORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
STORES=(--wasmhive.data-dir="$WORK/data" --wasmhive.embedded.mongo.port="$MPORT" --wasmhive.embedded.redis.port="$RPORT")
PID=""; IPID=""
cleanup() {
  for p in $IPID $PID; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  sleep 1
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_up() {
  for _ in $(seq 1 240); do curl -sf "$1/actuator/health" >/dev/null && return 0; sleep 0.5; done
  echo "no answer from $1" >&2; tail -40 "$2" >&2; exit 1
}

"$JAVA" ${RELAY_JAVA_OPTS:-} -jar "$RELAY_JAR" --server.port="$PORT" "${STORES[@]}" \
  --relay.rate-limit.overrides.bench=1000000000 --relay.concurrency.overrides.bench=100000 --relay.executor.consumers="$CONSUMERS" ${RELAY_ARGS:-} \
  --logging.level.root=WARN >"$WORK/relay.log" 2>&1 &
PID=$!
wait_up "$BASE" "$WORK/relay.log"
"$JAVA" -jar "$INDEXER_JAR" --server.port="$IPORT" "${STORES[@]}" >"$WORK/indexer.log" 2>&1 &
IPID=$!
wait_up "http://127.0.0.1:$IPORT" "$WORK/indexer.log"
CID="$(curl -sf --data-binary @"$GUEST" "http://127.0.0.1:$IPORT/modules" | python3 -c 'import sys,json; print(json.load(sys.stdin)["cid_v1"])')"
kill "$IPID"; wait "$IPID" 2>/dev/null || true; IPID=""
echo "relay: pid $PID, $("$JAVA" -version 2>&1 | head -1), $CONSUMERS executor consumers; module $CID"
curl -sf -XPOST "$BASE/intent/execute-wasm" -H 'Content-Type: application/json' -H 'user_id: bench' \
  -d '{"cid":"'"$CID"'","inputs":[1,2]}'; echo

LOAD=("$LOADGEN_JAVA" -XX:+UseSerialGC "$ROOT/scripts/bench/RelayLoad.java" "$BASE/intent/execute-wasm" "$CID" bench)
echo "== warm-up (not reported)"
"${LOAD[@]}" rate 200 15 >/dev/null
"${LOAD[@]}" max "$CONCURRENCY" 10 >/dev/null
echo "== fixed rate: $RATE requests/s for $SECONDS_RUN s (open loop)"
"${LOAD[@]}" rate "$RATE" "$SECONDS_RUN"
echo "== maximum throughput: $CONCURRENCY in flight for $SECONDS_RUN s (closed loop)"
"${LOAD[@]}" max "$CONCURRENCY" "$SECONDS_RUN"
