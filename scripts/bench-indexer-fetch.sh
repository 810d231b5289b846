#!/usr/bin/env bash
# Runs the fetch JMH benchmarks of indexer-service (io.wasmhive.indexer.fetch.bench: fetch and verify of a 1 MiB
# module from a loopback trustless gateway) on every JDK present (Temurin 25 first, then the default JDK 17).
# Raw JMH JSON: indexer-service/target/jmh-fetch-<jdk>.json.
# Usage: scripts/bench-indexer-fetch.sh [jmh args...]   (e.g. -wi 3 -i 5 -w 1 -r 1 for a short run)
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=./mvnw; [ -x "$MVN" ] || MVN=mvn
"$MVN" -q -B -pl indexer-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="indexer-service/target/test-classes:indexer-service/target/classes:$(cat indexer-service/target/bench.cp)"

JDKS=()
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
JDKS+=("$(command -v java)")
for JAVA in "${JDKS[@]}"; do
  VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')
  OUT="indexer-service/target/jmh-fetch-${VERSION%%+*}.json"
  echo "== JMH on $JAVA ($VERSION)"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT" -jvm "$JAVA" "$@" 'io.wasmhive.indexer.fetch.bench.*'
  python3 - "$OUT" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1] + "".join(f"[{v}]" for v in r.get("params", {}).values())
    m = r["primaryMetric"]
    p = m["scorePercentiles"]
    print(f"{name:32s} p50 {p['50.0']:8.2f} p90 {p['90.0']:8.2f} p99 {p['99.0']:8.2f} {m['scoreUnit']}")
PY
done
