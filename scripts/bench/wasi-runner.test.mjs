// Checks wasi-runner.mjs against the committed guests: node --test scripts/bench/wasi-runner.test.mjs
// (Node >= 20). The JSON-RPC endpoint is a fake of the outside world: a local HTTP server answering eth_call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const runner = join(here, 'wasi-runner.mjs');
const guests = join(here, '..', '..', 'executor-core', 'src', 'test', 'resources', 'guests');
const query = '{"token":"0x5FbDB2315678afecb367f032d93F642f64180aa3","holder":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}\n';

function run(args, stdin) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [runner, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

test('calls the run export with the stdin line', async () => {
  const r = await run(['--invoke', 'run', join(guests, 'wf-echo-stdin.wasm')], '{"a":[1,2]}\n');
  assert.deepEqual(r, { code: 0, stdout: '{"a":[1,2]}\n', stderr: '' });
});

test('falls back to _start for a WASI command', async () => {
  const r = await run(['--invoke', 'run', join(guests, 'rust-json-cmd.wasm')], '{"values":[1,2,3,4]}');
  assert.equal(r.stdout, '{"sum":10,"count":4}\n');
  assert.equal(r.code, 0);
});

test('exits with the guest status and keeps its stderr', async () => {
  const r = await run(['--invoke', 'run', join(guests, 'wf-exit-3.wasm')], '{}\n');
  assert.deepEqual(r, { code: 3, stdout: '', stderr: 'balance: input has no address\n' });
});

test('a trap is status 134', async () => {
  const r = await run(['--invoke', 'run', join(guests, 'wf-trap.wasm')], '{}\n');
  assert.equal(r.code, 134);
  assert.match(r.stderr, /^wasi-runner: trap: unreachable/);
});

test('serves the file bridge from a worker thread', async (t) => {
  const requests = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const request = JSON.parse(body);
      requests.push(request);
      res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: '0x' + (2n ** 70n).toString(16).padStart(64, '0') }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'wasm-rpc-'));
  t.after(() => { server.close(); rmSync(dir, { recursive: true, force: true }); });
  const r = await run(['--invoke', 'run', '--dir', dir, '--env', `WASM_RPC_WORK_DIR=${dir}`,
    '--env', 'WASM_RPC_REQUEST_FILE=wasm_rpc_request.json', '--env', 'WASM_RPC_RESPONSE_FILE=wasm_rpc_response.json',
    '--bridge-rpc', `http://127.0.0.1:${server.address().port}`, join(guests, 'wf-balance-bridge.wasm')], query);
  assert.deepEqual(r, { code: 0, stdout: '{"value":"1180591620717411303424"}\n', stderr: '' });
  assert.equal(requests.length, 1);
  assert.equal(requests[0].method, 'eth_call');
  assert.equal(requests[0].params[0].data, '0x70a08231000000000000000000000000f39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
});
