// The dashboard page: one stream of frames (server-sent events) for the chosen queue, drawn as it comes.
import { drawLengthChart } from './length-chart.js';

const EVENT_NAMES = { ready: 'READY', full: 'FULL', taken: 'TAKEN AWAY', empty: 'EMPTY' };
const KIND_NAMES = { producer: 'cook', consumer: 'customer' };
const QUEUE_LIST_EVERY_MS = 10_000;
const KITCHENS_EVERY_MS = 1000;

const $ = (selector) => document.querySelector(selector);
const select = $('#queue-select');
let queue = new URLSearchParams(location.search).get('queue');
let source;

function setText(selector, text) {
  for (const node of document.querySelectorAll(selector)) node.textContent = text;
}

function fixed(value, digits) {
  return value === null || value === undefined ? '–' : value.toFixed(digits);
}

function ago(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 120 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    td.textContent = cell;
    tr.append(td);
  }
  return tr;
}

function showProblem(frame) {
  const problem = $('#problem');
  if (frame.status === 'ok') {
    problem.hidden = true;
    document.body.classList.remove('stale');
    return;
  }
  const title = {
    'unknown-queue': 'Unknown queue',
    'redis-unreachable': 'Redis unreachable',
    error: 'Cannot read the queue',
    disconnected: 'No connection to the dashboard',
  }[frame.status];
  problem.className = frame.status;
  problem.textContent = `${title}: ${frame.message}`;
  problem.hidden = false;
  document.body.classList.add('stale');
}

function drawFigures(frame) {
  setText('[data-metric="length"]', frame.length);
  setText('[data-metric="capacity"]', frame.capacity);
  for (const kind of Object.keys(EVENT_NAMES)) {
    setText(`[data-metric="${kind}"]`, frame.counts[kind]);
    setText(`[data-rate="${kind}"]`, frame.perMinute ? fixed(frame.perMinute[kind], 1) : '–');
  }
  setText('[data-metric="accepted"]', frame.accounting.accepted);
  setText('[data-metric="lost"]', frame.accounting.lost);
  for (const field of ['taken', 'queued', 'inFlight', 'deadLettered', 'redelivered', 'duplicates']) {
    setText(`[data-accounting="${field}"]`, frame.accounting[field]);
  }
  setText('#lost-verdict', frame.accounting.lost === 0 ? 'nothing lost' : 'meals LOST');
}

function drawActors(frame) {
  const item = (actor) => {
    const li = document.createElement('li');
    li.dataset.actor = actor.role;
    li.className = actor.kind;
    const name = document.createElement('b');
    name.textContent = actor.role;
    const last = actor.lastEvent ? `${EVENT_NAMES[actor.lastEvent]} ${ago(frame.at - actor.lastEventAt)}` : 'nothing yet';
    const seen = actor.alive ? '' : `, last seen ${ago(frame.at - actor.seenAt)}`;
    li.append(name, ` ${KIND_NAMES[actor.kind]} · ${last}${seen}`);
    return li;
  };
  const alive = frame.actors.filter((actor) => actor.alive);
  const gone = frame.actors.filter((actor) => !actor.alive);
  $('#actors-alive').replaceChildren(...alive.map(item));
  $('#actors-gone').replaceChildren(...gone.map(item));
  $('#actors-none').hidden = alive.length > 0;
  $('#actors-gone-title').hidden = gone.length === 0;
}

