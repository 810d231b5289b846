// Browser tests of relay-service's dashboard (/ui/): Debian's chromium driven by playwright-core, against the four
// real services on embedded stores that scripts/test-ui.sh started. Each state is saved as a screenshot in
// SCREENSHOTS. The tests run in order and share one page, as a person would use it.
//
// Environment: UI_BASE (the relay's base URL), UI_INDEXER (the indexer's), UI_GUESTS (the guest corpus folder),
// UI_RATE_LIMIT (the relay's requests per window), SCREENSHOTS (a folder), UI_TOOLS (the folder playwright-core is
// installed in, outside the module's sources so the jars stay up to date for scripts/run-local.sh).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const BASE = process.env.UI_BASE;
const INDEXER = process.env.UI_INDEXER;
const GUESTS = process.env.UI_GUESTS;
const RATE_LIMIT = Number(process.env.UI_RATE_LIMIT);
const SCREENSHOTS = process.env.SCREENSHOTS;
const WAIT = 20_000;
const { chromium } = createRequire(join(process.env.UI_TOOLS, 'package.json'))('playwright-core');

let context;
let page;
let profile;
let addCid;

async function shot(name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The dashboard's event log as [{id, type, request}] in arrival order. */
async function eventLog() {
  return page.$$eval('#event-log li', (items) => items.map((li) => ({
    id: li.dataset.eventId, type: li.dataset.type, request: li.dataset.requestId })));
}

function compareIds(a, b) {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am === bm ? (as < bs ? -1 : as > bs ? 1 : 0) : (am < bm ? -1 : 1);
}

function assertStrictlyIncreasing(ids) {
  for (let i = 1; i < ids.length; i++) {
    assert.equal(compareIds(ids[i - 1], ids[i]), -1, `event ids out of order or repeated: ${ids[i - 1]}, ${ids[i]}`);
  }
}

async function lifecycle(requestId) {
  return (await eventLog()).filter((e) => e.request === requestId);
}

async function waitForType(requestId, type) {
  await page.waitForSelector(`#event-log li[data-request-id="${requestId}"][data-type="${type}"]`,
    { state: 'attached', timeout: WAIT });
}

async function runForm({ cid, inputs, maxGas = '', mode = 'sync', file = null }) {
  await page.fill('#run-cid', cid || '');
  if (file) {
    await page.setInputFiles('#run-upload', file);
  }
  await page.fill('#run-inputs', inputs);
  await page.fill('#run-max-gas', maxGas);
  await page.selectOption('#run-mode', mode);
  await page.evaluate(() => { document.querySelector('#run-result').hidden = true; });
  await page.click('#run-submit');
  await page.waitForFunction(() => {
    const box = document.querySelector('#run-result');
    return !box.hidden && !/running…|uploading/.test(box.textContent);
  }, null, { timeout: WAIT });
  return page.$eval('#run-result', (box) => ({ ok: box.classList.contains('ok'), text: box.textContent,
    requestId: box.querySelector('[data-field="request_id"] dd')?.textContent
      || (box.textContent.match(/request ([0-9a-f]{64})/) || [])[1] }));
}

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A module in the store before the page loads, so the dashboard lists it (the progress guest is uploaded
  // through the page's own upload field below).
  const upload = await fetch(`${INDEXER}/modules`, { method: 'POST',
    body: readFileSync(join(GUESTS, 'wat-add.wasm')), headers: { 'Content-Type': 'application/wasm' } });
  assert.ok(upload.status === 201 || upload.status === 200, `indexer upload: ${upload.status}`);
  addCid = (await upload.json()).cid_v1;
  profile = mkdtempSync(join(tmpdir(), 'wasmhive-ui-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
});

after(async () => {
  await context?.close();
  if (profile) {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the dashboard loads from the relay and sees the four services up', async () => {
  await page.goto(`${BASE}/ui/`);
  await page.waitForFunction(() => document.querySelectorAll('#services li[data-state="up"]').length === 4,
    null, { timeout: WAIT });
  await page.waitForSelector('#live-state[data-state="open"]', { timeout: WAIT });
  // The indexer's module list offers the module uploaded before.
  await page.waitForSelector(`#run-module option[value="${addCid}"]`, { state: 'attached', timeout: WAIT });
  await shot('01-loaded');
});

test('a module picked from the store runs: output, gas, duration and node; its events arrive in order', async () => {
  await page.selectOption('#run-module', addCid);
  const result = await runForm({ cid: '', inputs: '[1, 2]' });
  assert.ok(result.ok, result.text);
  assert.match(result.text, /output3/);
  assert.match(result.text, /gas_used\d+/);
  assert.match(result.text, /duration\d+ ms/);
  assert.match(result.text, /executor_node\S+/);
  await waitForType(result.requestId, 'execution_complete');
  const events = await lifecycle(result.requestId);
  assert.deepEqual(events.map((e) => e.type), ['execution_queued', 'execution_started', 'execution_complete']);
  assertStrictlyIncreasing(events.map((e) => e.id));
  await page.waitForSelector(`#recent-body tr[data-request-id="${result.requestId}"]`, { timeout: WAIT });
  await shot('02-executed');
});

test('a guest reporting host.progress moves the progress bar', async () => {
  // Every value the bars take, recorded in the page as it happens (polling from here could miss them).
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver((changes) => changes.forEach((c) => window.progressSeen.push(
      { request: c.target.dataset.requestId, progress: Number(c.target.dataset.progress) })))
      .observe(document.querySelector('#live-list'), { subtree: true, attributeFilter: ['data-progress'] });
  });
  // main(40, 15000000): 41 reports with spinning in between, long enough for several progress events (at most
  // one per 100 ms, relay.executor.progress-interval).
  const result = await runForm({ inputs: '[40, 15000000]', maxGas: '10000000000', mode: 'async',
    file: join(GUESTS, 'progress.wasm') });
  assert.ok(result.ok, result.text);
  const row = `#live-list li[data-request-id="${result.requestId}"]`;
  await page.waitForSelector(`${row}[data-progress]:not([data-progress="0"]):not([data-progress="100"])`,
    { state: 'attached', timeout: WAIT });
  await shot('03-progress');
  await page.waitForSelector(`${row}[data-status="completed"]`, { state: 'attached', timeout: WAIT });
  const seen = (await page.evaluate(() => window.progressSeen))
    .filter((p) => p.request === result.requestId).map((p) => p.progress);
  const between = [...seen].filter((p) => p > 0 && p < 100);
  assert.ok(between.length >= 2, `the bar showed intermediate values: ${seen.join(', ')}`);
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'the bar only moves forward');
  assert.equal(await page.$eval(`${row} progress`, (p) => p.value), 100);
  const progress = (await lifecycle(result.requestId)).filter((e) => e.type === 'execution_progress');
  assert.ok(progress.length >= 3, `progress events: ${progress.length}`);
  assertStrictlyIncreasing((await lifecycle(result.requestId)).map((e) => e.id));
  await shot('04-progress-done');
  // The filter shows only the execution whose request id starts with what is typed.
  await page.fill('#live-filter', result.requestId.slice(0, 10));
  const visible = await page.$$eval('#live-list li', (l) => l.filter((x) => !x.hidden).map((x) => x.dataset.requestId));
  assert.deepEqual(visible, [result.requestId]);
  await page.fill('#live-filter', '');
});

