// Optional smoke test of the built guests with Node's WebAssembly + node:wasi (Node >= 20).
// It checks the expected results written in MANIFEST.md; the Java tests remain the real consumers.
//   node guests/selftest.mjs [DIR]   (DIR defaults to executor-core/src/test/resources/guests)
import { WASI } from 'node:wasi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import v8 from 'node:v8';

// Node 20's V8 implements extended-const behind a flag; it must be set before the first compilation.
v8.setFlagsFromString('--experimental-wasm-extended-const');

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? path.join(here, '..', 'executor-core', 'src', 'test', 'resources', 'guests');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guests-selftest-'));
const load = (name) => new WebAssembly.Module(fs.readFileSync(path.join(dir, name)));
let failures = 0;
let passed = 0;

function test(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${e && e.message}`);
  }
}

const exportsOf = (file) => new WebAssembly.Instance(load(file), {}).exports;

function trapMessage(fn) {
  try {
    fn();
  } catch (e) {
    return e instanceof WebAssembly.RuntimeError ? e.message : `non-trap: ${e}`;
  }
  return 'no trap';
}

// Runs a WASI module. mode: 'command' (_start) or an export name called after _initialize (if any).
// hostImports: extra import modules (e.g. { host: { rpc_call } }) that get the instance via getInstance().
function runWasi(file, { mode = 'command', stdin = '', args = [file], env = {}, preopens = {}, host, wrapWasi } = {}) {
  const inPath = path.join(tmp, 'stdin'), outPath = path.join(tmp, 'stdout'), errPath = path.join(tmp, 'stderr');
  fs.writeFileSync(inPath, stdin);
  const fin = fs.openSync(inPath, 'r'), fout = fs.openSync(outPath, 'w'), ferr = fs.openSync(errPath, 'w');
  const wasi = new WASI({ version: 'preview1', args, env, preopens, stdin: fin, stdout: fout, stderr: ferr, returnOnExit: true });
  let instance;
  const wasiImports = wasi.getImportObject().wasi_snapshot_preview1;
  const imports = { wasi_snapshot_preview1: wrapWasi ? wrapWasi(wasiImports) : wasiImports };
  if (host) imports.host = host(() => instance);
  instance = new WebAssembly.Instance(load(file), imports);
  let exitCode = 0;
  if (mode === 'command') {
    exitCode = wasi.start(instance);
  } else {
    wasi.initialize(instance);
    instance.exports[mode]();
  }
  for (const fd of [fin, fout, ferr]) fs.closeSync(fd);
  return { exitCode, stdout: fs.readFileSync(outPath, 'utf8'), stderr: fs.readFileSync(errPath, 'utf8') };
}

// Calls a bytes-ABI export: each parameter (string or Buffer) is copied to alloc(len); returns the output bytes.
function callBytes(e, name, ...params) {
  const args = [];
  for (const p of params) {
    const b = Buffer.from(p);
    const ptr = e.alloc(b.length) >>> 0;
    new Uint8Array(e.memory.buffer, ptr, b.length).set(b);
    args.push(ptr, b.length);
  }
  const r = BigInt.asUintN(64, e[name](...args));
  return Buffer.from(e.memory.buffer, Number(r >> 32n), Number(r & 0xffffffffn));
}

const int32le = (n) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
};

// host.rpc_call implementation following the host ABI; respond(requestString) -> responseString.
function rpcHost(respond, seen = []) {
  return (getInstance) => ({
    rpc_call(reqPtr, reqLen, respPtrPtr) {
      const ex = getInstance().exports;
      const req = Buffer.from(ex.memory.buffer, reqPtr >>> 0, reqLen >>> 0).toString('utf8');
      seen.push(req);
      const resp = Buffer.from(respond(req), 'utf8');
      const p = ex.alloc(resp.length) >>> 0;
      new Uint8Array(ex.memory.buffer, p, resp.length).set(resp);
      new DataView(ex.memory.buffer).setInt32(respPtrPtr >>> 0, p, true);
      return resp.length;
    },
  });
}

// ---------------------------------------------------------------------------------------------- C
function checkCAdd(file) {
  const e = exportsOf(file);
  assert.equal(e.add(2, 3), 5);
  assert.equal(e.add(2147483647, 1), -2147483648);
  assert.equal(e.add64(9007199254740993n, 1n), 9007199254740994n);
  assert.equal(e.add64(9223372036854775807n, 1n), -9223372036854775808n);
  assert.equal(e.mulf(1.5, 2.5), 3.75);
  assert.equal(e.mulf(0.1, 3), Math.fround(Math.fround(0.1) * 3));
  assert.equal(e.calculate_discount(100, 1), 95);
  assert.equal(e.calculate_discount(100, 2), 90);
  assert.equal(e.calculate_discount(100, 3), 85);
  assert.equal(e.calculate_discount(100, 0), 100);
  assert.equal(e.calculate_discount(100, 4), 100);
  assert.equal(e.calculate_discount(19.99, 1), 18.990499999999997);
  assert.equal(e.calculate_discount(19.99, 3), 19.99 * 0.85);
  assert.equal(e.fib(0), 0n);
  assert.equal(e.fib(1), 1n);
  assert.equal(e.fib(10), 55n);
  assert.equal(e.fib(50), 12586269025n);
  assert.equal(e.fib(90), 2880067194370816120n);
  assert.equal(e.fib(-5), 0n);
  assert.equal(e.div(7, 2), 3);
  assert.equal(e.div(-7, 2), -3);
  assert.equal(trapMessage(() => e.div(1, 0)), 'divide by zero');
  assert.equal(trapMessage(() => e.div(-2147483648, -1)), 'divide result unrepresentable');
}

test('c-add', () => checkCAdd('c-add.wasm'));

test('c-echo', () => {
  const input = JSON.stringify({ data: 'x'.repeat(1000) });
  const r = runWasi('c-echo.wasm', { stdin: input });
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, input);
  assert.equal(runWasi('c-echo.wasm', { stdin: '' }).stdout, '');
});

test('c-sha256', () => {
  const { exports: e } = new WebAssembly.Instance(load('c-sha256.wasm'), {});
  e._initialize();
  const hash = (bytes) => {
    const p = e.alloc(bytes.length) >>> 0;
    new Uint8Array(e.memory.buffer, p, bytes.length).set(bytes);
    const r = e.sha256(p, bytes.length);
    const outPtr = Number(BigInt.asUintN(64, r) >> 32n), outLen = Number(BigInt.asUintN(64, r) & 0xffffffffn);
    assert.equal(outLen, 32);
    return Buffer.from(e.memory.buffer, outPtr, outLen).toString('hex');
  };
  assert.equal(hash(Buffer.from('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(hash(Buffer.alloc(0)), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(e.sha256_repeat(1024), 471184948);
  assert.equal(e.sha256_repeat(1), -1253149976);
  assert.equal(e.sha256_repeat(0), -474954686);
});

test('c-sha256-cmd', () => {
  const r = runWasi('c-sha256-cmd.wasm', { stdin: 'abc' });
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n');
});

test('c-wasi-probe', () => {
  const r = runWasi('c-wasi-probe.wasm', { stdin: 'hello', args: ['probe', 'a b', 'x"y'], env: { PROBE: 'value-1' } });
  assert.equal(r.exitCode, 0);
  assert.ok(r.stdout.endsWith('}\n') && r.stdout.indexOf('\n') === r.stdout.length - 1, r.stdout);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(j), ['argc', 'argv', 'probe', 'clock1', 'clock2', 'random', 'stdin_len']);
  assert.equal(j.argc, 3);
  assert.deepEqual(j.argv, ['probe', 'a b', 'x"y']);
  assert.equal(j.probe, 'value-1');
  assert.match(j.random, /^[0-9a-f]{16}$/);
  assert.equal(j.stdin_len, 5);
  assert.equal(JSON.parse(runWasi('c-wasi-probe.wasm', {}).stdout).probe, null);
});

test('c-rpc-run', () => {
  const seen = [];
  const r = runWasi('c-rpc-run.wasm', {
    mode: 'run',
    stdin: '{"jsonrpc":"2.0","id":7,"method":"eth_chainId","params":[]}\n',
    host: rpcHost(() => '{"jsonrpc":"2.0","id":7,"result":"0x1"}', seen),
  });
  assert.deepEqual(seen, ['{"jsonrpc":"2.0","id":7,"method":"eth_chainId","params":[]}']);
  assert.equal(r.stdout, '{"jsonrpc":"2.0","id":7,"result":"0x1"}\n');
  const neg = runWasi('c-rpc-run.wasm', { mode: 'run', stdin: '{}', host: () => ({ rpc_call: () => -5 }) });
  assert.equal(neg.stdout, '{"error":"rpc_call failed","code":-5}\n');
  assert.equal(runWasi('c-rpc-run.wasm', { mode: 'run', stdin: '', host: rpcHost(() => '') }).stdout, '{"error":"empty input"}\n');
});

test('c-file-bridge', () => {
  const work = fs.mkdtempSync(path.join(tmp, 'rpc-'));
  const env = { WASM_RPC_WORK_DIR: '/rpc', WASM_RPC_REQUEST_FILE: 'wasm_rpc_request.json', WASM_RPC_RESPONSE_FILE: 'wasm_rpc_response.json' };
  let yields = 0;
  const r = runWasi('c-file-bridge.wasm', {
    mode: 'run', env, preopens: { '/rpc': work },
    stdin: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}\n',
    wrapWasi: (w) => ({
      ...w,
      sched_yield: () => {
        // the "host" answers after the guest polled 3 times
        if (++yields === 3) {
          const req = fs.readFileSync(path.join(work, 'wasm_rpc_request.json'), 'utf8');
          assert.equal(req, '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}');
          fs.writeFileSync(path.join(work, 'wasm_rpc_response.json'), '{"jsonrpc":"2.0","id":1,"result":"0x10"}\n');
        }
        return 0;
      },
    }),
  });
  assert.equal(r.stdout, '{"jsonrpc":"2.0","id":1,"result":"0x10"}\n');
  assert.equal(yields, 3);
  const work2 = fs.mkdtempSync(path.join(tmp, 'rpc-'));
  const t = runWasi('c-file-bridge.wasm', { mode: 'run', env, preopens: { '/rpc': work2 }, stdin: '{"a":1}\n' });
  assert.equal(t.stdout, '{"error":"rpc response timeout","tries":1000}\n');
  const m = runWasi('c-file-bridge.wasm', { mode: 'run', env: {}, stdin: '{"a":1}\n' });
  assert.equal(m.stdout, '{"error":"missing env","var":"WASM_RPC_WORK_DIR"}\n');
});

test('c-state', () => {
  const e = exportsOf('c-state.wasm');
  assert.equal(e.peek_buf(), 0);
  assert.equal(e.bump(), 1);
  assert.equal(e.peek_buf(), 1);
  assert.equal(e.bump(), 2);
  assert.equal(e.peek_buf(), 2);
  const fresh = exportsOf('c-state.wasm');
  assert.equal(fresh.peek_buf(), 0);
  assert.equal(fresh.bump(), 1);
});

test('c-grow', () => {
  const e = exportsOf('c-grow.wasm');
  assert.equal(e.size(), 2);
  assert.equal(e.grow(1), 2);
  assert.equal(e.size(), 3);
  assert.equal(e.grow(0), 3);
  assert.equal(e.grow(70000), -1);
  const n = e.grow_until_fail(); // V8 limit: 65536 pages (4 GiB) on 64-bit
  assert.equal(n, e.size());
  assert.ok(n > 3);
});

function checkProcText(file) {
  const e = exportsOf(file);
  assert.equal(callBytes(e, 'greet', 'Ada').toString(), 'Hello, Ada!');
  assert.deepEqual([...callBytes(e, 'reverse', Buffer.from([1, 2, 0xff]))], [0xff, 2, 1]);
  assert.equal(callBytes(e, 'repeat', 'ab', int32le(3)).toString(), 'ababab');
  assert.equal(callBytes(e, 'repeat', 'ab', int32le(-1)).length, 0);
  assert.equal(trapMessage(() => callBytes(e, 'repeat', 'ab', Buffer.alloc(2))), 'unreachable');
}

test('c-proc-text', () => checkProcText('c-proc-text.wasm'));

// ----------------------------------------------------------------------------- C, today's features
test('c-add-today', () => {
  checkCAdd('c-add-today.wasm');
  const e = exportsOf('c-add-today.wasm');
  assert.deepEqual([0, 1, 2, 3, 4, -1].map((op) => e.apply(op, 7, 5)), [12, 2, 35, 5, 0, 0]);
  assert.equal(e.apply(3, -7, 5), -7);
  assert.deepEqual([3.7, -3.7, 1e10, -1e10, NaN].map(e.trunc_sat), [3, -3, 2147483647, -2147483648, 0]);
  assert.deepEqual([0x80, 0x7f, 0x1ff].map(e.sext8), [-128, 127, -1]);
  e.fill(70000, 7, 100);
  e.copy(80000, 70000, 50);
  assert.equal(e.checksum(70000, 20000), 1050);
  assert.equal(trapMessage(() => e.fill(131062, 1, 11)), 'memory access out of bounds');
  assert.equal(e.checksum(131062, 10), 0); // nothing was written by the trapping fill
  assert.equal(trapMessage(() => e.copy(0, 131070, 4)), 'memory access out of bounds');
  e.fill(70000, 0x1ff, 1);
  assert.equal(e.checksum(70000, 1), 255);
});

test('c-proc-text-today', () => {
  checkProcText('c-proc-text-today.wasm');
  const e = exportsOf('c-proc-text-today.wasm');
  const text = 'Hello, World! 123';
  assert.equal(callBytes(e, 'transform', text, int32le(0)).toString(), 'HELLO, WORLD! 123');
  assert.equal(callBytes(e, 'transform', text, int32le(1)).toString(), 'hello, world! 123');
  assert.equal(callBytes(e, 'transform', text, int32le(2)).toString(), 'Uryyb, Jbeyq! 123');
  assert.equal(callBytes(e, 'transform', '', int32le(0)).length, 0);
  for (const mode of [int32le(3), int32le(-1), Buffer.alloc(2)]) {
    assert.equal(trapMessage(() => callBytes(e, 'transform', 'x', mode)), 'unreachable');
  }
});

test('c-json-cmd-today', () => {
  const cases = [
    ['{"a":2,"b":3}', 0, '{"sum":5,"product":6}'],
    [' { "b" : -3 , "a":2, "x":"y\\"z", "t":true, "n":null } ', 0, '{"sum":-1,"product":-6}'],
    ['{"a":1,"b":2,"a":40}', 0, '{"sum":42,"product":80}'],
    ['{"a":9223372036854775807,"b":1}', 0, '{"sum":-9223372036854775808,"product":9223372036854775807}'],
    ['{"a":-9223372036854775808,"b":-1}', 0, '{"sum":9223372036854775807,"product":-9223372036854775808}'],
    ['{"a":"1","b":2}', 2, '{"error":"a and b must be integers"}'],
    ['{}', 2, '{"error":"a and b must be integers"}'],
    ['{"a":1.5,"b":2}', 2, '{"error":"invalid JSON"}'],
    ['{"a":9223372036854775808,"b":1}', 2, '{"error":"invalid JSON"}'],
    ['{"a":01,"b":1}', 2, '{"error":"invalid JSON"}'],
    ['{"a":[1],"b":2}', 2, '{"error":"invalid JSON"}'],
    ['{"a":1,"b":2', 2, '{"error":"invalid JSON"}'],
    ['', 2, '{"error":"invalid JSON"}'],
    [`{"a":1,"b":2,"pad":"${'x'.repeat(65536)}"}`, 2, '{"error":"invalid JSON"}'],
  ];
  for (const [stdin, exitCode, out] of cases) {
    const r = runWasi('c-json-cmd-today.wasm', { stdin });
    assert.equal(r.stdout, out + '\n', stdin.slice(0, 60));
    assert.equal(r.exitCode, exitCode, stdin.slice(0, 60));
  }
});

test('c-json-run-today', () => {
  const cases = [
    ['{"op":"mul","a":6,"b":7}', '{"op":"mul","result":42}'],
    ['{"op":"add","a":40,"b":2}', '{"op":"add","result":42}'],
    ['{"op":"sub","a":2,"b":44}', '{"op":"sub","result":-42}'],
    ['{"op":"div","a":-7,"b":2}', '{"op":"div","result":-3}'],
    ['{"op":"rem","a":-7,"b":2}', '{"op":"rem","result":-1}'],
    ['{"op":"div","a":-9223372036854775808,"b":-1}', '{"op":"div","result":-9223372036854775808}'],
    ['{"op":"rem","a":-9223372036854775808,"b":-1}', '{"op":"rem","result":0}'],
    ['{"op":"mul","a":4294967296,"b":4294967296}', '{"op":"mul","result":0}'],
    ['{"op":"div","a":1,"b":0}', '{"error":"division by zero"}'],
    ['{"op":"rem","a":1,"b":0}', '{"error":"division by zero"}'],
    ['{"op":"pow","a":1,"b":2}', '{"error":"unknown op"}'],
    ['{"op":7,"a":1,"b":2}', '{"error":"unknown op"}'],
    ['{"a":1,"b":2}', '{"error":"unknown op"}'],
    ['{"op":"add","a":1}', '{"error":"a and b must be integers"}'],
    ['x', '{"error":"invalid JSON"}'],
    ['{"op":"add\\u0041","a":1,"b":1}', '{"error":"invalid JSON"}'],
  ];
  for (const [stdin, out] of cases) {
    assert.equal(runWasi('c-json-run-today.wasm', { mode: 'run', stdin }).stdout, out + '\n', stdin);
  }
});

test('c-rpc-run-today', () => {
  const seen = [];
  const ok = runWasi('c-rpc-run-today.wasm', {
    mode: 'run', stdin: '{"method":"eth_chainId","id":7}',
    host: rpcHost(() => '{"jsonrpc":"2.0","id":7,"result":"0x1"}', seen),
  });
  assert.equal(ok.stdout, '{"jsonrpc":"2.0","id":7,"result":"0x1"}\n');
  const dflt = runWasi('c-rpc-run-today.wasm', { mode: 'run', stdin: '{"method":"eth_blockNumber"}', host: rpcHost(() => 'x', seen) });
  assert.equal(dflt.stdout, 'x\n');
  assert.deepEqual(seen, [
    '{"jsonrpc":"2.0","id":7,"method":"eth_chainId","params":[]}',
    '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}',
  ]);
  const neg = runWasi('c-rpc-run-today.wasm', { mode: 'run', stdin: '{"method":"m"}', host: () => ({ rpc_call: () => -5 }) });
  assert.equal(neg.stdout, '{"error":"rpc_call failed","code":-5}\n');
  const noCall = () => ({ rpc_call: () => assert.fail('rpc_call must not be called') });
  const errors = [
    ['{"method":"eth call"}', '{"error":"method must be a name"}'],
    [`{"method":"${'m'.repeat(65)}"}`, '{"error":"method must be a name"}'],
    ['{"id":3}', '{"error":"method must be a name"}'],
    ['{"method":"m","id":"3"}', '{"error":"id must be an integer"}'],
    ['[]', '{"error":"invalid JSON"}'],
  ];
  for (const [stdin, out] of errors) {
    assert.equal(runWasi('c-rpc-run-today.wasm', { mode: 'run', stdin, host: noCall }).stdout, out + '\n', stdin);
  }
});

// ------------------------------------------------------------------------------------------- Rust
function checkRustJsonRun(file) {
  const seen = [];
  const ok = runWasi(file, {
    mode: 'run', stdin: '{"address":"0xabc","chainId":1}\n',
    host: rpcHost(() => '{"jsonrpc":"2.0","id":1,"result":"0x1bc16d674ec80000"}', seen),
  });
  assert.deepEqual(seen, ['{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["0xabc","latest"]}']);
  assert.equal(ok.stdout, '{"balance":"0x1bc16d674ec80000","processed":true}\n');
  const err = runWasi(file, {
    mode: 'run', stdin: '{"address":"0xabc","chainId":1}\n',
    host: rpcHost(() => '{"jsonrpc":"2.0","id":1,"error":{"message":"boom","code":-32000}}'),
  });
  assert.equal(err.stdout, '{"error":{"code":-32000,"message":"boom"},"processed":false}\n');
  const bad = runWasi(file, { mode: 'run', stdin: 'nope\n', host: rpcHost(() => '{}') });
  assert.equal(bad.stdout, '{"error":"invalid input JSON","processed":false}\n');
  const neg = runWasi(file, { mode: 'run', stdin: '{"address":"0x1"}', host: () => ({ rpc_call: () => -3 }) });
  assert.equal(neg.stdout, '{"error":"rpc_call failed: -3","processed":false}\n');
  const nores = runWasi(file, { mode: 'run', stdin: '{"address":"0x1"}', host: rpcHost(() => '{"jsonrpc":"2.0","id":1}') });
  assert.equal(nores.stdout, '{"error":"RPC response has no result","processed":false}\n');
  const garbage = runWasi(file, { mode: 'run', stdin: '{"address":"0x1"}', host: rpcHost(() => 'not json') });
  assert.equal(garbage.stdout, '{"error":"invalid RPC response","processed":false}\n');
}

test('rust-json-run', () => checkRustJsonRun('rust-json-run.wasm'));

function checkRustJsonCmd(file) {
  let r = runWasi(file, { stdin: '{"values":[1,2,3,4]}' });
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, '{"sum":10,"count":4}\n');
  r = runWasi(file, { stdin: '{"values":[1.5,2,"x",null,1]}' });
  assert.equal(r.stdout, '{"sum":4.5,"count":3}\n');
  r = runWasi(file, { stdin: '{"other":true}' });
  assert.equal(r.stdout, '{"sum":0,"count":0}\n');
  r = runWasi(file, { stdin: '{"values":[9223372036854775807,1]}' });
  assert.equal(r.stdout, '{"sum":9.223372036854776e18,"count":2}\n');
  r = runWasi(file, { stdin: '{"values": [1,' });
  assert.equal(r.exitCode, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^invalid JSON: /);
}

test('rust-json-cmd', () => checkRustJsonCmd('rust-json-cmd.wasm'));

test('rust-json-run-today', () => checkRustJsonRun('rust-json-run-today.wasm'));
test('rust-json-cmd-today', () => checkRustJsonCmd('rust-json-cmd-today.wasm'));

test('rust-typed', () => {
  const e = exportsOf('rust-typed.wasm');
  assert.equal(e.calculate_discount(100, 1), 95);
  assert.equal(e.calculate_discount(100, 2), 90);
  assert.equal(e.calculate_discount(100, 3), 85);
  assert.equal(e.calculate_discount(100, 9), 100);
  assert.equal(e.calculate_discount(19.99, 1), 18.990499999999997);
  assert.equal(e.is_even(4n), 1);
  assert.equal(e.is_even(7n), 0);
  assert.equal(e.is_even(0n), 1);
  assert.equal(e.is_even(-3n), 0);
  assert.equal(e.is_even(-9223372036854775808n), 1);
});

// -------------------------------------------------------------------------------- AssemblyScript
// An AssemblyScript string pointer: UTF-16LE code units, byte length in the 4 bytes before it.
const asString = (memory, ptr) =>
  Buffer.from(memory.buffer, ptr, new Uint32Array(memory.buffer, ptr - 4, 1)[0]).toString('utf16le');

test('as-math', () => {
  const e = exportsOf('as-math.wasm');
  assert.equal(e.add(2, 3), 5);
  assert.equal(e.add(2147483647, 1), -2147483648);
  assert.deepEqual([[100, 1], [100, 2], [100, 3], [100, 0], [19.99, 1]].map(([p, t]) => e.calculate_discount(p, t)),
    [95, 90, 85, 100, 18.990499999999997]);
  assert.equal(e.hypot(3, 4), 5);
  assert.equal(e.hypot(1e300, 1e300), 1.4142135623730952e300);
  assert.deepEqual([3.7, -3.7, 1e10, -1e10, NaN].map(e.to_i32), [3, -3, 2147483647, -2147483648, 0]);
  assert.deepEqual([0x80, 0x7f, 0x17f].map(e.low_byte), [-128, 127, 127]);
});

test('as-abort', () => {
  const calls = [];
  let memory;
  const { exports: e } = new WebAssembly.Instance(load('as-abort.wasm'), {
    env: { abort: (msg, file, line, col) => calls.push([asString(memory, msg), asString(memory, file), line, col]) },
  });
  memory = e.memory;
  assert.equal(e.checked_double(21), 42);
  assert.equal(e.safe_div(-7, 2), -3);
  assert.equal(calls.length, 0);
  assert.equal(trapMessage(() => e.checked_double(-1)), 'unreachable');
  assert.equal(trapMessage(() => e.safe_div(1, 0)), 'unreachable');
  assert.deepEqual(calls, [['boom', 'as-abort.ts', 6, 3], ['division by zero', 'as-abort.ts', 12, 15]]);
});

test('as-random', () => {
  let seeds = 0;
  const e = new WebAssembly.Instance(load('as-random.wasm'), { env: { seed: () => (seeds++, 42) } }).exports;
  assert.deepEqual(Array.from({ length: 10 }, () => e.roll()), [2, 6, 6, 1, 6, 3, 2, 2, 1, 6]);
  assert.equal(e.sample(), 0.8630086964401724);
  assert.equal(seeds, 1);
});

test('as-trace', () => {
  const traces = [];
  let memory;
  const { exports: e } = new WebAssembly.Instance(load('as-trace.wasm'), {
    env: { trace: (msg, n, ...args) => traces.push([asString(memory, msg), n, ...args]) },
  });
  memory = e.memory;
  assert.equal(e.run(41), 42);
  assert.deepEqual(traces, [['msg', 2, 1.5, 2.5, 0, 0, 0], ['x', 1, 41, 0, 0, 0, 0]]);
});

test('as-wasi-wc', () => {
  let r = runWasi('as-wasi-wc.wasm', { stdin: 'hello world\nfoo\n' });
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, '{"bytes":16,"lines":2,"words":3}\n');
  assert.equal(runWasi('as-wasi-wc.wasm', { stdin: '' }).stdout, '{"bytes":0,"lines":0,"words":0}\n');
  r = runWasi('as-wasi-wc.wasm', { stdin: ' a\tb\r\n\u00e9 '.repeat(3000) });
  assert.equal(r.stdout, '{"bytes":27000,"lines":3000,"words":9000}\n');
});

// -------------------------------------------------------------------------------------------- WAT
test('wat-*', () => {
  assert.equal(exportsOf('wat-add.wasm').add(40, 2), 42);
  const mv = exportsOf('wat-multi-value.wasm');
  assert.deepEqual(mv.divmod(17, 5), [3, 2]);
  assert.deepEqual(mv.swap(1, 2), [2, 1]);
  assert.equal(mv.sum_pair(20, 22), 42);
  const bm = exportsOf('wat-bulk-memory.wasm');
  assert.equal(bm.run(), 1152);
  assert.equal(trapMessage(() => bm.fill(65530, 1, 10)), 'memory access out of bounds');
  const se = exportsOf('wat-sign-ext.wasm');
  assert.equal(se.extend8(0x80), -128);
  assert.equal(se.extend8(0x7f), 127);
  assert.equal(se.extend8(0x1ff), -1);
  assert.equal(se.extend16(0x8000), -32768);
  assert.equal(se.extend16(0x12345), 9029);
  assert.equal(se.extend32_64(0x80000000n), -2147483648n);
  assert.equal(se.extend32_64(0x17fffffffn), 2147483647n);
  const st = exportsOf('wat-sat-trunc.wasm');
  assert.equal(st.trunc_sat(3.7), 3);
  assert.equal(st.trunc_sat(-3.7), -3);
  assert.equal(st.trunc_sat(1e10), 2147483647);
  assert.equal(st.trunc_sat(-1e10), -2147483648);
  assert.equal(st.trunc_sat(NaN), 0);
  assert.equal(st.trunc_sat_u(-5), 0);
  assert.equal(st.trunc_sat_u(5e9), -1);
  assert.equal(st.trunc_sat_u(42.9), 42);
  assert.equal(st.trunc(3.7), 3);
  assert.equal(trapMessage(() => st.trunc(1e10)), 'float unrepresentable in integer range');
  assert.equal(trapMessage(() => st.trunc(NaN)), 'float unrepresentable in integer range');
  const mg = exportsOf('wat-mutable-global-export.wasm');
  assert.equal(mg.counter.value, 42);
  assert.equal(mg.inc(), 43);
  assert.equal(mg.counter.value, 43);
  mg.counter.value = 100;
  assert.equal(mg.get(), 100);
  assert.equal(mg.limit.value, 1000000n);
  assert.equal(exportsOf('wat-start.wasm').get(), 1234);
  const tu = exportsOf('wat-trap-unreachable.wasm');
  assert.equal(tu.ok(), 1);
  assert.equal(trapMessage(() => tu.run()), 'unreachable');
  const ls = exportsOf('wat-loop-sum.wasm');
  assert.equal(ls.sum_to(10n), 55n);
  assert.equal(ls.sum_to(1000000n), 500000500000n);
  assert.equal(ls.sum_to(0n), 0n);
  assert.equal(ls.sum_to(-5n), 0n);
  const ci = exportsOf('wat-call-indirect.wasm');
  assert.equal(ci.dispatch(0, 7, 5), 12);
  assert.equal(ci.dispatch(1, 7, 5), 2);
  assert.equal(ci.dispatch(2, 7, 5), 35);
  assert.equal(trapMessage(() => ci.dispatch(3, 7, 5)), 'null function or function signature mismatch');
  assert.equal(trapMessage(() => ci.dispatch(4, 7, 5)), 'null function or function signature mismatch');
  assert.equal(trapMessage(() => ci.dispatch(5, 7, 5)), 'table index is out of bounds');
  const ex = runWasi('wat-wasi-exit.wasm', {});
  assert.equal(ex.exitCode, 3);
  assert.equal(ex.stdout, 'exiting with 3\n');
});

test('wat-* (reference types, extended const)', () => {
  const mt = exportsOf('wat-multi-table.wasm');
  assert.deepEqual([0, 1].map((i) => mt.dispatch0(i, 7, 5)), [12, 2]);
  assert.equal(trapMessage(() => mt.dispatch0(2, 7, 5)), 'table index is out of bounds');
  assert.deepEqual([0, 1, 2].map((i) => mt.dispatch1(i, 7, 5)), [35, 2, 12]);
  assert.equal(trapMessage(() => mt.dispatch1(3, 7, 5)), 'null function or function signature mismatch');
  assert.equal(trapMessage(() => mt.dispatch1(4, 7, 5)), 'table index is out of bounds');
  assert.equal(mt.sizes(), 24);

  const es = exportsOf('wat-elem-segments.wasm');
  assert.equal(es.call(0), 10);
  for (const i of [1, 2, 3]) assert.equal(trapMessage(() => es.call(i)), 'null function or function signature mismatch');
  assert.deepEqual([0, 1, 2, 3].map(es.is_null), [0, 1, 1, 1]);
  assert.equal(trapMessage(() => es.is_null(4)), 'table index is out of bounds');
  assert.equal(es.init(), 2030);
  assert.equal(trapMessage(() => es.init()), 'element segment out of bounds');
  assert.equal(es.declared(), 40);

  const ops = () => exportsOf('wat-table-ops.wasm');
  assert.equal(ops().get_set(), 1);
  assert.equal(ops().size(), 3);
  assert.equal(ops().grow(), 352);
  assert.equal(ops().grow_past_max(), -1);
  assert.equal(ops().fill(), 6);
  assert.equal(ops().copy(), 112);
  assert.equal(ops().init(), 34);
  assert.equal(ops().drop_then_init(), 1);
  assert.equal(trapMessage(() => ops().drop_then_init1()), 'element segment out of bounds');
  assert.equal(ops().null_checks(), 101);
  assert.equal(ops().select_ref(1), 1);
  assert.equal(ops().select_ref(0), 2);
  assert.equal(ops().externs(), 31);

  const ec = exportsOf('wat-extended-const.wasm');
  assert.equal(ec.a(), 42);
  assert.equal(ec.b(), 42n);
  assert.equal(ec.c(), 999999999999n);
  assert.deepEqual([1040, 1041, 1039].map(ec.load), [104, 105, 0]);
  assert.equal(ec.call(1), 7);
  assert.equal(trapMessage(() => ec.call(0)), 'null function or function signature mismatch');
  assert.equal(trapMessage(() => ec.call(2)), 'table index is out of bounds');

  const bytes = fs.readFileSync(path.join(dir, 'wat-call-indirect-padded.wasm'));
  assert.equal(bytes.indexOf(Buffer.from([0x11, 0x80, 0x80, 0x80, 0x80, 0x00, 0x80, 0x80, 0x80, 0x80, 0x00])), 0x71);
  const cp = exportsOf('wat-call-indirect-padded.wasm');
  for (const f of ['dispatch', 'dispatch_mvp']) {
    assert.deepEqual([0, 1, 2].map((i) => cp[f](i, 7, 5)), [12, 2, 35]);
    assert.equal(trapMessage(() => cp[f](3, 7, 5)), 'table index is out of bounds');
  }
});

// ---------------------------------------------------------------------------------------- hostile
test('hostile-* (bounded checks only)', () => {
  const gb = exportsOf('hostile-gas-burner.wasm');
  assert.equal(gb.run_n(0n), 7n);
  assert.equal(gb.run_n(1n), 217n);
  assert.equal(gb.run_n(3n), 208570n);
  assert.equal(gb.run_n(10n), 5738308706962252n);
  assert.equal(gb.run_n(1000000n), -6979167497170458329n);
  assert.match(trapMessage(() => exportsOf('hostile-recursion.wasm').run()), /^non-trap: RangeError: Maximum call stack size exceeded/);
  assert.throws(() => new WebAssembly.Instance(load('hostile-unknown-import.wasm'), {}), TypeError);
  assert.throws(() => new WebAssembly.Instance(load('hostile-import-memory.wasm'), {}), TypeError);
  assert.equal(WebAssembly.validate(fs.readFileSync(path.join(dir, 'malformed.wasm'))), false);
  assert.equal(WebAssembly.validate(fs.readFileSync(path.join(dir, 'not-wasm.bin'))), false);
  assert.equal(WebAssembly.validate(fs.readFileSync(path.join(dir, 'hostile-simd.wasm'))), true); // V8 has SIMD
  const mb = exportsOf('hostile-memory-bomb.wasm');
  assert.equal(mb.memory.buffer.byteLength, 65536);
  // rpc bad pointers: with a JS host that bounds-checks like the Java host must.
  let inst;
  const mem = () => inst.exports.memory.buffer;
  const checkedRpc = (reqPtr, reqLen, respPtrPtr) => {
    const size = mem().byteLength, rp = reqPtr >>> 0, rl = reqLen >>> 0, pp = respPtrPtr >>> 0;
    if (rp + rl > size) return -1;
    if (pp + 4 > size) return -2;
    const resp = Buffer.from('{"jsonrpc":"2.0","id":1,"result":"0x10"}');
    const p = inst.exports.alloc(resp.length) >>> 0;
    if (p + resp.length > mem().byteLength) return -3;
    new Uint8Array(mem(), p, resp.length).set(resp);
    new DataView(mem()).setInt32(pp, p, true);
    return resp.length;
  };
  inst = new WebAssembly.Instance(load('hostile-rpc-bad-pointers.wasm'), { host: { rpc_call: checkedRpc } });
  const e = inst.exports;
  assert.equal(e.good(), 40);
  assert.equal(e.bad_req(), -1);
  assert.equal(e.bad_len(), -1);
  assert.equal(e.neg_len(), -1);
  assert.equal(e.bad_resp_ptr(), -2);
  assert.equal(e.edge_resp_ptr(), -2);
  assert.equal(e.bad_alloc(), -3);
});

test('hostile-* invalid and malformed modules (V8 rejects them for the intended reason)', () => {
  const expected = {
    'hostile-call-unknown-func.wasm': 'function index #1 is out of bounds',
    'hostile-global-oob.wasm': 'Invalid global index: 1',
    'hostile-local-oob.wasm': 'invalid local index: 2',
    'hostile-ref-func-oob.wasm': 'function index #1 is out of bounds',
    'hostile-elem-func-oob.wasm': 'function index 1 out of bounds',
    'hostile-call-indirect-bad-type.wasm': 'invalid signature index: 5',
    'hostile-data-segment-huge.wasm': 'expected 4294967295 bytes, fell off end',
    'hostile-elem-segment-huge.wasm': 'number of elements of 2147483648 exceeds internal limit',
  };
  for (const [file, message] of Object.entries(expected)) {
    assert.throws(() => load(file), (e) => e instanceof WebAssembly.CompileError && e.message.includes(message), file);
  }
});

test('hostile-* tables and bulk memory (bounded checks only)', () => {
  const gb = exportsOf('hostile-table-grow-bomb.wasm');
  assert.equal(gb.grow_huge(), -1);
  assert.equal(gb.run(), 9437185); // V8's table limit is 10,000,000 slots
  const tf = exportsOf('hostile-table-fill.wasm');
  assert.equal(trapMessage(() => tf.fill_oob()), 'table index is out of bounds');
  assert.equal(tf.check_slot0(), 1);
  assert.equal(tf.fill_once(), 1000001);
  assert.equal(tf.check_slot0(), 0);
  const mf = exportsOf('hostile-memory-fill.wasm');
  assert.equal(trapMessage(() => mf.fill_oob()), 'memory access out of bounds');
  assert.equal(mf.byte0(), 0);
  assert.equal(mf.fill_all(), 342);
});

test('progress', () => {
  const reports = [];
  const e = new WebAssembly.Instance(load('progress.wasm'), { host: { progress: (p) => reports.push(p) } }).exports;
  assert.equal(e.main(4, 0), 5);
  assert.deepEqual(reports, [0, 25, 50, 75, 100]);
  assert.equal(e.main(20, 1000), 21);
  assert.equal(reports.length, 5 + 21);
  assert.equal(trapMessage(() => e.main(0, 0)), 'divide by zero');
});

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
