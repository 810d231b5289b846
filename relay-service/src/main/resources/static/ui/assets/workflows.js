// Workflows of workflow-service: open one by id (the service lists none; the ids this session created or opened are
// remembered in session storage), create one from the SDK's serialized JSON, run a job, and follow every run of the
// workflow live through GET /workflows/{id}/events, with each step's status; GET /runs/{id} fills in a run.

import { call } from './api.js';
import { EventStream } from './sse.js';
import { $, describe, el, show } from './dom.js';

const KNOWN = 'wasmhive.workflows';
const runs = new Map();
let stream = null;

function known() {
  try {
    return JSON.parse(sessionStorage.getItem(KNOWN) || '[]');
  } catch {
    return [];
  }
}

function remember(id) {
  sessionStorage.setItem(KNOWN, JSON.stringify([id, ...known().filter((k) => k !== id)].slice(0, 20)));
  listKnown();
}

function listKnown() {
  $('#wf-known').replaceChildren(...known().map((id) =>
    el('li', {}, el('button', { type: 'button', onclick: () => open(id) }, id))));
}

function runBox(runId) {
  let box = runs.get(runId);
  if (!box) {
    box = { node: el('div', { class: 'run', 'data-run-id': runId }), steps: new Map() };
    box.head = el('p', {}, el('code', {}, runId), ' ', el('span', { class: 'pill' }, 'queued'));
    box.list = el('ol', { class: 'steps' });
    box.node.append(box.head, box.list);
    runs.set(runId, box);
    $('#wf-runs').prepend(box.node);
  }
  return box;
}

function step(box, index, type, status, text) {
  let item = box.steps.get(index);
  if (!item) {
    item = el('li', { 'data-step': index });
    box.steps.set(index, item);
    box.list.append(item);
  }
  item.dataset.status = status;
  item.replaceChildren(`${type} `, el('span', { class: `pill ${status}` }, status), text ? ` ${text}` : '');
}

function setRunStatus(box, status) {
  const pill = box.head.querySelector('.pill');
  pill.textContent = status;
  pill.className = `pill ${status}`;
}

async function fill(runId) {
  const run = await call('workflow', `/runs/${encodeURIComponent(runId)}`);
  const box = runBox(runId);
  setRunStatus(box, run.status.toLowerCase());
  run.steps.forEach((s) => step(box, s.index, s.type, s.status,
    s.durationMs != null ? `${s.durationMs} ms` : ''));
}

function onEvent({ data }) {
  const event = JSON.parse(data);
  const box = runBox(event.run_id);
  if (event.type === 'run_started') {
    setRunStatus(box, 'running');
  } else if (event.type === 'step_started') {
    step(box, event.step, event.step_type, 'running', event.wasm_id || '');
  } else if (event.type === 'step_finished') {
    step(box, event.step, event.step_type, event.status, `${event.duration_ms} ms${event.error ? `: ${event.error}` : ''}`);
  } else if (event.type === 'run_finished') {
    setRunStatus(box, event.status);
    fill(event.run_id).catch(() => {});
  }
}

async function startRun(workflowId, jobId) {
  try {
    const run = await call('workflow', `/workflows/${encodeURIComponent(workflowId)}/jobs/${encodeURIComponent(jobId)}/runs`,
      { method: 'POST', json: {} });
    runBox(run.id);
    await fill(run.id);
  } catch (e) {
    show($('#wf-result'), false, describe(e));
  }
}

async function open(id) {
  const box = $('#wf-result');
  try {
    const body = await call('workflow', `/workflows/${encodeURIComponent(id)}`);
    const workflow = body.workflow || body;
    remember(id);
    box.hidden = true;
    $('#wf-detail').hidden = false;
    $('#wf-detail-id').textContent = id;
    runs.clear();
    $('#wf-runs').replaceChildren();
    $('#wf-jobs').replaceChildren(...(workflow.jobs || []).map((job) => el('p', {},
      `job ${job.id}: ${job.steps?.length ?? 0} steps `,
      el('button', { type: 'button', onclick: () => startRun(id, job.id) }, 'Run'))));
    stream?.stop();
    stream = new EventStream('workflow', `/workflows/${encodeURIComponent(id)}/events`, {
      onEvent, onState: (state, detail) => { $('#wf-live').textContent = detail ? `${state}: ${detail}` : state; },
    });
    stream.start();
  } catch (e) {
    show(box, false, describe(e));
  }
}

async function create(event) {
  event.preventDefault();
  const box = $('#wf-result');
  try {
    const text = await $('#wf-file').files[0].text();
    const created = await call('workflow', '/workflows', { method: 'POST', body: text,
      headers: { 'Content-Type': 'application/json' } });
    show(box, true, `created workflow ${created.id} with jobs ${created.jobs.join(', ')}`);
    await open(created.id);
  } catch (e) {
    show(box, false, describe(e));
  }
}

export function initWorkflows() {
  listKnown();
  $('#wf-open').addEventListener('submit', (event) => {
    event.preventDefault();
    open($('#wf-id').value.trim());
  });
  $('#wf-create').addEventListener('submit', create);
}
