# Sourced by scripts/chaos.sh after platform.sh: whether the platform serves, by one real request to each service
# that needs its stores (Redis and the MongoDB stand-in), sent as user "probe" so that the load's counts stay clean.
#
#   probe_setup             uploads wat-add through the indexer (idempotent) and remembers its CID
#   serving                 true when all four answered their probe right now
#   await_serving LIMIT     waits until serving, at most LIMIT seconds; prints the seconds it waited
PROBE_CID=""

probe_setup() {
  PROBE_CID=$(curl -sf --data-binary @"$ROOT/executor-core/src/test/resources/guests/wat-add.wasm" \
    "http://127.0.0.1:$(port_of indexer-service)/modules" | grep -o '"cid_v1":"[^"]*' | cut -d'"' -f4)
  [[ -n $PROBE_CID ]] || { say "cannot upload the probe module"; return 1; }
}

code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" || true; }

serving() {
  local n=$((RANDOM * 32768 + RANDOM))
  [[ $(code -XPOST "http://127.0.0.1:$(port_of relay-service)/intent/execute-wasm" -H 'user_id: probe' \
    -H 'Content-Type: application/json' -d '{"cid":"'"$PROBE_CID"'","inputs":['"$n"',2]}') == 200 ]] &&
    [[ $(code "http://127.0.0.1:$(port_of indexer-service)/modules/$PROBE_CID") == 200 ]] &&
    [[ $(code "http://127.0.0.1:$(port_of procedure-service)/procedures") == 200 ]] &&
    [[ $(code "http://127.0.0.1:$(port_of workflow-service)/runs/probe-run") == 404 ]]
}

await_serving() {
  local limit=$1 start=$SECONDS
  until serving; do
    ((SECONDS - start < limit)) || return 1
    sleep 0.5
  done
  echo $((SECONDS - start))
}
