#!/usr/bin/env node
// wasi-runner.mjs: the reference host's way of running one WebAssembly step, for the benchmark's peer
// measurement (docs/benchmarks.md). The Ditto simulator spawns `wasmtime run --invoke run --dir W --env ... m.wasm`
// per step; no wasmtime CLI is obtainable here, so this is the same contract on Node's node:wasi, started as a
// new operating-system process per step by the benchmark harness.
//
//   node scripts/bench/wasi-runner.mjs [--invoke run] [--dir DIR]... [--env NAME=VALUE]... [--bridge-rpc URL] MODULE
//
// * stdin, stdout and stderr are the process's own (WASI fds 0, 1, 2): the harness writes the step's JSON line to
//   stdin and closes it, and reads the first non-empty stdout line, as the simulator does.
// * --invoke NAME calls that export (the simulator always passes `run`); when the module has no such export, or
//   without --invoke, a WASI command's `_start` is called. A reactor's `_initialize` runs first when exported.
// * --dir DIR pre-opens DIR at the same path (the simulator's --dir {workDir}); --env sets the guest's environment
//   (the simulator sets exactly WASM_RPC_WORK_DIR, WASM_RPC_REQUEST_FILE, WASM_RPC_RESPONSE_FILE).
// * The file bridge: the simulator's parent process polls the work directory every 10 ms while wasmtime runs. A
//   harness may do the same from outside; or, with --bridge-rpc URL, this process serves the bridge itself from a
//   worker thread (the guest's spin-wait blocks the main thread): it polls $WASM_RPC_WORK_DIR every millisecond,
//   POSTs each request to URL (a JSON-RPC endpoint, e.g. local anvil, or the harness's allow-listing proxy) and
//   writes the answer (temporary file + rename, so the guest never reads half a response).
// * Exit status: the guest's proc_exit code (node:wasi exits the process with it), 0 when the entry returns,
//   1 for a usage error, a module that does not compile or lacks the entry, 134 for a trap (message on stderr).
import { readFileSync, writeFileSync, renameSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

// node:wasi announces itself as experimental on stderr, which is the guest's stream here: keep it out.
process.removeAllListeners('warning');
const { WASI } = await import('node:wasi');

if (!isMainThread) {
  serveBridge(workerData);
} else {
  await main(process.argv.slice(2));
}

function usage(message) {
  process.stderr.write(`wasi-runner: ${message}\n` +
    'usage: wasi-runner.mjs [--invoke NAME] [--dir DIR]... [--env NAME=VALUE]... [--bridge-rpc URL] MODULE\n');
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { invoke: null, dirs: [], env: {}, bridgeRpc: null, module: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--invoke') opts.invoke = value();
    else if (a === '--dir') opts.dirs.push(value());
    else if (a === '--env') {
      const kv = value();
      const eq = kv.indexOf('=');
      if (eq <= 0) usage(`--env wants NAME=VALUE, got ${kv}`);
      opts.env[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (a === '--bridge-rpc') opts.bridgeRpc = value();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (opts.module === null) opts.module = a;
    else usage(`unexpected argument ${a}`);
  }
  if (opts.module === null) usage('no module given');
  return opts;
}

async function main(argv) {
  const opts = parseArgs(argv);
  let module;
  try {
    module = await WebAssembly.compile(readFileSync(opts.module));
  } catch (e) {
    process.stderr.write(`wasi-runner: cannot load ${opts.module}: ${e.message}\n`);
    process.exit(1);
  }
  const preopens = Object.fromEntries(opts.dirs.map((d) => [d, d]));
  // returnOnExit false: a guest's proc_exit(n) ends this process with status n, as the wasmtime CLI does.
  const wasi = new WASI({ version: 'preview1', args: [opts.module], env: opts.env, preopens, returnOnExit: false });
  const imports = wasi.getImportObject();
  const instance = await WebAssembly.instantiate(module, imports);
  const exports = instance.exports;
  const worker = opts.bridgeRpc ? startBridge(opts.env, opts.bridgeRpc) : null;
  try {
    if (opts.invoke && typeof exports[opts.invoke] === 'function') {
      wasi.initialize(instance); // calls _initialize when exported
      exports[opts.invoke]();
    } else if (typeof exports._start === 'function') {
      wasi.start(instance);
    } else {
      process.stderr.write(`wasi-runner: the module exports neither "${opts.invoke ?? 'run'}" nor "_start"\n`);
      process.exitCode = 1;
    }
  } catch (e) {
    process.stderr.write(`wasi-runner: trap: ${e.message}\n`);
    process.exitCode = 134;
  } finally {
    if (worker) await worker.terminate();
  }
}

/** Starts the bridge worker and waits until it polls, so that no request of the guest can be missed. */
function startBridge(env, url) {
  const dir = env.WASM_RPC_WORK_DIR;
  if (!dir) usage('--bridge-rpc needs --env WASM_RPC_WORK_DIR=...');
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(import.meta.url), {
    workerData: {
      shared,
      url,
      request: join(dir, env.WASM_RPC_REQUEST_FILE ?? 'wasm_rpc_request.json'),
      response: join(dir, env.WASM_RPC_RESPONSE_FILE ?? 'wasm_rpc_response.json'),
    },
  });
  Atomics.wait(shared, 0, 0, 5000);
  return worker;
}

async function serveBridge({ shared, url, request, response }) {
  Atomics.store(shared, 0, 1);
  Atomics.notify(shared, 0);
  for (;;) {
    if (existsSync(request)) {
      const claimed = `${request}.processing`;
      let body;
      try {
        renameSync(request, claimed);
        // The guest may still be writing (its descriptor follows the renamed file): wait, up to 200 ms, until
        // what it wrote is a whole JSON document.
        body = readFileSync(claimed, 'utf8');
        for (let i = 0; i < 200 && !isJson(body); i++) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          body = readFileSync(claimed, 'utf8');
        }
        rmSync(claimed, { force: true });
      } catch {
        body = null; // the guest removed it: try again
      }
      if (body !== null) writeAnswer(response, await forward(url, body));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function forward(url, body) {
  let id = null;
  try {
    id = JSON.parse(body).id ?? null;
  } catch {
    return JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
  }
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body,
      signal: AbortSignal.timeout(5000) });
    return JSON.stringify(JSON.parse(await res.text()));
  } catch (e) {
    return JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32000, message: 'Server error', data: String(e.message) } });
  }
}

function writeAnswer(path, text) {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
