#!/usr/bin/env bash
# Builds the derivation test reducers (procedure-service/src/test/wat/*.wat) into
# procedure-service/src/test/resources/derive/*.wasm with wabt's wat2wasm (Debian 12: wabt 1.0.32), MVP features
# only. They import the executor's db host functions (db.exec, db.query), so they live here, next to the tests
# that run them, rather than in the shared guest corpus. --check rebuilds into a temp dir and compares.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../resources/derive"
if [ "${1:-}" = "--check" ]; then
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
fi
mkdir -p "$OUT"
for wat in "$HERE"/*.wat; do
  name="$(basename "$wat" .wat)"
  wat2wasm --disable-mutable-globals --disable-saturating-float-to-int --disable-sign-extension --disable-simd \
    --disable-multi-value --disable-bulk-memory --disable-reference-types "$wat" -o "$OUT/$name.wasm"
  chmod 0644 "$OUT/$name.wasm"
done
if [ "${1:-}" = "--check" ]; then
  for wasm in "$OUT"/*.wasm; do
    cmp "$wasm" "$HERE/../resources/derive/$(basename "$wasm")" || { echo "stale: $(basename "$wasm")"; exit 1; }
  done
  echo "derive reducers up to date"
fi
