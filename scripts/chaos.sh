#!/usr/bin/env bash
# The chaos run (issue 18, docs/reliability.md): the four services from their jars on loopback, a Redis this script
# owns and the embedded MongoDB stand-in (scripts/chaos/platform.sh), under the steady mixed load of
# scripts/chaos/MixedLoad.java, while it kill -9s and restarts each service in turn, restarts Redis and kill -9s the
# relay, which hosts the MongoDB stand-in. No service is helped: a killed one is started again at once, the same way,
# and nothing else is touched. At the end the load generator checks that every accepted request reached exactly one
# terminal outcome with the right effect and that every created procedure, workflow and module is still there; this
# script checks that every service is ready and serving. Prints the counts; exits non-zero on any violation.
#
#   ./mvnw -B -o -q -DskipTests package      # once: the jars
#   scripts/chaos.sh [GAP=45]                # seconds of steady load after each recovery before the next fault;
#                                            # the run takes 30 s + 5 x (recovery + GAP) + GAP, then drains and checks
#   CHAOS_BASE=18300 CHAOS_MONGO_PORT=28300 CHAOS_REDIS_PORT=16300 CHAOS_GATEWAY_PORT=18310  (the defaults)
#   CHAOS_KEEP=1                             # keep the data directory (logs and results are always kept)
set -euo pipefail
SCRIPT_NAME=chaos
GAP=${1:-45}
[[ $GAP =~ ^[0-9]+$ ]] && ((GAP >= 10)) || { echo "GAP must be a number of seconds, at least 10" >&2; exit 2; }
PLATFORM_BASE=${CHAOS_BASE:-18300}
MONGO_PORT=${CHAOS_MONGO_PORT:-28300}
REDIS_PORT=${CHAOS_REDIS_PORT:-16300}
GATEWAY_PORT=${CHAOS_GATEWAY_PORT:-18310}
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
WORK=$(mktemp -d /tmp/wasmhive-chaos.XXXXXX)
OUT="$WORK/out"
source "$(dirname "$0")/chaos/platform.sh"
source "$(dirname "$0")/chaos/probes.sh"
require_jars
cd "$ROOT"
LOAD_PID=""

cleanup() {
  trap - EXIT INT TERM
  [[ -n $LOAD_PID ]] && kill "$LOAD_PID" 2>/dev/null || true
  stop_platform
  [[ ${CHAOS_KEEP:-0} == 1 ]] || rm -rf "$DATA_DIR"
  say "logs and results in $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); services on $("$JAVA" -version 2>&1 | head -1)"
start_platform
mkdir -p "$OUT"
"$JAVA" -XX:+UseSerialGC -Xmx256m scripts/chaos/MixedLoad.java "$PLATFORM_BASE" "$GATEWAY_PORT" "$REDIS_PORT" \
  3600 "$OUT" 1 180 >"$OUT/load.log" 2>&1 &
LOAD_PID=$!
probe_setup

# The faults, from 30 s into the load: each waits until the platform serves again (every service ready and a real
# request to each answered), records how long that took, and leaves GAP seconds of steady load before the next.
FAULTS=(kill:workflow-service kill:indexer-service kill:procedure-service redis kill:relay-service)
printf 'fault\tstarted_at\tready_s\tserving_s\n' >"$OUT/faults.tsv"
sleep 30
for fault in "${FAULTS[@]}"; do
  kill -0 "$LOAD_PID" 2>/dev/null || { say "the load generator exited early"; break; }
  start=$SECONDS
  at=$(date -u +%H:%M:%S)
  case $fault in
    kill:*)
      name=${fault#kill:}
      say "kill -9 $name (pid ${SERVICE_PID[$name]})"
      kill -KILL "${SERVICE_PID[$name]}"
      wait "${SERVICE_PID[$name]}" 2>/dev/null || true
      start_service "$name"
      ready_s=$(await_ready "$name" 300)
      ;;
    redis)
      say "restart Redis (SIGTERM, down 5 s, started again on its append-only file)"
      stop_redis
      sleep 5
      start_redis
      ready_s=$((SECONDS - start))
      ;;
  esac
  await_serving 300 >/dev/null || { say "the platform did not serve again after $fault"; exit 1; }
  say "$fault: ready after ${ready_s}s, all four serving again $((SECONDS - start))s after the fault"
  printf '%s\t%s\t%s\t%s\n' "$fault" "$at" "$ready_s" "$((SECONDS - start))" >>"$OUT/faults.tsv"
  sleep "$GAP"
done

say "faults done; stopping the load, waiting for the load generator to drain and check"
touch "$OUT/stop"
set +e
wait "$LOAD_PID"
load_status=$?
set -e
LOAD_PID=""
grep -v '^minute ' "$OUT/load.log" || true
recovered=0
for name in "${SERVICE_NAMES[@]}"; do
  if ready "$name" && kill -0 "${SERVICE_PID[$name]}" 2>/dev/null; then
    recovered=$((recovered + 1))
  else
    say "$name is not ready at the end"
  fi
done
await_serving 5 >/dev/null || { say "the platform does not serve at the end"; recovered=0; }
column -t "$OUT/faults.tsv"
say "services ready and serving at the end: $recovered of ${#SERVICE_NAMES[@]}; load checks exit $load_status"
((load_status == 0 && recovered == ${#SERVICE_NAMES[@]})) || { say "FAILED"; exit 1; }
say "PASSED"
