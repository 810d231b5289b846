// Live executions from the relay's GET /intent/execute-wasm/events: one row per request id moving through
// queued → started → progress → completed/failed, an event log in arrival order, the recent outcomes, and the
// resume point kept in session storage so a reconnect (or a reload) resumes with Last-Event-ID.

import { EventStream } from './sse.js';
import { $, el, short } from './dom.js';

const LAST_ID = 'wasmhive.relay.lastEventId';
const MAX_ROWS = 50;
const MAX_RECENT = 20;
const executions = new Map();
let stream = null;

function row(requestId) {
  let execution = executions.get(requestId);
  if (!execution) {
    const bar = el('progress', { max: 100, value: 0 });
    const status = el('span', { class: 'pill' }, 'seen');
    const detail = el('span', { class: 'detail' });
    const node = el('li', { 'data-request-id': requestId }, el('code', { title: requestId }, short(requestId)),
      status, bar, detail);
    execution = { node, bar, status, detail };
    executions.set(requestId, execution);
    $('#live-list').prepend(node);
    applyFilter(node);
    while ($('#live-list').children.length > MAX_ROWS) {
      const last = $('#live-list').lastElementChild;
      executions.delete(last.dataset.requestId);
      last.remove();
    }
  }
  return execution;
}

function setStatus(execution, status, text) {
  execution.status.textContent = status;
  execution.status.className = `pill ${status}`;
  execution.node.dataset.status = status;
  if (text !== undefined) {
    execution.detail.textContent = text;
  }
}

function recent(event, outcome) {
  const tbody = $('#recent-body');
  tbody.prepend(el('tr', { 'data-request-id': event.request_id },
    el('td', {}, el('code', { title: event.request_id }, short(event.request_id))),
    el('td', { class: outcome }, outcome === 'completed' ? 'completed' : `failed: ${event.error?.code || ''}`),
    el('td', {}, `${event.duration ?? '–'} ms`), el('td', {}, row(event.request_id).node.dataset.node || '')));
  while (tbody.children.length > MAX_RECENT) {
    tbody.lastElementChild.remove();
  }
}

function apply(event) {
  if (event.type === 'events_lost') {
    $('#live-state').textContent = `events lost before ${event.first_available_id}`;
    return;
  }
  const execution = row(event.request_id);
  switch (event.type) {
    case 'execution_queued':
      setStatus(execution, 'queued', `position ${event.position}`);
      break;
    case 'execution_started':
      execution.node.dataset.node = event.executor_node;
      setStatus(execution, 'started', `on ${event.executor_node}`);
      break;
    case 'execution_progress':
      execution.bar.value = event.progress;
      execution.node.dataset.progress = event.progress;
      setStatus(execution, 'running', `${event.progress} %`);
      break;
    case 'execution_complete':
      execution.bar.value = 100;
      setStatus(execution, 'completed', `${event.duration} ms`);
      recent(event, 'completed');
      break;
    case 'execution_error':
      setStatus(execution, 'failed', `${event.error?.code || 'error'}: ${event.error?.message || ''}`);
      recent(event, 'failed');
      break;
    default:
      break;
  }
}

function log(id, event) {
  const list = $('#event-log');
  list.append(el('li', { 'data-event-id': id, 'data-type': event.type, 'data-request-id': event.request_id || '' },
    `${id} ${event.type} ${short(event.request_id || '')}${event.progress !== undefined ? ` ${event.progress}%` : ''}`));
  $('#log-count').textContent = String(list.children.length);
}

function applyFilter(node) {
  const filter = $('#live-filter').value.trim().toLowerCase();
  node.hidden = filter !== '' && !node.dataset.requestId.startsWith(filter);
}

function setState(state, detail) {
  const pill = $('#live-state');
  pill.textContent = detail ? `${state}: ${detail}` : state;
  pill.className = `pill ${state}`;
  pill.dataset.state = state;
}

export function initLive() {
  stream = new EventStream('relay', '/intent/execute-wasm/events', {
    onEvent: ({ id, data }) => {
      const event = JSON.parse(data);
      log(id, event);
      apply(event);
    },
    onId: (id) => {
      sessionStorage.setItem(LAST_ID, id);
      $('#live-last-id').textContent = id;
    },
    onState: setState,
  }, sessionStorage.getItem(LAST_ID));
  $('#live-last-id').textContent = stream.lastEventId || 'none';
  $('#live-filter').addEventListener('input', () => executions.forEach((e) => applyFilter(e.node)));
  $('#live-disconnect').addEventListener('click', () => stream.stop());
  $('#live-connect').addEventListener('click', () => {
    stream.stop();
    stream.start();
  });
  stream.start();
}

/** Marks the request the run form just sent, so it stands out in the list. */
export function highlight(requestId) {
  if (requestId) {
    row(requestId).node.classList.add('mine');
  }
}
