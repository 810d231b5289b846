#!/usr/bin/env bash
# The executed-run benchmark (issue 13, transactions): one job of a WebAssembly step making one RPC call (an ERC-20
# balanceOf through the file bridge, guests/rust wf-balance-bridge) and a contract step transfer(recipient, 1) sent
# as a transaction ({"execute":true}) from the service's signer (WORKFLOW_SIGNER_KEY: anvil's development account 0,
# which deploys TestToken and holds its supply), against a local anvil mining on demand (its default). The set-up of
# scripts/bench-workflow.sh (workflow-service from its packaged jar on embedded stores, RPC_URL_<chain> pointing at
# anvil, the module uploaded through the indexer jar), with the signer; the load generator
# (scripts/bench/ExecuteLoad.java, its own JVM) times POST …/runs?wait=true end to end, receipt included, one after
# the other, and checks every run's transaction mined and the recipient's balance on chain.
#
#   ./mvnw -q -B -o package -pl workflow-service,indexer-service -am -DskipTests   # once, if the jars are missing
#   scripts/bench-workflow-execute.sh [ROUNDS=3] [SAMPLES=100]
#   JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java scripts/bench-workflow-execute.sh   # the service on another JDK
set -euo pipefail
BENCH_LOADGEN=execute exec bash "$(cd "$(dirname "$0")" && pwd)/bench-workflow.sh" "$@"