test('a reconnect resumes with Last-Event-ID: the missed events once, nothing twice', async () => {
  const before = await eventLog();
  const lastId = await page.textContent('#live-last-id');
  await page.click('#live-disconnect');
  await page.waitForSelector('#live-state[data-state="closed"]');
  // While disconnected, an execution runs from start to end.
  const missed = await runForm({ cid: addCid, inputs: '[40, 2]', mode: 'sync' });
  assert.ok(missed.ok, missed.text);
  assert.equal((await lifecycle(missed.requestId)).length, 0, 'no events arrive while disconnected');
  await shot('05-disconnected');
  const resumed = page.waitForRequest((r) => r.url().includes('/intent/execute-wasm/events'));
  await page.click('#live-connect');
  assert.equal((await (await resumed).allHeaders())['last-event-id'], lastId);
  await waitForType(missed.requestId, 'execution_complete');
  const log = await eventLog();
  const ids = log.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'no event arrives twice');
  assertStrictlyIncreasing(ids);
  assert.deepEqual(log.slice(0, before.length), before, 'the events before the reconnect are unchanged');
  assert.deepEqual((await lifecycle(missed.requestId)).map((e) => e.type),
    ['execution_queued', 'execution_started', 'execution_complete']);
  await shot('06-resumed');
});

test('a procedure is created from a file and called through the form its parameters generate', async () => {
  await page.click('nav [data-tab="procedures"]');
  await page.fill('#proc-name', 'greet');
  await page.setInputFiles('#proc-file', join(GUESTS, 'c-proc-text.wasm'));
  await page.fill('#proc-params', 'name TEXT');
  await page.selectOption('#proc-return', 'TEXT');
  await page.fill('#proc-description', 'says hello');
  await page.click('#proc-create button[type="submit"]');
  await page.waitForSelector('#proc-create-result.ok', { timeout: WAIT });
  await page.click('#proc-list li[data-procedure="greet"] button', { timeout: WAIT });
  const fields = await page.$$eval('#proc-call [data-type]', (f) => f.map((x) => `${x.name}:${x.dataset.type}`));
  assert.deepEqual(fields, ['name:TEXT']);
  await page.fill('#proc-call [name="name"]', 'Ada');
  await page.click('#proc-call button[type="submit"]');
  await page.waitForSelector('#proc-call-result.ok', { timeout: WAIT });
  assert.equal(await page.textContent('#proc-call-value'), '"Hello, Ada!"');
  await shot('07-procedure-called');
});

test('a service that cannot be reached is said to be unreachable', async () => {
  const url = new URL(await page.evaluate(() => fetch('config.json').then((r) => r.json())
    .then((c) => c.services.procedure)));
  await page.route((u) => u.port === url.port, (route) => route.abort('connectionrefused'));
  await page.click('#proc-refresh');
  await page.waitForSelector('#proc-list .error-text', { timeout: WAIT });
  assert.match(await page.textContent('#proc-list'), /procedure-service is unreachable/);
  await shot('08-service-unreachable');
  await page.unrouteAll();
});

test('the rate limit\'s 429 is shown with its retry time', async () => {
  await page.click('nav [data-tab="executions"]');
  let result;
  for (let i = 0; i <= RATE_LIMIT; i++) {
    result = await runForm({ cid: addCid, inputs: `[${i}, 1000]` });
    if (!result.ok) {
      break;
    }
  }
  assert.ok(!result.ok, 'a request past the limit is refused');
  const match = result.text.match(/429 RATE_LIMITED — retry in (\d+) s/);
  assert.ok(match, result.text);
  assert.ok(Number(match[1]) >= 1 && Number(match[1]) <= 60, result.text);
  await shot('09-rate-limited');
});
