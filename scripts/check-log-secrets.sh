#!/usr/bin/env bash
# Fails when a log holds a secret: an API key token (whk_…), a JWT, the signer key the workflow tests plant (anvil's
# first dev key) or any value the tests plant as a secret (wasmhive-planted-…). scripts/test.sh runs it over the
# whole test run's output; the tests log at INFO, several at DEBUG, with those secrets in play.
#
# Usage: scripts/check-log-secrets.sh <log file>...
set -euo pipefail

patterns=(
  'whk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}'
  'eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}'
  'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
  'wasmhive-planted-[a-z-]+'
)
found=0
for file in "$@"; do
  for pattern in "${patterns[@]}"; do
    if hits=$(grep -Eno "$pattern" "$file" | head -5) && [[ -n $hits ]]; then
      # Print where, never what: the line number and the kind of secret.
      echo "[secrets] $file: a secret matching /${pattern:0:24}…/ on line(s) $(cut -d: -f1 <<<"$hits" | paste -sd,)" >&2
      found=1
    fi
  done
done
if ((found)); then
  exit 1
fi
echo "[secrets] no planted secret in $# log file(s) ($(cat "$@" | wc -l) lines)"
