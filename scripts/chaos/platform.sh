# Sourced by scripts/chaos.sh and scripts/soak.sh (not run on its own): runs the four services from their jars the
# way scripts/run-local.sh does (same JDK, same flags, loopback, actuator on port + 1000, one data directory), but
# one process per service so that a single service can be killed and started again, plus a Redis the script owns:
#
#   - Redis is Debian's redis-server on $REDIS_PORT with append-only persistence (appendfsync everysec), started
#     and stopped by PID, so "restart Redis" is a real step; the services reach it through REDIS_URL (the seed's
#     variable), which turns their embedded Redis off.
#   - The MongoDB stand-in is the embedded one (mongo-java-server on an H2 file under $DATA_DIR/mongodb), on
#     $MONGO_PORT: the relay starts first and hosts it, the others join it, exactly as under run-local.sh. Killing
#     the relay therefore also kills the stand-in; a service started while no one hosts it would host it itself,
#     which the scripts avoid by restarting the relay before anything else.
#
# Needs: PLATFORM_BASE (services on BASE..BASE+3), MONGO_PORT, REDIS_PORT, GATEWAY_URL, WORK (a fresh directory).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[[ -x $JAVA ]] || JAVA="$(command -v java)"
SERVICE_NAMES=(relay-service workflow-service indexer-service procedure-service)
DATA_DIR="$WORK/data"
LOG_DIR="$WORK/logs"
declare -A SERVICE_PID=()
REDIS_PID=""
mkdir -p "$DATA_DIR" "$LOG_DIR" "$WORK/redis"

say() { printf '[%s %s] %s\n' "$(date -u +%H:%M:%S)" "${SCRIPT_NAME:-platform}" "$*"; }

port_of() {
  local i
  for i in "${!SERVICE_NAMES[@]}"; do
    [[ ${SERVICE_NAMES[i]} == "$1" ]] && { echo $((PLATFORM_BASE + i)); return; }
  done
}

jar_of() { compgen -G "$ROOT/$1/target/$1-*[0-9T].jar" | head -n 1; }

require_jars() {
  local name version
  # The load generator is several source files run by the source launcher: JDK 22 or later (Temurin 25 here).
  version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  ((${version%%.*} >= 22)) || { echo "needs JDK 22 or later as \$JAVA (Temurin 25), found $version" >&2; exit 2; }
  for name in "${SERVICE_NAMES[@]}"; do
    [[ -n $(jar_of "$name") ]] || { echo "missing $name jar: ./mvnw -B -o -q -DskipTests package" >&2; exit 2; }
  done
  command -v redis-server >/dev/null || { echo "needs redis-server (apt-get install redis-server)" >&2; exit 2; }
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_redis() {
  port_free "$REDIS_PORT" || { say "port $REDIS_PORT is taken"; return 1; }
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$WORK/redis" --appendonly yes \
    --appendfsync everysec --save '' --daemonize no --logfile "$LOG_DIR/redis.log" &
  REDIS_PID=$!
  for _ in $(seq 1 100); do
    redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  say "redis did not answer"; return 1
}

# Stops Redis by its PID: SIGTERM (Redis flushes its append-only file and exits), SIGKILL after 10 s.
stop_redis() {
  [[ -n $REDIS_PID ]] || return 0
  stop_pid "$REDIS_PID" 50
  REDIS_PID=""
}

stop_pid() {
  local pid=$1 tries=${2:-100}
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 "$tries"); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Starts one service as run-local.sh does; its output is appended to $LOG_DIR/<name>.log.
start_service() {
  local name=$1 port extra=()
  port=$(port_of "$name")
  # The load's user (chaos) and the probes' (probe) get the relay's rate and concurrency limits raised, as
  # bench-relay.sh does for its user.
  [[ $name == relay-service ]] && extra=(--relay.rate-limit.overrides.chaos=1000000000
    --relay.concurrency.overrides.chaos=100000 --relay.rate-limit.overrides.probe=1000000000)
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT" IPFS_GATEWAYS="$GATEWAY_URL" \
    WASMHIVE_EMBEDDED_MONGO_PORT="$MONGO_PORT" \
    "$JAVA" ${SERVICE_JAVA_OPTS:-} -jar "$(jar_of "$name")" \
    --server.port="$port" --server.address=127.0.0.1 --management.server.port=$((port + 1000)) \
    --wasmhive.data-dir="$DATA_DIR" "${extra[@]}" ${SERVICE_ARGS:-} >>"$LOG_DIR/$name.log" 2>&1 &
  SERVICE_PID[$name]=$!
}

ready() { [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$(port_of "$1")/readyz") == 200 ]]; }

# Waits until the service's /readyz answers 200; prints the seconds it took. Fails after $2 seconds (180). On a
# loaded machine a service takes minutes to start (2 cores, seven builds beside it: 110-140 s each).
await_ready() {
  local name=$1 limit=${2:-180} start=$SECONDS
  until ready "$name"; do
    if ! kill -0 "${SERVICE_PID[$name]}" 2>/dev/null || ((SECONDS - start > limit)); then
      say "$name did not come up; last lines of its log:" >&2
      tail -n 30 "$LOG_DIR/$name.log" >&2
      return 1
    fi
    sleep 0.25
  done
  echo $((SECONDS - start))
}

start_platform() {
  local name
  start_redis
  start_service relay-service
  await_ready relay-service 400 >/dev/null
  for name in "${SERVICE_NAMES[@]:1}"; do start_service "$name"; done
  for name in "${SERVICE_NAMES[@]:1}"; do await_ready "$name" 400 >/dev/null; done
  say "platform UP: services on $PLATFORM_BASE-$((PLATFORM_BASE + 3)), redis $REDIS_PORT, mongo stand-in $MONGO_PORT"
}

# The joiners first, the relay (host of the MongoDB stand-in) last, Redis after them.
stop_platform() {
  local name
  for name in "${SERVICE_NAMES[@]:1}"; do
    [[ -z ${SERVICE_PID[$name]:-} ]] || stop_pid "${SERVICE_PID[$name]}"
  done
  [[ -z ${SERVICE_PID[relay-service]:-} ]] || stop_pid "${SERVICE_PID[relay-service]}"
  SERVICE_PID=()
  stop_redis
}
