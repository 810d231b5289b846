#!/usr/bin/env bash
# What CI runs (.ci/run): installs what the tests need on a fresh Debian 12 machine of this kind,
# only when it is missing, then runs the whole build with its tests on JDK 17. Exits non-zero on
# any failure.
set -euo pipefail

cd "$(dirname "$0")/.."

SUDO=
[[ $(id -u) -eq 0 ]] || SUDO=sudo
APT_UPDATED=false

apt_install() {
  if ! $APT_UPDATED; then
    $SUDO apt-get update -qq
    APT_UPDATED=true
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}

# ensure_pkg COMMAND [PACKAGE]: installs PACKAGE (default: COMMAND) when COMMAND is not on the PATH.
ensure_pkg() {
  local command=$1 package=${2:-$1}
  if ! command -v "$command" >/dev/null 2>&1; then
    echo "[test] installing $package (for $command)"
    apt_install "$package"
  fi
}

# ensure_lib SONAME PACKAGE: installs PACKAGE when the dynamic linker does not know SONAME.
ensure_lib() {
  local soname=$1 package=$2
  if ! /sbin/ldconfig -p | grep -q "$soname"; then
    echo "[test] installing $package (for $soname)"
    apt_install "$package"
  fi
}

# JDK 17 compiles and runs the tests.
ensure_pkg javac openjdk-17-jdk-headless
# The redis-server that embedded-redis ships links against OpenSSL 3. If it still cannot run, the
# embedded Redis falls back to Debian's redis-server from the PATH: ensure_pkg redis-server.
ensure_lib libssl.so.3 libssl3
# binaryen's wasm-opt generates the modules of executor-core's GeneratedModulesDifferentialTest at test time
# (wasm-opt -ttf); that test fails, rather than skips, without it.
ensure_pkg wasm-opt binaryen
# Debian's chromium for the dashboard's browser tests (scripts/test-ui.sh drives it with playwright-core from npm; no
# browser download).
ensure_pkg chromium

if [[ -z ${JAVA_HOME:-} ]]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  export JAVA_HOME
fi
echo "[test] JAVA_HOME=$JAVA_HOME"

# anvil (a local Ethereum dev chain) for the chain watcher's tests, from the npm package @foundry-rs/anvil,
# whose platform package ships the Linux x64 binary. Installed into .tools/anvil (git-ignored) only when
# missing; the tests read ANVIL_BIN, else the PATH, else that folder.
ANVIL_VERSION=1.7.1
if [[ -z ${ANVIL_BIN:-} ]]; then
  ANVIL_BIN=$PWD/.tools/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
  if [[ ! -x $ANVIL_BIN ]] || [[ $("$ANVIL_BIN" --version 2>/dev/null | head -1) != "anvil Version: $ANVIL_VERSION" ]]; then
    ensure_pkg npm
    echo "[test] installing @foundry-rs/anvil@$ANVIL_VERSION into .tools/anvil"
    npm install --silent --no-save --no-audit --no-fund --prefix .tools/anvil "@foundry-rs/anvil@$ANVIL_VERSION"
  fi
fi
export ANVIL_BIN
echo "[test] ANVIL_BIN=$ANVIL_BIN ($("$ANVIL_BIN" --version | head -1))"

# workflow-service's test contracts: the committed bytecode and ABI must be what their Solidity sources compile
# to (solc from npm into .tools/solc, installed by the script when missing).
ensure_pkg node nodejs
ensure_pkg npm
bash workflow-service/src/test/solidity/build.sh --check
# procedure-service's derivation test reducers: the committed .wasm files are what their WAT sources build to.
ensure_pkg wat2wasm wabt
bash procedure-service/src/test/wat/build.sh --check
# Operations (docs/operations.md): Prometheus's config and alert rules are valid and every alert's unit tests pass
# (promtool, from Debian's prometheus package); the compose file resolves with .env.example (docker-compose 1.x,
# which needs no Docker daemon for this). Whether the metrics they query are exported is checked by the services'
# integration tests (OperationsQueries).
if ! command -v promtool >/dev/null 2>&1; then
  ensure_pkg promtool prometheus
  # The package may start its server (systemd, or its init script where policy-rc.d allows it): stop it, so that
  # nothing keeps running or holds port 9090 after CI — by its unit, then by the PIDs its file and pgrep give.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
    $SUDO systemctl stop prometheus || true
    $SUDO systemctl disable --quiet prometheus 2>/dev/null || true
  fi
  for pid in $(cat /run/prometheus/prometheus.pid 2>/dev/null || true) \
      $(command -v pgrep >/dev/null 2>&1 && pgrep -x -u prometheus prometheus 2>/dev/null || true); do
    echo "[test] stopping the prometheus server the package started (PID $pid)"
    $SUDO kill "$pid" 2>/dev/null || true
  done
fi
promtool check config ops/prometheus/prometheus.yml
promtool check rules ops/prometheus/alerts.yml
promtool test rules ops/prometheus/alerts.test.yml
ensure_pkg docker-compose
docker-compose -f docker-compose.yml --env-file .env.example config -q
# The benchmarks' peers work: the runner (a process per WebAssembly step on node:wasi) as the simulator's wasmtime does, and
# bench-vs-node.sh's server as procedure-service's call API answers.
node --test scripts/bench/wasi-runner.test.mjs scripts/bench/node-peer.test.mjs >/dev/null

# One indentation style (.editorconfig): fails, naming the files, when a Java file is indented with 4 spaces.
java scripts/reindent/Reindent.java --check . >/dev/null || {
  java scripts/reindent/Reindent.java --check . | head -20
  echo "[test] Java files indented with 4 spaces; run scripts/reindent.sh --no-verify" >&2
  exit 1
}

# The whole run's output is kept and checked for planted secrets (API keys, JWTs, the tests' signer key, store
# passwords): none may reach a log line. The log stays in target/ for reading after a failure.
mkdir -p target
set -o pipefail
./mvnw -B verify 2>&1 | tee target/test-run.log
bash scripts/check-log-secrets.sh target/test-run.log
# The dashboard in a real browser, against the four services started from the jars the build just made.
bash scripts/test-ui.sh
