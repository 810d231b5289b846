#!/usr/bin/env bash
# Runs the IPFS content-addressing JMH benchmarks of platform-infra (io.wasmhive.platform.ipfs.bench) on every JDK
# present (Temurin 25 first, then the default JDK 17). Raw JMH JSON: platform-infra/target/jmh-ipfs-<jdk>.json.
# With --dag it runs DagReadCpu instead: CPU time per read of hostile UnixFS DAG shapes (CARs of at most 1 MiB).
# Usage: scripts/bench-ipfs.sh [jmh args...]   (e.g. -wi 3 -i 5 for a short run)
#        scripts/bench-ipfs.sh --dag [seconds per shape] [shape...]
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=./mvnw; [ -x "$MVN" ] || MVN=mvn
"$MVN" -q -B -pl platform-infra test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="platform-infra/target/test-classes:platform-infra/target/classes:$(cat platform-infra/target/bench.cp)"

JDKS=()
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
JDKS+=("$(command -v java)")
DAG=false
if [[ ${1:-} == --dag ]]; then
  DAG=true
  shift
fi
for JAVA in "${JDKS[@]}"; do
  if $DAG; then
    echo "== DagReadCpu on $JAVA"
    "$JAVA" -Xms512m -Xmx512m -cp "$CP" io.wasmhive.platform.ipfs.bench.DagReadCpu "$@"
    continue
  fi
  VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')
  OUT="platform-infra/target/jmh-ipfs-${VERSION%%+*}.json"
  echo "== JMH on $JAVA ($VERSION)"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT" -jvm "$JAVA" "$@" 'io.wasmhive.platform.ipfs.bench.*'
  python3 - "$OUT" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1] + "".join(f"[v{v}]" for v in r.get("params", {}).values())
    m = r["primaryMetric"]
    p = m["scorePercentiles"]
    print(f"{name:32s} p50 {p['50.0']:8.2f} p90 {p['90.0']:8.2f} p99 {p['99.0']:8.2f} {m['scoreUnit']}")
PY
done
