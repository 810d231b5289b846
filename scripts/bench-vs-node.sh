#!/usr/bin/env bash
# Side-by-side benchmark of issue 15: procedure-service against a Node.js peer of its own (scripts/bench/node-peer.mjs:
# node:http, the same c-add.wasm compiled once, a FRESH WebAssembly.Instance per call, the same request and response
# JSON) on the same machine. For each JDK it starts the packaged jar (embedded stores, temporary data directory,
# ephemeral ports, management port included) and the peer, warms both, then runs 3 alternating rounds of
# `wrk -t2 -c16` on POST /procedures/calculate_discount/call {"args":[100.0,2]} and on the bare GET /health of
# each, plus one-connection sequential runs (`wrk -t1 -c1`), and prints the throughput ratio platform/peer, both
# p50s and each process's CPU time per request (medians over the rounds; the CPU figure is the one the other builders
# sharing the cores disturb least). Both servers are stopped by PID. It builds nothing:
#
#   ./mvnw -q -B -o package -pl procedure-service -am -DskipTests   # once, if the jar is missing
#   scripts/bench-vs-node.sh                                         # Temurin 25 and OpenJDK 17
#
# Environment: JAR (another build of the service, e.g. a copy of the jar before a change), DURATION (per round,
# default 8s), ROUNDS (default 3), WARMUP (the call warm-up of each server, default 20s: the JIT needs longer when
# other jobs load the cores), JDKS (java homes, space-separated; default Temurin 25 and OpenJDK 17 where present),
# JAVA_OPTS (JVM options, e.g. an -agentpath for a profiler), EXTRA_ARGS (application arguments, e.g.
# --spring.threads.virtual.enabled=true), and the service's own environment (WASM_ENGINE=... once there is a
# choice) passes through. Needs wrk (apt-get install wrk), node, curl, python3.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${JAR:-$ROOT/procedure-service/target/procedure-service-0.1.0-SNAPSHOT.jar}"
GUEST="$ROOT/executor-core/src/test/resources/guests/c-add.wasm"
PEER="$ROOT/scripts/bench/node-peer.mjs"
DURATION="${DURATION:-8s}"
WARMUP="${WARMUP:-20s}"
ROUNDS="${ROUNDS:-3}"
JDKS="${JDKS:-/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64}"
CALL_PATH=/procedures/calculate_discount/call
[[ -f "$JAR" ]] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 1; }
for tool in wrk node curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

