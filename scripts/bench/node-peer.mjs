// The Node.js peer of scripts/bench-vs-node.sh: what a user would write instead of procedure-service. Plain
// node:http, no framework, no dependencies. It compiles one module once and makes a FRESH WebAssembly.Instance per
// call, answering procedure-service's call API for that one procedure:
//   POST /procedures/<name>/call  {"args":[100.0,2]}  ->  200 {"result":90.0,"latency_ms":0.012}
//   GET  /health                                       ->  200 {"status":"ok"}
// Bad JSON or a wrong argument count answers 400 {"error":{"code":"BAD_REQUEST","message":...}}. It has no limits,
// no metering and no persistence.
//   node scripts/bench/node-peer.mjs --port 0 --module c-add.wasm --export calculate_discount --float-result
// prints "listening <port>" on stdout once it accepts connections; stops on SIGTERM.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    module: { type: 'string' },
    export: { type: 'string', default: 'calculate_discount' },
    // The procedure's return type is FLOAT: Jackson writes a whole double as 90.0, JSON.stringify as 90.
    'float-result': { type: 'boolean', default: false },
  },
});
const module = new WebAssembly.Module(readFileSync(opts.module));
const arity = WebAssembly.Module.exports(module).some((e) => e.name === opts.export && e.kind === 'function')
  ? new WebAssembly.Instance(module, {}).exports[opts.export].length
  : (() => { throw new Error(`no function export ${opts.export}`); })();
const callPath = `/procedures/${opts.export}/call`;
const HEALTH = '{"status":"ok"}';

/** The JSON text of a result as Jackson writes the service's Double (90.0) or Integer (2). */
function jsonNumber(value, float) {
  return float && Number.isInteger(value) && Math.abs(value) < 1e7 ? value.toFixed(1) : JSON.stringify(value);
}

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function badRequest(res, message) {
  send(res, 400, JSON.stringify({ error: { code: 'BAD_REQUEST', message } }));
}

function call(res, text, start) {
  let args;
  try {
    args = text.length === 0 ? [] : JSON.parse(text).args ?? [];
  } catch (e) {
    return badRequest(res, `the request body is missing or not valid for this endpoint: ${e.message}`);
  }
  if (!Array.isArray(args) || args.length !== arity || !args.every((a) => typeof a === 'number')) {
    return badRequest(res, `procedure ${opts.export} takes ${arity} numeric arguments`);
  }
  const result = new WebAssembly.Instance(module, {}).exports[opts.export](...args);
  const latency = Math.round(Number(process.hrtime.bigint() - start) / 1000) / 1000;
  send(res, 200, `{"result":${jsonNumber(result, opts['float-result'])},"latency_ms":${latency}}`);
}

const server = createServer((req, res) => {
  const start = process.hrtime.bigint();
  if (req.method === 'GET' && req.url === '/health') {
    return send(res, 200, HEALTH);
  }
  if (req.method !== 'POST' || req.url !== callPath) {
    return send(res, 404, JSON.stringify({ error: { code: 'NOT_FOUND', message: `no route ${req.url}` } }));
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => call(res, Buffer.concat(chunks).toString('utf8'), start));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(opts.port), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
