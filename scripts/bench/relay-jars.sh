# Sourced by the relay benchmarks (bench-relay.sh, bench-hostile.sh): runs relay-service from its packaged jar on
# embedded stores in a temporary directory, uploads guest modules through the indexer jar (which joins the same
# stores once and is stopped again), and stops everything by PID on exit. Not run on its own.
#
#   start_relay ARGS...        the relay on $BASE, its log in $WORK/relay.log; sets PID
#   upload_guests FILES...     prints one CIDv1 per line, for guests of executor-core's corpus
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RELAY_JAR="$ROOT/relay-service/target/relay-service-0.1.0-SNAPSHOT.jar"
INDEXER_JAR="$ROOT/indexer-service/target/indexer-service-0.1.0-SNAPSHOT.jar"
GUESTS="$ROOT/executor-core/src/test/resources/guests"
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
  for _ in $(seq 1 240); do curl -sf "$1/readyz" >/dev/null && return 0; sleep 0.5; done
  echo "no answer from $1" >&2; tail -40 "$2" >&2; exit 1
}

start_relay() {
  "$JAVA" ${RELAY_JAVA_OPTS:-} -jar "$RELAY_JAR" --server.port="$PORT" --management.server.port=0 "${STORES[@]}" "$@" \
    --logging.level.root=WARN >"$WORK/relay.log" 2>&1 &
  PID=$!
  wait_up "$BASE" "$WORK/relay.log"
}

upload_guests() {
  "$JAVA" -jar "$INDEXER_JAR" --server.port="$IPORT" --management.server.port=0 "${STORES[@]}" >"$WORK/indexer.log" 2>&1 &
  IPID=$!
  wait_up "http://127.0.0.1:$IPORT" "$WORK/indexer.log"
  for guest in "$@"; do
    curl -sf --data-binary @"$GUESTS/$guest" "http://127.0.0.1:$IPORT/modules" \
      | python3 -c 'import sys,json; print(json.load(sys.stdin)["cid_v1"])'
  done
  kill "$IPID"; wait "$IPID" 2>/dev/null || true; IPID=""
}
