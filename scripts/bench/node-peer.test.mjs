// Checks the benchmark's Node peer against the committed guest: node --test scripts/bench/node-peer.test.mjs
// (Node >= 20). It answers procedure-service's call API for c-add.wasm's calculate_discount, with the same body.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const guest = join(here, '..', '..', 'executor-core', 'src', 'test', 'resources', 'guests', 'c-add.wasm');
let peer;
let base;

before(async () => {
  peer = spawn(process.execPath, [join(here, 'node-peer.mjs'), '--port', '0', '--module', guest,
    '--export', 'calculate_discount', '--float-result']);
  const [line] = await once(peer.stdout, 'data');
  base = `http://127.0.0.1:${/listening (\d+)/.exec(line.toString())[1]}`;
});

after(() => peer.kill());

async function call(body) {
  const r = await fetch(`${base}/procedures/calculate_discount/call`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body,
  });
  return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
}

test('answers a call with the result and latency_ms, a whole double written as 90.0', async () => {
  const r = await call('{"args":[100.0,2]}');
  assert.equal(r.status, 200);
  assert.equal(r.type, 'application/json');
  assert.match(r.text, /^\{"result":90\.0,"latency_ms":\d+(\.\d+)?(e-\d+)?\}$/);
  assert.deepEqual(Object.keys(JSON.parse(r.text)), ['result', 'latency_ms']);
  assert.equal(JSON.parse((await call('{"args":[19.99,1]}')).text).result, 18.990499999999997);
});

test('refuses a wrong argument count and bad JSON in the service error shape', async () => {
  for (const body of ['{"args":[1]}', '{"args":', '{"args":["x",2]}']) {
    const r = await call(body);
    assert.equal(r.status, 400, body);
    assert.equal(JSON.parse(r.text).error.code, 'BAD_REQUEST');
  }
});

test('answers GET /health like the service', async () => {
  const r = await fetch(`${base}/health`);
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { status: 'ok' });
});
