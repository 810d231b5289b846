#!/usr/bin/env bash
# Compiles the test contracts of workflow-service with solc from npm and writes their bytecode and ABI as
# committed test resources (workflow-service/src/test/resources/contracts/NAME.bin and NAME.abi.json).
#
#   bash workflow-service/src/test/solidity/build.sh            compile and write the resources
#   bash workflow-service/src/test/solidity/build.sh --check    compile into a temp dir and compare with the
#                                                               committed files (exit 1 on any difference)
#   --no-install                                                never call npm (fail when solc is missing)
#
# solc is the npm package solc (the JavaScript build of the compiler), pinned below and installed into the
# git-ignored .tools/solc. Settings are fixed (optimizer on, 200 runs, EVM cancun, no metadata hash), so the
# output depends only on the sources and the compiler version.
set -euo pipefail

SOLC_VERSION=0.8.28
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
DEST="$ROOT/workflow-service/src/test/resources/contracts"
TOOLS="$ROOT/.tools/solc"
CONTRACTS=(TestToken)

MODE=build
DO_INSTALL=1
while [ $# -gt 0 ]; do
  case "$1" in
    --check) MODE=check ;;
    --no-install) DO_INSTALL=0 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "[solidity] $*" >&2; }

installed="$(node -p "require('$TOOLS/node_modules/solc/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$SOLC_VERSION" ]; then
  [ "$DO_INSTALL" = 1 ] || { log "solc $SOLC_VERSION is not installed in $TOOLS (found '${installed}')"; exit 1; }
  log "installing solc@$SOLC_VERSION into $TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "solc@$SOLC_VERSION" >&2
fi

OUT="$DEST"
if [ "$MODE" = check ]; then
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
fi
mkdir -p "$OUT"

for name in "${CONTRACTS[@]}"; do
  log "compiling $name.sol"
  node - "$TOOLS/node_modules/solc" "$HERE/$name.sol" "$name" "$OUT" <<'JS'
const [solcPath, source, name, out] = process.argv.slice(2);
const solc = require(solcPath);
const fs = require('fs');
const input = {
  language: 'Solidity',
  sources: { [name + '.sol']: { content: fs.readFileSync(source, 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    metadata: { bytecodeHash: 'none', appendCBOR: false },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);
const contract = output.contracts[name + '.sol'][name];
fs.writeFileSync(`${out}/${name}.bin`, contract.evm.bytecode.object + '\n');
fs.writeFileSync(`${out}/${name}.abi.json`, JSON.stringify(contract.abi, null, 2) + '\n');
JS
done

if [ "$MODE" = check ]; then
  status=0
  for name in "${CONTRACTS[@]}"; do
    for ext in bin abi.json; do
      if ! cmp -s "$OUT/$name.$ext" "$DEST/$name.$ext"; then
        log "DIFFERENT: contracts/$name.$ext (run build.sh and commit the result)"
        status=1
      fi
    done
  done
  [ "$status" = 0 ] && log "the committed contracts match their sources"
  exit "$status"
fi
log "wrote ${CONTRACTS[*]} to $DEST"
