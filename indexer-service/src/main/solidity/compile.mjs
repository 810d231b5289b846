// Compiles WasmRegistry.sol with the solc pinned in package.json and writes its ABI and creation
// bytecode to ../../test/resources/chain/WasmRegistry.json. The output depends only on the source, the
// compiler version and the settings below, so a rebuild gives the same bytes (see README.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = dirname(fileURLToPath(import.meta.url));
const sourceName = 'WasmRegistry.sol';
const out = join(here, '..', '..', 'test', 'resources', 'chain', 'WasmRegistry.json');

const settings = {
  // Paris: no PUSH0, so any EVM chain from the Merge on runs the bytecode.
  evmVersion: 'paris',
  optimizer: { enabled: true, runs: 200 },
  // No metadata hash: the bytecode then does not depend on file paths or comments.
  metadata: { bytecodeHash: 'none' },
  outputSelection: { '*': { WasmRegistry: ['abi', 'evm.bytecode.object'] } },
};
const input = { language: 'Solidity', sources: { [sourceName]: { content: readFileSync(join(here, sourceName), 'utf8') } }, settings };
const output = JSON.parse(solc.compile(JSON.stringify(input)));

const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

const contract = output.contracts[sourceName].WasmRegistry;
const artifact = {
  contractName: 'WasmRegistry',
  compiler: solc.version(),
  settings: { evmVersion: settings.evmVersion, optimizer: settings.optimizer, metadata: settings.metadata },
  abi: contract.abi,
  bytecode: '0x' + contract.evm.bytecode.object,
};
writeFileSync(out, JSON.stringify(artifact, null, 2) + '\n');
console.log(`wrote ${out} (${contract.evm.bytecode.object.length / 2} bytes of bytecode)`);
