#!/usr/bin/env bash
# The hostile-neighbours benchmark: how much hostile modules cost benign requests' latency. A relay (its packaged
# jar, embedded stores in a temporary directory, 4 executor consumers and 4 workers, the per-user concurrency limit
# at 1 so that a hostile user holds one core at most) answers sequential benign requests (wat-add) from a load
# generator in another process (scripts/bench/HostileLoad.java), in alternating rounds alone and while a hostile
# user keeps an infinite loop and a memory bomb in flight (each stopped at max_time 1 s). Prints both sides' p50,
# p90, p99 and max and the p99 ratio. The functional part (hostile modules are stopped, the second one refused,
# benign ones answered) is HostileNeighboursIntegrationTests; the figures go to docs/benchmarks.md.
#
#   ./mvnw -q -B -o package -pl relay-service,indexer-service -am -DskipTests   # once, if the jars are missing
#   scripts/bench-hostile.sh [ROUNDS=4] [SAMPLES=250]
#   JAVA=/usr/bin/java scripts/bench-hostile.sh     # another JDK for the relay (default: Temurin 25 if present)
set -euo pipefail

ROUNDS="${1:-4}"
SAMPLES="${2:-250}"
source "$(dirname "$0")/bench/relay-jars.sh"

start_relay --relay.rate-limit.overrides.benign=1000000000 --relay.rate-limit.overrides.hostile=1000000000 \
  --relay.concurrency.per-user=1 --relay.executor.consumers=4 --WASM_INITIAL_WORKERS=4 --WASM_MAX_WORKERS=4
mapfile -t CIDS < <(upload_guests wat-add.wasm hostile-infinite-loop.wasm hostile-memory-bomb.wasm)
echo "relay: pid $PID, $("$JAVA" -version 2>&1 | head -1), 4 executor consumers, 4 workers, per-user limit 1"
echo "== $ROUNDS rounds of $SAMPLES benign requests per side"
"$LOADGEN_JAVA" -XX:+UseSerialGC "$ROOT/scripts/bench/HostileLoad.java" "$BASE/intent/execute-wasm" "${CIDS[@]}" \
  "$ROUNDS" "$SAMPLES"
