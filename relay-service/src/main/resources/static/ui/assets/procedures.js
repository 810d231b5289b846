// Procedures of procedure-service: the list, a create from a .wasm file with declared parameters, and a call form
// generated from a procedure's declared parameters (one field per parameter, typed by its data_type).

import { call } from './api.js';
import { $, describe, el, pretty, show } from './dom.js';

const TYPES = ['INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'BOOL', 'TEXT', 'BYTES', 'JSON'];

async function refresh() {
  const list = $('#proc-list');
  try {
    const page = await call('procedure', '/procedures');
    list.replaceChildren(...page.procedures.map((p) => el('li', { 'data-procedure': p.name },
      el('button', { type: 'button', onclick: () => openCall(p) }, p.name),
      ` (${p.params.map((x) => `${x.name} ${x.data_type}`).join(', ')}) → ${p.return_type ?? 'nothing'}`,
      p.description ? el('span', { class: 'hint' }, ` — ${p.description}`) : null)));
    if (!page.procedures.length) {
      list.replaceChildren(el('li', { class: 'hint' }, 'no procedures yet'));
    }
  } catch (e) {
    list.replaceChildren(el('li', { class: 'error-text' }, describe(e)));
  }
}

/** "name TYPE" lines to the API's params; throws on a line it cannot read. */
function params(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [name, type, extra] = line.split(/\s+/);
    const dataType = (type || '').toUpperCase();
    if (!name || !TYPES.includes(dataType) || extra) {
      throw new Error(`"${line}": write one parameter per line as "name TYPE", TYPE one of ${TYPES.join(' ')}`);
    }
    return { name, data_type: dataType };
  });
}

function base64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function create(event) {
  event.preventDefault();
  const box = $('#proc-create-result');
  try {
    const file = $('#proc-file').files[0];
    const body = {
      name: $('#proc-name').value.trim(), wasm_base64: base64(await file.arrayBuffer()),
      params: params($('#proc-params').value), return_type: $('#proc-return').value,
      description: $('#proc-description').value.trim() || undefined,
      entry: $('#proc-entry').value.trim() || undefined,
    };
    const created = await call('procedure', '/procedures', { method: 'POST', json: body });
    show(box, true, `created ${created.name}: ${created.message}`);
    await refresh();
  } catch (e) {
    show(box, false, describe(e));
  }
}

function field(param) {
  const attributes = { name: param.name, 'data-type': param.data_type, required: param.data_type !== 'BOOL' };
  switch (param.data_type) {
    case 'INT':
    case 'BIGINT':
      return el('input', { ...attributes, type: 'number', step: 1 });
    case 'FLOAT':
    case 'DOUBLE':
      return el('input', { ...attributes, type: 'number', step: 'any' });
    case 'BOOL':
      return el('input', { ...attributes, type: 'checkbox' });
    case 'JSON':
      return el('textarea', { ...attributes, rows: 3, placeholder: '{"any": "JSON"}' });
    case 'BYTES':
      return el('input', { ...attributes, placeholder: 'base64' });
    default:
      return el('input', attributes);
  }
}

function argument(input) {
  switch (input.dataset.type) {
    case 'INT':
    case 'BIGINT':
    case 'FLOAT':
    case 'DOUBLE':
      return Number(input.value);
    case 'BOOL':
      return input.checked;
    case 'JSON':
      return JSON.parse(input.value);
    default:
      return input.value;
  }
}

function openCall(procedure) {
  $('#proc-call-card').hidden = false;
  $('#proc-call-name').textContent = procedure.name;
  $('#proc-call-result').hidden = true;
  const form = $('#proc-call');
  form.replaceChildren(...procedure.params.map((p) => el('label', {}, `${p.name} (${p.data_type}) `, field(p))),
    el('button', { type: 'submit' }, 'Call'));
  form.onsubmit = async (event) => {
    event.preventDefault();
    const box = $('#proc-call-result');
    try {
      const args = [...form.querySelectorAll('[data-type]')].map(argument);
      const answer = await call('procedure', `/procedures/${encodeURIComponent(procedure.name)}/call`,
        { method: 'POST', json: { args } });
      show(box, true, el('strong', {}, 'result '), el('code', { id: 'proc-call-value' }, pretty(answer.result)),
        ` in ${answer.latency_ms} ms`);
    } catch (e) {
      show(box, false, describe(e));
    }
  };
}

export function initProcedures() {
  $('#proc-create').addEventListener('submit', create);
  $('#proc-refresh').addEventListener('click', refresh);
  return refresh;
}
