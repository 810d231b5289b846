#!/usr/bin/env bash
# Compares the embedded SQL engines a derivation could run on (issue 16 item 4, ADR 0023): sqlite4j (SQLite in
# WebAssembly on Chicory), xerial sqlite-jdbc (native SQLite), H2 and H2 in PostgreSQL mode — determinism over
# replays, speed, snapshot and restore, size cap, start-up, memory, SQL hazards — on Temurin 25 (when present),
# then the default JDK 17, in one JVM per JDK with the engines interleaved. Prints the load average with each
# section: the machine is shared, so compare engines within one run.
# Usage: scripts/bench-sql-engines.sh [replays=100] [runs=7] [sizes=1000,10000] [engines=sqlite4j,xerial,h2,h2-pg]
# The classpath is procedure-service's test classpath as Maven resolves it (Chicory runtime 1.7.5 from
# executor-core next to sqlite4j's Chicory 1.5.3 wasi/log/annotations); no mvn install.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=./mvnw; [ -x "$MVN" ] || MVN=mvn
"$MVN" -q -B -o -pl procedure-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="procedure-service/target/test-classes:procedure-service/target/classes:platform-infra/target/classes"
CP="$CP:executor-core/target/classes:$(cat procedure-service/target/bench.cp)"

# That sqlite4j (compiled against Chicory 1.5.3) links against the 1.7.5 runtime is checked by the test suite
# (derive.sql.ChicoryLinkageTest), not here.

JDKS=()
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
JDKS+=("$(command -v java)")
for JAVA in "${JDKS[@]}"; do
  echo "== $JAVA"
  # A fixed, pre-touched heap so the resident-memory deltas are the engines' own (native or not).
  "$JAVA" -Xms768m -Xmx768m -XX:+AlwaysPreTouch -Dslf4j.internal.verbosity=WARN -cp "$CP" \
    io.wasmhive.procedure.derive.bench.SqlEngineBench "$@" 2>&1 | grep -v '^SLF4J'
done