WORK="$(mktemp -d)"
SERVICE_PID=""
PEER_PID=""
stop() { # stop PID: ends one process we started and waits for it
  [[ -n "$1" ]] || return 0
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  stop "$SERVICE_PID"
  stop "$PEER_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/call.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"args":[100.0,2]}'
wrk.headers["Content-Type"] = "application/json"
LUA

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# CPU time (user + system, clock ticks) the process PID has used so far: with the request count it gives the CPU
# cost of one request, which the other builders sharing the cores disturb much less than throughput.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wrk_run NAME PID THREADS CONNECTIONS URL [wrk args...]: one run against the server PID; appends
# "NAME requests/s p50-ms cpu-us-per-request" to results.txt.
wrk_run() {
  local name=$1 pid=$2 threads=$3 connections=$4 url=$5 before after
  shift 5
  before="$(cpu_ticks "$pid")"
  wrk -t"$threads" -c"$connections" -d"$DURATION" --latency "$@" "$url" >"$WORK/wrk.out"
  after="$(cpu_ticks "$pid")"
  if grep -q 'Non-2xx' "$WORK/wrk.out"; then
    cat "$WORK/wrk.out" >&2
    echo "non-2xx answers from $url" >&2
    exit 1
  fi
  python3 - "$WORK/wrk.out" "$name" "$((after - before))" "$(getconf CLK_TCK)" >>"$WORK/results.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
requests = int(re.search(r"(\d+) requests in", text).group(1))
value, unit = re.search(r"\s50%\s+([\d.]+)(us|ms|s)\b", text).groups()
p50 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
cpu_us = int(sys.argv[3]) / int(sys.argv[4]) * 1e6 / requests
print(sys.argv[2], rps, p50, round(cpu_us, 1))
PY
  tail -1 "$WORK/results.txt" | awk '{printf "  %-16s %10.0f req/s  p50 %.3f ms  cpu %6.1f us/request\n", $1, $2, $3, $4}'
}

start_peer() {
  node "$PEER" --port 0 --module "$GUEST" --export calculate_discount --float-result >"$WORK/peer.log" 2>&1 &
  PEER_PID=$!
  for _ in $(seq 1 50); do grep -qs listening "$WORK/peer.log" && break; sleep 0.1; done
  PEER_BASE="http://127.0.0.1:$(awk '/listening/ {print $2}' "$WORK/peer.log")"
}

start_service() { # start_service JAVA_HOME
  local port data
  port="$(free_port)"
  data="$WORK/data-$RANDOM"
  # shellcheck disable=SC2086 # JAVA_OPTS and EXTRA_ARGS are word lists on purpose
  "$1/bin/java" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" --management.server.port=0 \
    --wasmhive.data-dir="$data" --wasmhive.embedded.mongo.port=0 --wasmhive.embedded.redis.port=0 \
    ${EXTRA_ARGS:-} >"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  SERVICE_BASE="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do curl -sf "$SERVICE_BASE/health" >/dev/null && break; sleep 0.5; done
  curl -sf "$SERVICE_BASE/health" >/dev/null || { tail -50 "$WORK/service.log"; exit 1; }
  curl -sf -XPOST "$SERVICE_BASE/procedures?name=calculate_discount&params=price:FLOAT,tier:INT&return_type=FLOAT" \
    -H 'Content-Type: application/wasm' --data-binary @"$GUEST" >/dev/null
}

# The two bodies must have the same shape: {"result":90.0,"latency_ms":...}.
check_same_answer() {
  local service peer
  service="$(curl -sf -H 'Content-Type: application/json' -d '{"args":[100.0,2]}' "$SERVICE_BASE$CALL_PATH")"
  peer="$(curl -sf -H 'Content-Type: application/json' -d '{"args":[100.0,2]}' "$PEER_BASE$CALL_PATH")"
  echo "service answers $service; peer answers $peer"
  [[ "${service%%,*}" == "${peer%%,*}" ]] || { echo "the answers differ" >&2; exit 1; }
}

summary() { # summary JDK-LABEL: medians over the rounds
  python3 - "$WORK/results.txt" "$1" <<'PY'
import statistics as st, sys
rows = {}
for line in open(sys.argv[1]):
    name, rps, p50, cpu = line.split()
    rows.setdefault(name, []).append((float(rps), float(p50), float(cpu)))
med = lambda name, i: st.median(r[i] for r in rows[name])
spread = lambda name: (min(r[0] for r in rows[name]), max(r[0] for r in rows[name]))
print(f"== summary ({sys.argv[2]}; medians of {len(rows['svc-call'])} rounds, requests/s min-max in brackets)")
for what, svc, peer in (("call -t2 -c16", "svc-call", "peer-call"), ("bare -t2 -c16", "svc-health", "peer-health"),
                        ("call -t1 -c1", "svc-call-seq", "peer-call-seq")):
    lo, hi = spread(svc); plo, phi = spread(peer)
    print(f"  {what}: platform {med(svc,0):8.0f}/s [{lo:.0f}-{hi:.0f}] p50 {med(svc,1):.3f} ms | "
          f"peer {med(peer,0):8.0f}/s [{plo:.0f}-{phi:.0f}] p50 {med(peer,1):.3f} ms | "
          f"throughput ratio {med(svc,0)/med(peer,0):.2f}x, p50 ratio {med(svc,1)/med(peer,1):.2f}x")
    print(f"    process CPU per request: platform {med(svc,2):.1f} us, peer {med(peer,2):.1f} us "
          f"(ratio {med(svc,2)/med(peer,2):.2f}x)")
print(f"  platform call p50 / own bare endpoint p50 (-c16): {med('svc-call',1)/med('svc-health',1):.2f}x")
PY
}

for jdk in $JDKS; do
  [[ -x "$jdk/bin/java" ]] || { echo "skipping $jdk: no java there"; continue; }
  label="$("$jdk/bin/java" -version 2>&1 | head -1)"
  echo "==== $label ($jdk) on $(nproc) cores, node $(node --version), rounds of $DURATION"
  : >"$WORK/results.txt"
  start_service "$jdk"
  start_peer
  echo "service: pid $SERVICE_PID, $SERVICE_BASE; peer: pid $PEER_PID, $PEER_BASE"
  check_same_answer
  echo "== warm-up (not reported)"
  for base in "$SERVICE_BASE" "$PEER_BASE"; do
    wrk -t2 -c16 -d"$WARMUP" -s "$WORK/call.lua" "$base$CALL_PATH" >/dev/null
    wrk -t2 -c16 -d5s "$base/health" >/dev/null
    wrk -t1 -c1 -d3s -s "$WORK/call.lua" "$base$CALL_PATH" >/dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round"
    wrk_run svc-call "$SERVICE_PID" 2 16 "$SERVICE_BASE$CALL_PATH" -s "$WORK/call.lua"
    wrk_run peer-call "$PEER_PID" 2 16 "$PEER_BASE$CALL_PATH" -s "$WORK/call.lua"
    wrk_run svc-health "$SERVICE_PID" 2 16 "$SERVICE_BASE/health"
    wrk_run peer-health "$PEER_PID" 2 16 "$PEER_BASE/health"
    wrk_run svc-call-seq "$SERVICE_PID" 1 1 "$SERVICE_BASE$CALL_PATH" -s "$WORK/call.lua"
    wrk_run peer-call-seq "$PEER_PID" 1 1 "$PEER_BASE$CALL_PATH" -s "$WORK/call.lua"
  done
  summary "$label"
  stop "$SERVICE_PID"
  SERVICE_PID=""
  stop "$PEER_PID"
  PEER_PID=""
done
