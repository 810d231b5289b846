// The dashboard's entry point: the API key form, the tabs, the services' state, and each part started once the
// relay's /ui/config.json has said where the other services are.

import { ApiError, apiKey, loadConfig, serviceUrl, setApiKey } from './api.js';
import { $, describe, el } from './dom.js';
import { highlight, initLive } from './live.js';
import { initPool } from './pool.js';
import { initProcedures } from './procedures.js';
import { initRun, loadModules } from './run.js';
import { initWorkflows } from './workflows.js';

const SERVICES = ['relay', 'workflow', 'indexer', 'procedure'];

function banner(text) {
  const node = $('#banner');
  node.hidden = !text;
  node.textContent = text || '';
}

function tabs(onShow) {
  for (const button of document.querySelectorAll('nav [data-tab]')) {
    button.addEventListener('click', () => {
      document.querySelectorAll('nav [data-tab]').forEach((b) => b.classList.toggle('active', b === button));
      document.querySelectorAll('.tab').forEach((t) => { t.hidden = t.id !== `tab-${button.dataset.tab}`; });
      onShow(button.dataset.tab);
    });
  }
}

/** Each service's /readyz every 5 s: a dot per service, red with the reason when it is down. */
async function probe() {
  for (const service of SERVICES) {
    const item = $(`#services [data-service="${service}"]`);
    try {
      const response = await fetch(`${serviceUrl(service)}/readyz`, { cache: 'no-store' });
      item.dataset.state = response.ok ? 'up' : 'down';
      item.title = `${service}-service: ${response.ok ? 'ready' : `HTTP ${response.status}`}`;
    } catch (e) {
      item.dataset.state = 'down';
      item.title = `${service}-service unreachable at ${serviceUrl(service) || location.origin}`;
    }
  }
}

function keyForm(reload) {
  $('#api-key').value = apiKey();
  $('#key-state').textContent = apiKey() ? 'key kept for this tab' : 'no key';
  $('#key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setApiKey($('#api-key').value.trim());
    reload();
  });
  $('#key-forget').addEventListener('click', () => {
    setApiKey('');
    reload();
  });
}

async function start() {
  keyForm(() => location.reload());
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    banner(e instanceof ApiError ? describe(e) : `the relay did not answer: ${e.message}`);
    return;
  }
  $('#services').replaceChildren(...SERVICES.map((s) =>
    el('li', { 'data-service': s, 'data-state': 'unknown', title: config[s] || location.origin }, s)));
  probe();
  setInterval(probe, 5000);
  const refreshProcedures = initProcedures();
  initWorkflows();
  tabs((tab) => {
    if (tab === 'procedures') {
      refreshProcedures();
    }
  });
  initRun(highlight);
  loadModules();
  initLive();
  initPool();
}

start();
