#!/usr/bin/env bash
# The verified-operator benchmark (issue 13): the set-up of scripts/bench-workflow.sh (workflow-service from its jar
# on embedded stores, anvil, TestToken, the wf-balance-bridge module), then scripts/bench/VerifyLoad.java: per sample
# a leader run of one WebAssembly step making one eth_call, and a verifying run of it with the leader's contexts and
# RPC recording (re-executed against the recording, no network). Goal: verify ≤ 1.2× the leader's WebAssembly time.
#
#   ./mvnw -q -B -o package -pl workflow-service,indexer-service -am -DskipTests   # once, if the jars are missing
#   scripts/bench-verify.sh [ROUNDS=3] [SAMPLES=100]
#   JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java scripts/bench-verify.sh   # the service on another JDK
set -euo pipefail
BENCH_LOADGEN=verify exec bash "$(cd "$(dirname "$0")" && pwd)/bench-workflow.sh" "$@"
