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
#   BENCH_SECURE=1 scripts/bench-relay.sh          # secure mode, requests authenticated by an API key
#   BENCH_STAGES=10 scripts/bench-relay.sh         # also time-stamp 1 request in 10 at each stage of its path
#                                                  # (relay.stages.sample-every) and print the fixed-rate phase's
#                                                  # latency budget per stage (scripts/bench/stage-summary.py)
set -euo pipefail

RATE="${1:-500}"
SECONDS_RUN="${2:-30}"
CONCURRENCY="${3:-32}"
CONSUMERS="${RELAY_EXECUTOR_CONSUMERS:-4}"
source "$(dirname "$0")/bench/relay-jars.sh"
if [[ ${BENCH_STAGES:-0} != 0 ]]; then
  RELAY_ARGS="${RELAY_ARGS:-} --relay.stages.sample-every=$BENCH_STAGES --logging.level.io.wasmhive.relay.stages=INFO"
fi

# BENCH_SECURE=1: the relay in secure mode, every request authenticated by an API key (principal bench) that the
# relay jar's api-key command issues on the relay's embedded stores; otherwise local mode and the seed's user_id.
if [[ ${BENCH_SECURE:-0} == 1 ]]; then
  export WASMHIVE_SECURITY_MODE=secure
  start_relay --relay.rate-limit.overrides.bench=1000000000 \
    --relay.concurrency.overrides.bench=100000 --relay.executor.consumers="$CONSUMERS" ${RELAY_ARGS:-}
  unset WASMHIVE_SECURITY_MODE   # the indexer that uploads the module stays in local mode
  CALLER="Bearer $("$JAVA" -jar "$RELAY_JAR" api-key create --principal bench --tenant bench "${STORES[@]}" 2>/dev/null)"
  AUTH=(-H "Authorization: $CALLER")
else
  start_relay --relay.rate-limit.overrides.bench=1000000000 --relay.concurrency.overrides.bench=100000 \
    --relay.executor.consumers="$CONSUMERS" ${RELAY_ARGS:-}
  CALLER=bench
  AUTH=(-H 'user_id: bench')
fi
CID="$(upload_guests wat-add.wasm)"
echo "relay: pid $PID, $("$JAVA" -version 2>&1 | head -1), $CONSUMERS executor consumers; module $CID;" \
  "security $([[ ${BENCH_SECURE:-0} == 1 ]] && echo "secure (API key)" || echo local)"
curl -sf -XPOST "$BASE/intent/execute-wasm" -H 'Content-Type: application/json' "${AUTH[@]}" \
  -d '{"cid":"'"$CID"'","inputs":[1,2]}'; echo

LOAD=("$LOADGEN_JAVA" -XX:+UseSerialGC "$ROOT/scripts/bench/RelayLoad.java" "$BASE/intent/execute-wasm" "$CID" "$CALLER")
echo "== warm-up (not reported)"
"${LOAD[@]}" rate 200 15 >/dev/null
"${LOAD[@]}" max "$CONCURRENCY" 10 >/dev/null
echo "== fixed rate: $RATE requests/s for $SECONDS_RUN s (open loop)"
FROM=$(wc -l <"$WORK/relay.log")
"${LOAD[@]}" rate "$RATE" "$SECONDS_RUN"
if [[ ${BENCH_STAGES:-0} != 0 ]]; then
  tail -n +"$((FROM + 1))" "$WORK/relay.log" | python3 "$ROOT/scripts/bench/stage-summary.py"
fi
echo "== maximum throughput: $CONCURRENCY in flight for $SECONDS_RUN s (closed loop)"
# CPU time of each process during the closed loop (utime + stime from /proc, in clock ticks), per request: on these
# two cores the relay, its Redis and the load generator share the CPUs, so their sum bounds the maximum.
RPID="$(ss -Hltnp "sport = :$RPORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
ticks() { [[ -n "$1" && -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
R0=$(ticks "$PID"); D0=$(ticks "$RPID")
"${LOAD[@]}" max "$CONCURRENCY" "$SECONDS_RUN" >"$WORK/max.out" &
LPID=$!
sleep 1; L0=$(ticks "$LPID"); L1=$L0
while kill -0 "$LPID" 2>/dev/null; do T=$(ticks "$LPID"); [[ $T != 0 ]] && L1=$T; sleep 0.2; done
wait "$LPID"; cat "$WORK/max.out"
R1=$(ticks "$PID"); D1=$(ticks "$RPID")
python3 - "$WORK/max.out" "$(getconf CLK_TCK)" "$R0" "$R1" "$D0" "$D1" "$L0" "${L1:-$L0}" <<'PY'
import re, sys
out, hz = open(sys.argv[1]).read(), int(sys.argv[2])
r0, r1, d0, d1, l0, l1 = map(int, sys.argv[3:9])
n = int(re.search(r"(\d+) requests in", out).group(1))
us = lambda a, b: (b - a) / hz * 1e6 / max(n, 1)
print("CPU per request (closed loop, %d requests): relay %.0f us, redis %.0f us, load generator %.0f us (from its 2nd s)"
      % (n, us(r0, r1), us(d0, d1), us(l0, l1)))
PY
