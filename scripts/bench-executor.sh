#!/usr/bin/env bash
# Runs the executor-core JMH benchmarks on every JDK present (Temurin 25 first, then the default JDK 17)
# and times the same SHA-256 C code compiled natively with gcc -O2, in one run. Prints a summary table;
# raw JMH JSON lands in executor-core/target/jmh-*.json. Usage: scripts/bench-executor.sh [jmh args...]
# ExecutorBenchmark runs on both engines (its engine parameter); one engine: -p engine=chicory (or wasmtime).
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=./mvnw; [ -x "$MVN" ] || MVN=mvn
"$MVN" -q -B -pl executor-core -am install -DskipTests
"$MVN" -q -B -pl executor-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="executor-core/target/test-classes:executor-core/target/classes:$(cat executor-core/target/bench.cp)"

NATIVE=executor-core/target/sha256-native
bash guests/build.sh --native "$NATIVE" >/dev/null
NATIVE_OUT=$("$NATIVE" 50)
echo "native gcc -O2 SHA-256 of 1 MiB: $NATIVE_OUT"

JDKS=()
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
JDKS+=("$(command -v java)")
for JAVA in "${JDKS[@]}"; do
  VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')
  OUT="executor-core/target/jmh-${VERSION%%+*}.json"
  echo "== JMH on $JAVA ($VERSION)"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT" -jvm "$JAVA" "$@" 'io.wasmhive.executor.bench.*'
  python3 - "$OUT" "$NATIVE_OUT" <<'PY'
import json, sys, re
runs = json.load(open(sys.argv[1]))
native_ns = int(re.search(r"median_ns=(\d+)", sys.argv[2]).group(1))
sha = {}
for r in runs:
    name = r["benchmark"].rsplit(".", 1)[1] + "".join(f"[{v}]" for v in r.get("params", {}).values())
    m = r["primaryMetric"]
    if r["mode"] == "sample":
        p = m["scorePercentiles"]
        print(f"{name:45s} p50 {p['50.0']:10.2f} p90 {p['90.0']:10.2f} p99 {p['99.0']:10.2f} {m['scoreUnit']}")
        if name.startswith("sha256OneMiB"):
            sha[r["params"]["variant"]] = p["50.0"]
    else:
        print(f"{name:45s} {m['score']:12.0f} ± {m['scoreError']:.0f} {m['scoreUnit']}")
if sha:
    print(f"native gcc -O2 p50 {native_ns/1000:.2f} us/op")
    print(f"instrumented / native = {sha['instrumented']*1000/native_ns:.3f}x ; original / native = {sha['original']*1000/native_ns:.3f}x ; gas overhead = {100*(sha['instrumented']/sha['original']-1):.1f} %")
PY
done
