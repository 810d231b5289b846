#!/usr/bin/env bash
# Regenerates executor-core/src/test/resources/mutants/expectations.txt, the oracle of MutationPropertyTest:
# the test makes its 10,000 mutants of the guest corpus with its own generator (Mutants, Mutator), runs wabt's
# wasm-validate on each (default features, SIMD off, extended-const on; again with --no-debug-names when it
# refuses), writes the verdicts with each mutant's SHA-256, then checks the validator against them. Run it
# after changing the guest corpus, the mutator or its numbers, and commit the file. Exits non-zero when the
# validator disagrees with wasm-validate beyond the test's known differences (the file is written anyway).
set -euo pipefail

cd "$(dirname "$0")/.."

WABT_VERSION=1.0.32
if ! command -v wasm-validate >/dev/null 2>&1; then
  SUDO=
  [[ $(id -u) -eq 0 ]] || SUDO=sudo
  echo "[mutants] installing wabt (for wasm-validate)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wabt
fi
if [[ $(wasm-validate --version) != "$WABT_VERSION" ]]; then
  echo "[mutants] warning: wasm-validate is $(wasm-validate --version), the committed verdicts come from $WABT_VERSION (Debian 12)" >&2
fi

./mvnw -B -q -pl executor-core test -Dtest='MutationPropertyTest#theValidatorAcceptsExactlyWhatWasmValidateAccepts' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dwasmhive.mutants.regenerate=true
echo "[mutants] wrote executor-core/src/test/resources/mutants/expectations.txt"
