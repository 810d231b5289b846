#!/usr/bin/env bash
# The dashboard's browser tests: starts the four services from their jars on embedded stores (scripts/run-local.sh)
# on free ports chosen now, with a low relay rate limit so a 429 can be provoked, then drives Debian's chromium with
# playwright-core (relay-service/src/test/ui, installed from its lock file into .tools/ui, git-ignored) through
# the dashboard. Screenshots of each state go to target/ui-screenshots/. Stops every service it started, by PID.
# Needs the jars (./mvnw -DskipTests package; scripts/test.sh runs this after the build), node, npm and
# /usr/bin/chromium (scripts/test.sh installs them when missing).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
UI_TESTS=$ROOT/relay-service/src/test/ui
# Outside relay-service/src: a file there newer than the jar would make run-local.sh rebuild the jars.
UI_TOOLS=$ROOT/.tools/ui
SCREENSHOTS=$ROOT/target/ui-screenshots
RATE_LIMIT=5
UP_TIMEOUT_SECONDS=${UP_TIMEOUT_SECONDS:-240}

log() { printf '[test-ui] %s\n' "$*"; }

[[ -x /usr/bin/chromium ]] || { log "/usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 1; }

# playwright-core from the committed lock file, only when missing or another version.
wanted=$(node -p "require('$UI_TESTS/package-lock.json').packages['node_modules/playwright-core'].version")
installed=$(node -p "try { require('$UI_TOOLS/node_modules/playwright-core/package.json').version } catch { '' }")
if [[ $installed != "$wanted" ]] || ! cmp -s "$UI_TESTS/package-lock.json" "$UI_TOOLS/package-lock.json"; then
  log "installing playwright-core@$wanted into .tools/ui (npm ci from the committed lock file; no browser download)"
  mkdir -p "$UI_TOOLS"
  cp "$UI_TESTS/package.json" "$UI_TESTS/package-lock.json" "$UI_TOOLS/"
  (cd "$UI_TOOLS" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
fi

in_use() { (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# A base port whose four service ports and their actuator ports (+1000) are free, and two free store ports; all below
# Linux's ephemeral range (32768 and up), where an outgoing connection could take a port between the check and the bind.
free_base() {
  local base p ok
  for _ in $(seq 1 50); do
    base=$((20000 + RANDOM % 9000))
    ok=true
    for p in $base $((base + 1)) $((base + 2)) $((base + 3)) $((base + 1000)) $((base + 1001)) $((base + 1002)) \
      $((base + 1003)); do
      in_use "$p" && { ok=false; break; }
    done
    $ok && { echo "$base"; return 0; }
  done
  return 1
}
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((30100 + RANDOM % 2600))
    in_use "$p" || { echo "$p"; return 0; }
  done
  return 1
}

BASE=$(free_base)
MONGO=$(free_port)
REDIS=$(free_port)
while [[ $REDIS == "$MONGO" ]]; do REDIS=$(free_port); done
DATA=$(mktemp -d "${TMPDIR:-/tmp}/wasmhive-ui.XXXXXX")
RUN_LOG=$DATA/run-local.log
RUN_PID=

cleanup() {
  local status=$?
  if [[ -n $RUN_PID ]] && kill -0 "$RUN_PID" 2>/dev/null; then
    kill -TERM "$RUN_PID" 2>/dev/null || true
    wait "$RUN_PID" 2>/dev/null || true
  fi
  if ((status != 0)); then
    # The services' logs stay for reading after a failure.
    rm -rf "$ROOT/target/ui-logs" && mkdir -p "$ROOT/target/ui-logs"
    cp "$RUN_LOG" "$DATA"/logs/*.log "$DATA"/redis/*.log "$ROOT/target/ui-logs/" 2>/dev/null || true
    log "failed; the services' logs are in target/ui-logs; the end of run-local.sh's:"
    tail -n 20 "$RUN_LOG" >&2 || true
  fi
  rm -rf "$DATA"
  exit "$status"
}
trap cleanup EXIT

log "services on 127.0.0.1:$BASE-$((BASE + 3)), MongoDB :$MONGO, Redis :$REDIS, data in $DATA"
start=$SECONDS
WASMHIVE_BASE_PORT=$BASE WASMHIVE_EMBEDDED_MONGO_PORT=$MONGO WASMHIVE_EMBEDDED_REDIS_PORT=$REDIS \
  WASMHIVE_DATA_DIR=$DATA RELAY_RATE_LIMIT=$RATE_LIMIT RELAY_RATE_WINDOW=60000 \
  bash scripts/run-local.sh >"$RUN_LOG" 2>&1 &
RUN_PID=$!
until grep -q 'all four UP' "$RUN_LOG"; do
  kill -0 "$RUN_PID" 2>/dev/null || { log "run-local.sh exited" >&2; exit 1; }
  ((SECONDS - start < UP_TIMEOUT_SECONDS)) || { log "services not UP after ${UP_TIMEOUT_SECONDS}s" >&2; exit 1; }
  sleep 0.5
done
log "all four UP after $((SECONDS - start)) s; running the browser tests"

rm -rf "$SCREENSHOTS"
UI_BASE=http://127.0.0.1:$BASE UI_INDEXER=http://127.0.0.1:$((BASE + 2)) \
  UI_GUESTS=$ROOT/executor-core/src/test/resources/guests UI_RATE_LIMIT=$RATE_LIMIT SCREENSHOTS=$SCREENSHOTS UI_TOOLS=$UI_TOOLS \
  node --test --test-reporter=spec "$UI_TESTS/dashboard.test.mjs"
log "passed in $((SECONDS - start)) s in all (screenshots in $SCREENSHOTS)"
