#!/usr/bin/env bash
# The soak (issue 18, docs/reliability.md): the four services from their jars on loopback (scripts/chaos/platform.sh:
# a Redis this script owns, the embedded MongoDB stand-in hosted by the relay) under the steady mixed load of
# scripts/chaos/MixedLoad.java for MINUTES, no faults. Each minute it samples every service's RSS (VmRSS of
# /proc/<pid>/status) and heap after GC (jcmd <pid> GC.run, then the heap's "used" from GC.heap_info, both in one
# attach). At the end the load generator's exactly-once checks run as in the chaos run, and
# scripts/chaos/SoakReport.java prints RSS and heap at the middle and the end, the growth over the second half and the
# error rates of both halves, and draws the plot.
# Passes when every service grows less than 5 % over the second half, the error rate does not climb and the load's
# checks pass.
#
#   ./mvnw -B -o -q -DskipTests package      # once: the jars
#   scripts/soak.sh [MINUTES=30] [SCALE=1]   # SCALE multiplies the load's rates (MixedLoad.java)
#   SOAK_PLOT=docs/img/soak-memory.png       # where the plot goes (default: the run's directory)
#   SOAK_BASE=18350 SOAK_MONGO_PORT=28350 SOAK_REDIS_PORT=16350 SOAK_GATEWAY_PORT=18358  (the defaults)
set -euo pipefail
SCRIPT_NAME=soak
MINUTES=${1:-30}
SCALE=${2:-1}
((MINUTES >= 2)) || { echo "MINUTES must be at least 2" >&2; exit 2; }
PLATFORM_BASE=${SOAK_BASE:-18350}
MONGO_PORT=${SOAK_MONGO_PORT:-28350}
REDIS_PORT=${SOAK_REDIS_PORT:-16350}
GATEWAY_PORT=${SOAK_GATEWAY_PORT:-18358}
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
WORK=$(mktemp -d /tmp/wasmhive-soak.XXXXXX)
OUT="$WORK/out"
source "$(dirname "$0")/chaos/platform.sh"
require_jars
cd "$ROOT"
JCMD="$(dirname "$JAVA")/jcmd"
PLOT=${SOAK_PLOT:-$OUT/soak-memory.png}
LOAD_PID=""

cleanup() {
  trap - EXIT INT TERM
  [[ -n $LOAD_PID ]] && kill "$LOAD_PID" 2>/dev/null || true
  stop_platform
  rm -rf "$DATA_DIR"
  say "logs and results in $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One line per service: minute, service, RSS KiB, heap used after a full GC KiB.
sample() {
  local minute=$1 name pid rss heap
  for name in "${SERVICE_NAMES[@]}"; do
    pid=${SERVICE_PID[$name]}
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    # The collection and the reading in one attach (jcmd -f runs the file's commands one after the other): with two
    # attaches, what the service allocated between them (a few hundred milliseconds; the attach itself allocates)
    # was read as live, up to +30 MiB in single samples of the relay (docs/reliability.md, run 3).
    # G1: " garbage-first heap   total reserved 262144K, committed 65536K, used 41234K [...]" (JDK 25), or
    # " garbage-first heap   total 65536K, used 41234K" (older): the number before K after "used".
    heap=$("$JCMD" "$pid" -f "$OUT/gc.jcmd" | grep -m1 -o 'used [0-9]*K' | grep -o '[0-9]*')
    printf '%s\t%s\t%s\t%s\n' "$minute" "$name" "$rss" "$heap" >>"$OUT/samples.tsv"
  done
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "$(nproc) cores, load average $load_before; services on $("$JAVA" -version 2>&1 | head -1)"
start_platform
mkdir -p "$OUT"
printf 'minute\tservice\trss_kib\theap_after_gc_kib\n' >"$OUT/samples.tsv"
printf 'GC.run\nGC.heap_info\n' >"$OUT/gc.jcmd"
printf 'minute\tload1\tload5\tload15\n' >"$OUT/loadavg.tsv"
"$JAVA" -XX:+UseSerialGC -Xmx256m scripts/chaos/MixedLoad.java "$PLATFORM_BASE" "$GATEWAY_PORT" "$REDIS_PORT" \
  $((MINUTES * 60)) "$OUT" "$SCALE" 120 >"$OUT/load.log" 2>&1 &
LOAD_PID=$!
start=$SECONDS
sample 0
for minute in $(seq 1 "$MINUTES"); do
  wait_s=$((start + minute * 60 - SECONDS))
  ((wait_s <= 0)) || sleep "$wait_s"
  kill -0 "$LOAD_PID" 2>/dev/null || { say "the load generator exited early:"; tail -20 "$OUT/load.log"; exit 1; }
  sample "$minute"
  printf '%s\t%s\n' "$minute" "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '\t')" >>"$OUT/loadavg.tsv"
  say "minute $minute: $(awk -v m="$minute" -F'\t' '$1 == m {printf "%s %d/%d MiB  ", $2, $3 / 1024, $4 / 1024}' \
    "$OUT/samples.tsv")"
done
set +e
wait "$LOAD_PID"
load_status=$?
LOAD_PID=""
grep -v '^minute ' "$OUT/load.log"
mkdir -p "$(dirname "$PLOT")"
"$JAVA" scripts/chaos/SoakReport.java "$OUT/samples.tsv" "$OUT/stats.tsv" "$PLOT" \
  "wasmhive soak: RSS and heap after GC per service, $MINUTES min of mixed load"
report_status=$?
set -e
say "load average before $load_before; during (1-min averages, min/max over the run):" \
  "$(awk -F'\t' 'NR > 1 {if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2} END {print min "/" max}' \
    "$OUT/loadavg.tsv")"
if ((load_status != 0 || report_status != 0)); then
  say "FAILED (load checks exit $load_status, memory and errors exit $report_status)"
  exit 1
fi
say "PASSED"
