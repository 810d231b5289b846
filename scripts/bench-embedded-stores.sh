#!/usr/bin/env bash
# What the durability of the embedded stores costs (ADR 0029): small MongoDB inserts on mongo-java-server's H2
# backend as shipped (background commit about once a second), with a commit before every reply (the default since
# ADR 0029) and with a commit plus an fsync; Redis SET and XADD with the append-only file off, everysec (the
# default) and always. One and four client threads for MongoDB, one Lettuce connection for Redis. Prints the load
# average per run: the machine is shared, so compare variants within one run.
# Usage: scripts/bench-embedded-stores.sh [mongo inserts=2000] [redis commands=20000] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=./mvnw; [ -x "$MVN" ] || MVN=mvn
"$MVN" -q -B -o -pl platform-infra -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="platform-infra/target/test-classes:platform-infra/target/classes:executor-core/target/classes"
CP="$CP:$(cat platform-infra/target/bench.cp)"

JDKS=()
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
JDKS+=("$(command -v java)")
for JAVA in "${JDKS[@]}"; do
  echo "== $JAVA"
  "$JAVA" -Xmx512m -Dslf4j.internal.verbosity=WARN -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
    io.wasmhive.platform.embedded.EmbeddedStoresWriteCostBench "$@" 2>&1 | grep -v '^SLF4J' | grep -v ' INFO '
done
