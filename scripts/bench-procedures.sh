#!/usr/bin/env bash
# Benchmarks procedure-service over loopback HTTP with a load generator in another process (wrk), as issue 3
# asks: cached calls of a numeric procedure against the constant GET /health of the same application (16
# connections, 2 threads, 20 s), create of a ~100 KB module (p50 of 50 creates, distinct modules so each one
# compiles) and list of 1,000 procedures (p50 of 50 lists). It starts the packaged jar on an ephemeral port
# with embedded stores in a temporary data directory and stops it by PID at the end.
#
#   ./mvnw -q -B -o package -pl procedure-service -am -DskipTests   # once, if the jar is missing
#   scripts/bench-procedures.sh [duration, default 20s]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/procedure-service/target/procedure-service-0.1.0-SNAPSHOT.jar"
GUEST="$ROOT/executor-core/src/test/resources/guests/c-add.wasm"
DURATION="${1:-20s}"
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[[ -x "$JAVA" ]] || JAVA="$(command -v java)"
[[ -f "$JAR" ]] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y wrk

WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
PID=""
cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" -jar "$JAR" --server.port="$PORT" --wasmhive.data-dir="$WORK/data" \
  --wasmhive.embedded.mongo.port=0 --wasmhive.embedded.redis.port=0 >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/health" >/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
echo "server: pid $PID, port $PORT, $("$JAVA" -version 2>&1 | head -1)"

curl -sf -XPOST "$BASE/procedures?name=calculate_discount&params=price:FLOAT,tier:INT&return_type=FLOAT" \
  -H 'Content-Type: application/wasm' --data-binary @"$GUEST" >/dev/null
cat >"$WORK/call.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"args":[100.0,2]}'
wrk.headers["Content-Type"] = "application/json"
LUA

echo "== warm-up (10 s each, not reported)"
wrk -t2 -c16 -d10s -s "$WORK/call.lua" "$BASE/procedures/calculate_discount/call" >/dev/null
wrk -t2 -c16 -d10s "$BASE/health" >/dev/null
echo "== call: POST /procedures/calculate_discount/call {\"args\":[100.0,2]}"
wrk -t2 -c16 -d"$DURATION" --latency -s "$WORK/call.lua" "$BASE/procedures/calculate_discount/call"
echo "== constant: GET /health"
wrk -t2 -c16 -d"$DURATION" --latency "$BASE/health"

# Client-side time of one request (curl's time_total, connection included) and the server's latency_ms.
timed() { curl -s -o "$WORK/reply" -w '%{http_code} %{time_total}\n' "$@"; }
p50() {
  python3 -c 'import sys,statistics as s
rows=[l.split() for l in open(sys.argv[1])]
bad=[r for r in rows if r[0] not in ("200","201")]
assert not bad, bad[:3]
c=sorted(float(r[1])*1000 for r in rows); v=sorted(float(r[2]) for r in rows)
print(f"{sys.argv[2]}: n={len(rows)} client p50={s.median(c):.2f} ms p90={c[int(len(c)*0.9)-1]:.2f} ms;"
      f" server latency_ms p50={s.median(v):.2f} ms")' "$1" "$2"
}
server_ms() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["latency_ms"])' "$WORK/reply"; }

echo "== create of a ~100 KB module (50 distinct modules: c-add.wasm plus a 100 KB custom section)"
python3 - "$GUEST" "$WORK" <<'PY'
import os, sys
wasm = open(sys.argv[1], "rb").read()
def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7f; n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n: return bytes(out)
for i in range(50):
    name = b"pad"
    payload = leb(len(name)) + name + os.urandom(100 * 1024 - len(wasm) - 16)
    open(f"{sys.argv[2]}/m{i}.wasm", "wb").write(wasm + b"\x00" + leb(len(payload)) + payload)
PY
ls -l "$WORK/m0.wasm" | awk '{print "module size: " $5 " bytes"}'
: >"$WORK/create.txt"
for i in $(seq 0 49); do
  r="$(timed -XPOST "$BASE/procedures?name=big_$i&params=price:FLOAT,tier:INT&return_type=FLOAT&entry=calculate_discount" \
    -H 'X-Mindb-Database: bench-create' -H 'Content-Type: application/wasm' --data-binary @"$WORK/m$i.wasm")"
  echo "$r $(server_ms)" >>"$WORK/create.txt"
done
p50 "$WORK/create.txt" "create 100 KB"

echo "== list of 1,000 procedures"
for i in $(seq 1 1000); do
  curl -sf -o /dev/null -XPOST "$BASE/procedures?name=p_$i&params=price:FLOAT,tier:INT&return_type=FLOAT&entry=calculate_discount&description=bench" \
    -H 'X-Mindb-Database: bench-list' -H 'Content-Type: application/wasm' --data-binary @"$GUEST"
done
for _ in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null -H 'X-Mindb-Database: bench-list' "$BASE/procedures"; done
: >"$WORK/list.txt"
for _ in $(seq 1 50); do
  r="$(timed -H 'X-Mindb-Database: bench-list' "$BASE/procedures")"
  echo "$r $(server_ms)" >>"$WORK/list.txt"
done
python3 -c 'import json,sys; print("listed count:", json.load(open(sys.argv[1]))["count"])' "$WORK/reply"
p50 "$WORK/list.txt" "list 1,000"
