// "Run a module": a module from the indexer's store (or a .wasm uploaded to it, or a CID / glyph:// name typed in),
// inputs and a policy, sent to the relay's POST /intent/execute-wasm; the answer shows output, gas, duration and
// the executor node, or the error as the relay gave it.

import { call, errorOf, send } from './api.js';
import { $, describe, el, pretty, short, show } from './dom.js';

export async function loadModules() {
  const select = $('#run-module');
  try {
    const page = await call('indexer', '/modules?offset=0&limit=100');
    select.replaceChildren(el('option', { value: '' }, `— pick a stored module (${page.count}) —`),
      ...page.modules.map((m) => el('option', { value: m.cid_v1 },
        `${m.aliases?.length ? m.aliases.join(', ') : short(m.cid_v1)} · ${m.size} B`)));
  } catch (e) {
    select.replaceChildren(el('option', { value: '' }, `modules unavailable: ${describe(e)}`));
  }
}

async function upload(file) {
  const form = new FormData();
  form.append('wasm', file, file.name);
  return call('indexer', '/modules', { method: 'POST', body: form });
}

function policy() {
  const out = {};
  for (const [field, id] of [['max_memory', '#run-max-memory'], ['max_gas', '#run-max-gas'], ['max_time', '#run-max-time']]) {
    const value = $(id).value.trim();
    if (value) {
      out[field] = Number(value);
    }
  }
  return out;
}

async function moduleReference(box) {
  const file = $('#run-upload').files[0];
  if (file) {
    show(box, true, `uploading ${file.name} to the indexer…`);
    const stored = await upload(file);
    $('#run-upload').value = '';
    $('#run-cid').value = stored.cid_v1;
    await loadModules();
    return stored.cid_v1;
  }
  return $('#run-cid').value.trim() || $('#run-module').value;
}

function answer(body) {
  const rows = [['request_id', body.request_id], ['output', pretty(body.output)], ['gas_used', body.gas_used],
    ['duration', `${body.duration} ms`], ['executor_node', body.executor_node]];
  if (body.error) {
    rows.splice(1, 0, ['error', `${body.error.code}: ${body.error.message}`]);
  }
  return el('dl', { class: 'answer' }, rows.map(([k, v]) => el('div', { 'data-field': k }, el('dt', {}, k), el('dd', {}, v))));
}

async function submit(event, onSubmitted) {
  event.preventDefault();
  const box = $('#run-result');
  let inputs;
  try {
    inputs = JSON.parse($('#run-inputs').value || '[]');
  } catch (e) {
    show(box, false, `inputs are not JSON: ${e.message}`);
    return;
  }
  try {
    const cid = await moduleReference(box);
    if (!cid) {
      show(box, false, 'pick a module, type a CID or glyph:// name, or upload a .wasm');
      return;
    }
    show(box, true, 'running…');
    const response = await send('relay', '/intent/execute-wasm',
      { method: 'POST', json: { cid, inputs, policy: policy(), mode: $('#run-mode').value } });
    if (response.status === 200 || response.status === 422) {
      const body = await response.json();
      onSubmitted(body.request_id);
      show(box, body.success, el('strong', {}, body.success ? 'completed' : 'failed'), answer(body));
    } else if (response.status === 202) {
      const body = await response.json();
      onSubmitted(body.request_id);
      show(box, true, el('strong', {}, 'queued'), ` request ${body.request_id}: follow it under Live executions`);
    } else {
      throw await errorOf('relay', response);
    }
  } catch (e) {
    show(box, false, el('span', { class: 'error-text' }, describe(e)));
  }
}

export function initRun(onSubmitted) {
  $('#run-form').addEventListener('submit', (event) => submit(event, onSubmitted));
}
