#!/usr/bin/env bash
# The derivation goals of issue 16 (docs/benchmarks.md, "Derivations"), in process: the demo game reducer
# (derive-game-today.wasm, guests/c/derive-game.c built with today's C feature set) over a seeded game log through
# DerivationEngine — the executor in deterministic mode, one transaction per message, the state hash after every
# message — on each SQL engine: 1,000 messages from an empty database (100 replays: median and distinct final
# hashes), 10,100 from scratch, the snapshot at 10,000 and its restore, restore + the last 100 against 10,100 from
# scratch. On Temurin 25 (when present), then the default JDK 17. No mvn install.
# Usage: scripts/bench-derivations.sh [WASM_ENGINE=auto] [SQL engines...=sqlite h2]
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_ENGINE="${1:-auto}"; shift || true
ENGINES=("$@"); [ ${#ENGINES[@]} -gt 0 ] || ENGINES=(sqlite h2)
MVN=./mvnw; [ -x "$MVN" ] || MVN=mvn
"$MVN" -q -B -o -pl procedure-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="procedure-service/target/test-classes:procedure-service/target/classes:platform-infra/target/classes"
CP="$CP:executor-core/target/classes:$(cat procedure-service/target/bench.cp)"
REDUCER=executor-core/src/test/resources/guests/derive-game-today.wasm

JDKS=()
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
JDKS+=("$(command -v java)")
for JAVA in "${JDKS[@]}"; do
  echo "== $("$JAVA" -version 2>&1 | head -1); WASM_ENGINE=$WASM_ENGINE; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" -Dslf4j.internal.verbosity=WARN -cp "$CP" io.wasmhive.procedure.derive.engine.DerivationBench \
    "$REDUCER" "$WASM_ENGINE" "${ENGINES[@]}" 2>&1 | grep -v '^SLF4J'
done