function drawModel(frame) {
  const live = frame.report;
  const model = frame.prediction.status === 'ok' ? frame.prediction : null;
  $('#model-note').textContent = model
    ? `The virtual engine ran the same scenario for ${fixed(model.modelHours, 0)} model hours (seed ${model.seed}); ` +
      `the live run so far is ${fixed(live.scenario.modelHours, 2)} model hours long, at time scale ${live.scenario.timeScale}.`
    : `No prediction: ${frame.prediction.message}.`;
  const rows = [
    ['READY per model hour', (r) => r.perHour.ready, 1],
    ['FULL per model hour', (r) => r.perHour.full, 1],
    ['TAKEN AWAY per model hour', (r) => r.perHour.taken, 1],
    ['EMPTY per model hour', (r) => r.perHour.empty, 1],
    ['meals dropped (full fraction)', (r) => r.fullFraction * 100, 1, '%'],
    ['visits that found none (empty fraction)', (r) => r.emptyFraction * 100, 1, '%'],
    ['mean queue length', (r) => r.meanQueueLength, 2],
    ['mean wait of a meal (model s)', (r) => r.meanWaitS, 1],
  ];
  $('#model-table tbody').replaceChildren(
    ...rows.map(([label, pick, digits, unit = '']) => {
      const difference = model ? pick(live) - pick(model) : null;
      const signed = difference === null ? '–' : `${difference >= 0 ? '+' : ''}${fixed(difference, digits)}${unit}`;
      return row([label, `${fixed(pick(live), digits)}${unit}`, model ? `${fixed(pick(model), digits)}${unit}` : '–', signed]);
    }),
  );
}

function drawDeadLetters(frame) {
  const { total, latest } = frame.deadLetters;
  $('#dead-total').textContent = total === 0 ? 'none' : `${total} in all; the newest ${latest.length}:`;
  $('#dead-letters').hidden = total === 0;
  $('#dead-letters tbody').replaceChildren(...latest.map((entry) => row([entry.at ?? '–', entry.by ?? '–', entry.reason, entry.raw])));
}

function draw(frame) {
  showProblem(frame);
  const updated = $('#updated');
  updated.textContent = `updated ${new Date(frame.at).toLocaleTimeString()}`;
  updated.dataset.at = String(frame.at);
  if (frame.status !== 'ok') return;
  drawFigures(frame);
  drawActors(frame);
  drawModel(frame);
  drawDeadLetters(frame);
  const modelMean = frame.prediction.status === 'ok' ? frame.prediction.meanQueueLength : null;
  drawLengthChart($('#length-chart'), { history: frame.history, capacity: frame.capacity, now: frame.at, modelMean });
}

function watch(name) {
  queue = name;
  setText('#queue-name', `· ${name}`);
  document.title = `${name} · Restaurant dashboard`;
  source?.close();
  source = new EventSource(`/api/queues/${encodeURIComponent(name)}/events`);
  source.onmessage = (event) => draw(JSON.parse(event.data));
  // EventSource reconnects by itself; meanwhile the page says so
  source.onerror = () => showProblem({ status: 'disconnected', message: 'the dashboard server does not answer; retrying' });
}

async function refreshQueueList() {
  try {
    const response = await fetch('/api/queues');
    const body = await response.json();
    if (!response.ok) return;
    queue ??= body.defaultQueue;
    const names = body.queues.includes(queue) ? body.queues : [queue, ...body.queues];
    if (names.join('\n') !== [...select.options].map((option) => option.value).join('\n')) {
      select.replaceChildren(...names.map((name) => new Option(name, name)));
    }
    select.value = queue;
  } catch {
    // the stream's own error says that the server is away
  }
}

// Each queue and their total, from one read of every queue that all viewers share.
async function refreshKitchens() {
  try {
    const response = await fetch('/api/kitchens');
    if (!response.ok) return;
    const { queues, total } = await response.json();
    $('#kitchens').hidden = queues.length < 2;
    const line = (summary) => {
      const { counts, accounting } = summary;
      const tr = row([summary.queue, `${summary.length} / ${summary.capacity}`, counts.ready, counts.full, counts.taken, counts.empty, accounting.accepted, accounting.lost]);
      tr.dataset.queue = summary.queue;
      tr.classList.toggle('watched', summary.queue === queue);
      return tr;
    };
    const totalRow = line(total);
    totalRow.className = 'total';
    $('#kitchens-table tbody').replaceChildren(...queues.map(line), totalRow);
  } catch {
    // the stream's own error says that the server is away
  }
}

select.addEventListener('change', () => {
  history.replaceState(null, '', `?queue=${encodeURIComponent(select.value)}`);
  watch(select.value);
});

await refreshQueueList();
watch(queue ?? 'kitchen');
setInterval(refreshQueueList, QUEUE_LIST_EVERY_MS);
await refreshKitchens();
setInterval(refreshKitchens, KITCHENS_EVERY_MS);
