// The executor pool at a glance, from the relay's GET /ui/pool once a second: workers busy and idle, the shared
// queue's depth, executions per second (completed + failed tasks, per interval) as a small live chart.

import { call } from './api.js';
import { $, describe } from './dom.js';

const POINTS = 60;
const rates = [];
let previous = null;

function text(id, value) {
  $(id).textContent = value === null || value === undefined ? '–' : String(value);
}

function draw() {
  const canvas = $('#pool-chart');
  const g = canvas.getContext('2d');
  const { width, height } = canvas;
  g.clearRect(0, 0, width, height);
  const max = Math.max(1, ...rates);
  g.strokeStyle = '#3b82f6';
  g.lineWidth = 2;
  g.beginPath();
  rates.forEach((rate, i) => {
    const x = (i / (POINTS - 1)) * width;
    const y = height - 4 - (rate / max) * (height - 16);
    if (i === 0) {
      g.moveTo(x, y);
    } else {
      g.lineTo(x, y);
    }
  });
  g.stroke();
  g.fillStyle = '#64748b';
  g.font = '11px sans-serif';
  g.fillText(`max ${max.toFixed(1)}/s`, 4, 12);
}

function update(pool) {
  const executor = pool.executor;
  text('#pool-busy', executor ? executor.workers_busy : 'no executors here');
  text('#pool-idle', executor?.workers_idle);
  text('#pool-waiting', pool.queue.available ? pool.queue.waiting ?? 'n/a' : 'unknown');
  text('#pool-pending', pool.queue.available ? pool.queue.pending : 'unknown');
  const now = Date.parse(pool.timestamp);
  const done = executor ? executor.completed + executor.failed : 0;
  if (previous && now > previous.at) {
    rates.push(Math.max(0, (done - previous.done) / ((now - previous.at) / 1000)));
    if (rates.length > POINTS) {
      rates.shift();
    }
    text('#pool-rate', rates[rates.length - 1].toFixed(1));
  }
  previous = { at: now, done };
  const r = pool.relay;
  $('#pool-counters').textContent = `relay since start: ${r.success} succeeded, ${r.error} failed, `
    + `${r.rate_limited} rate-limited, ${r.invalid_request} invalid, ${r.permission_denied} denied`;
  draw();
}

async function poll() {
  try {
    update(await call('relay', '/ui/pool'));
    $('#pool').classList.remove('down');
  } catch (e) {
    $('#pool').classList.add('down');
    $('#pool-counters').textContent = describe(e);
  }
}

export function initPool() {
  poll();
  setInterval(poll, 1000);
}
