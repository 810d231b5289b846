#!/usr/bin/env bash
# Runs the four services on this machine on the embedded MongoDB and Redis (data under ./data, or
# $WASMHIVE_DATA_DIR), waits until each one's /readyz is UP, prints their URLs and stops them all, by PID,
# on Ctrl-C or when any of them exits. They bind 127.0.0.1 and so run in local security mode (no credentials,
# every caller an administrator; each logs a warning saying so). Actuator is on port + 1000 (loopback).
#
# The first service (relay) starts the embedded stores on 127.0.0.1:27018 (MongoDB) and :6380
# (Redis); the others join them. Set MONGODB_URI / REDIS_URL to use external stores instead.
# What they store survives a kill -9 of every service and a restart on the same data directory: MongoDB commits
# before it acknowledges, Redis keeps an append-only file (ADR 0029). The embedded Redis stops within a second
# after the relay is gone, even after a kill -9; one that outlived an older run is stopped by the next start.
#
# Usage: scripts/run-local.sh [--smoke]   (--smoke: stop as soon as all four are UP; exit 0)
#
# Other ports (a second run beside this one, tests, scripts): WASMHIVE_BASE_PORT=N puts the services on N..N+3
# (actuator on +1000); WASMHIVE_EMBEDDED_MONGO_PORT and WASMHIVE_EMBEDDED_REDIS_PORT move the embedded stores.
# Sent SIGTERM (or Ctrl-C), it stops every service it started, by PID, and exits.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BASE_PORT=${WASMHIVE_BASE_PORT:-8080}
[[ $BASE_PORT =~ ^[0-9]+$ ]] && ((BASE_PORT >= 1024 && BASE_PORT <= 64000)) || {
  echo "[run-local] WASMHIVE_BASE_PORT must be a number from 1024 to 64000, was '$BASE_PORT'" >&2
  exit 2
}
SERVICES=(relay-service:$BASE_PORT workflow-service:$((BASE_PORT + 1)) indexer-service:$((BASE_PORT + 2))
  procedure-service:$((BASE_PORT + 3)))
DATA_DIR=${WASMHIVE_DATA_DIR:-$ROOT/data}
LOG_DIR=$DATA_DIR/logs
# The dashboard (http://127.0.0.1:$BASE_PORT/ui/, served by the relay) calls the other three services from the relay's
# origin: they allow it (CORS) unless wasmhive.security.cors-allowed-origins is set already.
export WASMHIVE_SECURITY_CORSALLOWEDORIGINS=${WASMHIVE_SECURITY_CORSALLOWEDORIGINS:-http://127.0.0.1:$BASE_PORT,http://localhost:$BASE_PORT}
HEALTH_TIMEOUT_SECONDS=${HEALTH_TIMEOUT_SECONDS:-180}
SMOKE=false
[[ ${1:-} == --smoke ]] && SMOKE=true

JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[[ -x $JAVA ]] || JAVA=java

PIDS=()

log() { printf '[run-local] %s\n' "$*"; }

jar_of() {
  local module=$1
  compgen -G "$ROOT/$module/target/$module-*.jar" | head -n 1 || true
}

# A jar is outdated when a pom or a source file of it, or of a module it is built from, is newer.
jars_outdated() {
  local entry module jar sources=("$ROOT/pom.xml")
  for module in platform-infra executor-core; do
    [[ -d $ROOT/$module ]] && sources+=("$ROOT/$module/pom.xml" "$ROOT/$module/src")
  done
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    jar=$(jar_of "$module")
    [[ -n $jar ]] || return 0
    if [[ -n $(find "${sources[@]}" "$ROOT/$module/pom.xml" "$ROOT/$module/src" -type f -newer "$jar" -print -quit 2>/dev/null) ]]; then
      return 0
    fi
  done
  return 1
}

http_status() {
  local url=$1
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true
  else
    local hostport=${url#http://}; hostport=${hostport%%/*}
    (exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}" \
      && printf 'GET /%s HTTP/1.0\r\nHost: localhost\r\n\r\n' "${url#http://*/}" >&3 \
      && head -n 1 <&3 | awk '{print $2}') 2>/dev/null || true
  fi
}

# Stops one service by its PID: SIGTERM for a graceful shutdown, SIGKILL after 20 seconds.
stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  log "pid $pid did not stop in 20 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

stop_all() {
  local pid stoppers=()
  trap - EXIT INT TERM
  ((${#PIDS[@]})) || return 0
  log "stopping pids ${PIDS[*]}"
  # The joiners first, in parallel; the relay, which owns the embedded stores, last.
  for pid in "${PIDS[@]:1}"; do
    stop_pid "$pid" &
    stoppers+=($!)
  done
  ((${#stoppers[@]} == 0)) || wait "${stoppers[@]}"
  stop_pid "${PIDS[0]}"
  log "all stopped"
}

start() {
  local module=$1 port=$2
  "$JAVA" -jar "$(jar_of "$module")" \
    --server.port="$port" --server.address=127.0.0.1 --management.server.port=$((port + 1000)) \
    --wasmhive.data-dir="$DATA_DIR" \
    >"$LOG_DIR/$module.log" 2>&1 &
  PIDS+=($!)
  log "$module starting (pid $!, log $LOG_DIR/$module.log)"
}

await_up() {
  local module=$1 port=$2 pid=$3 deadline=$((SECONDS + HEALTH_TIMEOUT_SECONDS))
  until [[ $(http_status "http://127.0.0.1:$port/readyz") == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$module (pid $pid) exited; last lines of its log:"
      tail -n 40 "$LOG_DIR/$module.log" >&2
      return 1
    fi
    if ((SECONDS > deadline)); then
      log "$module not UP after ${HEALTH_TIMEOUT_SECONDS}s; last lines of its log:"
      tail -n 40 "$LOG_DIR/$module.log" >&2
      return 1
    fi
    sleep 1
  done
  log "$module UP"
}

if jars_outdated; then
  log "building the jars: ./mvnw -q -B -DskipTests package"
  ./mvnw -q -B -DskipTests package
fi

mkdir -p "$LOG_DIR"
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The relay starts the embedded stores; the others, started once it is UP, join them.
first=${SERVICES[0]}
start "${first%%:*}" "${first##*:}"
await_up "${first%%:*}" "${first##*:}" "${PIDS[0]}"
for entry in "${SERVICES[@]:1}"; do
  start "${entry%%:*}" "${entry##*:}"
done
for i in "${!SERVICES[@]}"; do
  ((i == 0)) && continue
  entry=${SERVICES[i]}
  await_up "${entry%%:*}" "${entry##*:}" "${PIDS[i]}"
done

log "all four UP (data in $DATA_DIR), in local security mode (loopback only, no credentials):"
for entry in "${SERVICES[@]}"; do
  printf '  %-18s http://127.0.0.1:%s  (actuator: http://127.0.0.1:%s/actuator/health)\n' \
    "${entry%%:*}" "${entry##*:}" "$((${entry##*:} + 1000))"
done

if $SMOKE; then
  exit 0
fi
log "Ctrl-C stops them all"
set +e
wait -n "${PIDS[@]}"
status=$?
set -e
log "a service exited (status $status); stopping the others"
exit "$status"
