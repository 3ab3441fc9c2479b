// The metalearn4j dashboard page: lists the runs (/api/runs, every 2 s), shows one run's record (/api/run?id=) and
// keeps it current from the server-sent event stream (/api/events). Lines carry a per-run sequence number: a page
// applies those after its snapshot, and reloads the snapshot when it sees a gap or a restart.
'use strict';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];
const RENDER_EVERY_MS = 250;

const state = {
  runs: [],          // the latest /api/runs list
  selected: null,    // id of the run shown
  compare: null,     // id of the run overlaid on its charts
  detail: null,      // the selected run's latest /api/run answer
  series: {},        // id -> what its metrics lines say (see emptySeries)
  charts: {},        // chart name -> uPlot instance
  renderTimer: null,
  pipelineTimer: null,
};

// ---- numbers and text ----

function num(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v !== '') { const n = Number(v); return Number.isFinite(n) ? n : null; }
  return null;
}

function fmt(v, digits = 4) {
  const n = num(v);
  if (n === null) return '–';
  if (n !== 0 && (Math.abs(n) >= 1e5 || Math.abs(n) < 1e-3)) return n.toExponential(2);
  return n.toFixed(digits);
}

// Axis labels with as many digits as the ticks need to differ (a learning rate of 1e-3 shows as 0.001, not 0).
function tick(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(1) : String(Number(v.toPrecision(4)));
}

function ago(iso) {
  if (!iso) return '–';
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return Math.round(s) + ' s ago';
  if (s < 3600) return Math.round(s / 60) + ' min ago';
  if (s < 86400 * 2) return (s / 3600).toFixed(1) + ' h ago';
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function banner(message) {
  const b = document.getElementById('banner');
  b.hidden = !message;
  b.textContent = message || '';
}

async function getJson(url) {
  const response = await fetch(url, {cache: 'no-store'});
  const body = await response.json().catch(() => ({error: 'the server sent no JSON (' + response.status + ')'}));
  if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
  return body;
}

// ---- what one run's metrics lines say ----

function emptySeries() {
  return {seq: 0, loading: true, buffered: [], steps: new Map(), evals: [], metricName: null};
}

// Mirrors TrainingHistory: a 'started' line of a resumed run drops what the interrupted process recorded after the
// iteration it resumed from.
function applyLine(s, line) {
  const it = num(line.iteration);
  switch (line.event) {
    case 'started': {
      const from = num(line.startIteration) ?? 0;
      for (const k of [...s.steps.keys()]) if (k > from) s.steps.delete(k);
      s.evals = s.evals.filter(e => e.iteration <= from);
      break;
    }
    case 'step':
      s.metricName = line.metricName || s.metricName;
      s.steps.set(it, {loss: num(line.loss), metric: num(line.metric), lr: num((line.extras || {}).lr),
        seconds: num(line.stepSeconds)});
      break;
    case 'eval':
      s.metricName = s.metricName || line.metricName;
      s.evals = s.evals.filter(e => !(e.iteration === it && e.split === line.split));
      s.evals.push({iteration: it, split: line.split, metricName: line.metricName, value: num(line.value),
        ci95: num(line.ci95), episodes: line.episodes});
      break;
    default:
      break;
  }
}

function columns(s) {
  const its = [...s.steps.keys()].sort((a, b) => a - b);
  const pick = f => its.map(i => s.steps.get(i)[f]);
  const evals = [...new Map(s.evals.map(e => [e.iteration, e])).values()].sort((a, b) => a.iteration - b.iteration);
  return {its, loss: pick('loss'), metric: pick('metric'), lr: pick('lr'), seconds: pick('seconds'), evals};
}

async function loadRun(id) {
  const s = emptySeries();
  state.series[id] = s;
  try {
    const body = await getJson('/api/run?id=' + encodeURIComponent(id));
    if (state.series[id] !== s) return null;
    if (body.kind === 'training') {
      body.lines.forEach(l => applyLine(s, l));
      s.seq = body.seq;
      s.loading = false;
      s.buffered.filter(m => m.seq > s.seq).forEach(m => onLine(m));
      s.buffered = [];
    }
    return body;
  } catch (e) {
    delete state.series[id];
    throw e;
  }
}

// ---- live feed ----

function onLine(m) {
  const s = state.series[m.run];
  if (!s) return;
  if (s.loading) { s.buffered.push(m); return; }
  if (m.seq <= s.seq) return;
  if (m.seq > s.seq + 1) { reloadShown(); return; }
  s.seq = m.seq;
  applyLine(s, m.line);
  if (m.run === state.selected && state.detail) {
    if (m.line.event === 'eval') renderEvals();
    if (m.line.event === 'checkpoint' || m.line.event === 'finished') scheduleDetailReload();
  }
  scheduleRender();
}

function connect() {
  const badge = document.getElementById('connection');
  const source = new EventSource('/api/events');
  source.onopen = () => { badge.textContent = 'live'; badge.className = 'connection live'; };
  source.onerror = () => { badge.textContent = 'reconnecting'; badge.className = 'connection'; };
  source.addEventListener('metrics', ev => onLine(JSON.parse(ev.data)));
  source.addEventListener('pipeline', ev => {
    if (JSON.parse(ev.data).run === state.selected) scheduleDetailReload();
  });
  source.addEventListener('restart', ev => {
    const run = JSON.parse(ev.data).run;
    if (run === state.selected || run === state.compare) reloadShown();
  });
}

// ---- runs list ----

async function refreshRuns() {
  let body;
  try {
    body = await getJson('/api/runs');
  } catch (e) {
    banner('cannot reach the dashboard server: ' + e.message);
    return;
  }
  banner(body.problems.join('; '));
  state.runs = body.runs;
  document.getElementById('runs-dir').textContent = body.runsDir;
  renderRuns();
  if (!state.selected) {
    const wanted = new URLSearchParams(location.search).get('run');
    const first = body.runs.find(r => r.id === wanted) || (wanted ? null : body.runs[0]);
    if (wanted && !first) banner('no run "' + wanted + '" in ' + body.runsDir);
    if (first) select(first.id);
  } else {
    const current = body.runs.find(r => r.id === state.selected);
    if (current && state.detail) renderHead(current);
  }
}

function metricLabel(run) {
  return run.metricName || (run.eval ? 'metric' : 'accuracy');
}

function renderRuns() {
  const tbody = document.querySelector('#runs tbody');
  tbody.replaceChildren();
  for (const r of state.runs) {
    const tr = el('tr', {'data-run': r.id, class: r.id === state.selected ? 'selected' : ''});
    const name = el('td', {}, r.id);
    if (r.problems.length) name.append(' ', el('span', {class: 'warn', title: r.problems.join('\n'),
      text: '⚠ ' + r.problems.length}));
    tr.append(name);
    if (r.kind === 'pipeline') {
      tr.append(el('td', {text: 'pipeline'}), el('td', {text: r.pipeline || '–'}));
    } else {
      tr.append(el('td', {text: r.learner || '?'}), el('td', {text: r.dataset || '?'}));
    }
    tr.append(el('td', {}, el('span', {class: 'status ' + r.status, text: r.status})));
    if (r.kind === 'pipeline') {
      const cur = r.current ? ' · ' + r.current.label + (r.current.total ? ' ' + r.current.done + '/'
        + r.current.total : '') : '';
      tr.append(el('td', {text: r.stagesDone + '/' + r.stages + ' stages' + cur}), el('td', {text: '–'}),
        el('td', {text: '–'}), el('td', {text: '–'}));
    } else {
      tr.append(el('td', {class: 'num', text: r.iteration + '/' + (r.iterations ?? '?')}),
        el('td', {class: 'num', text: fmt(r.loss)}),
        el('td', {class: 'num', text: r.metricName ? fmt(r.metric) + ' ' + r.metricName : '–'}),
        el('td', {class: 'num', text: r.eval ? fmt(r.eval.value) + ' ± ' + fmt(r.eval.ci95) + ' @' + r.eval.iteration
          : '–'}));
    }
    tr.append(el('td', {text: ago(r.updated)}));
    tr.addEventListener('click', () => select(r.id));
    tbody.append(tr);
  }
  const none = document.getElementById('no-runs');
  none.hidden = state.runs.length > 0;
  none.textContent = 'No runs here yet. Train one into this directory, e.g. ./metalearn train '
    + 'examples/configs/omniglot-protonet.yaml --out ' + (document.getElementById('runs-dir').textContent || 'runs')
    + '/proto';
  renderCompareOptions();
}

function renderCompareOptions() {
  const select = document.getElementById('compare');
  const options = state.runs.filter(r => r.kind === 'training' && r.id !== state.selected);
  const current = [...select.options].map(o => o.value).join('\n');
  const wanted = [''].concat(options.map(r => r.id)).join('\n');
  if (current === wanted) return;
  select.replaceChildren(el('option', {value: '', text: options.length ? '(none)' : '(no other run)'}),
    ...options.map(r => el('option', {value: r.id, text: r.id})));
  select.value = state.compare || '';
}

// ---- one run ----

async function select(id) {
  if (state.selected !== id) {
    state.selected = id;
    state.compare = null;
    document.getElementById('compare').value = '';
    history.replaceState(null, '', '?run=' + encodeURIComponent(id));
  }
  renderRuns();
  await reloadShown();
}

async function reloadShown() {
  const id = state.selected;
  if (!id) return;
  let body;
  try {
    body = await loadRun(id);
    if (state.compare) await loadRun(state.compare);
  } catch (e) {
    banner(e.message);
    return;
  }
  if (!body || state.selected !== id) return;
  state.detail = body;
  document.getElementById('run').hidden = false;
  renderHead(body);
  const training = body.kind === 'training';
  document.getElementById('training-view').hidden = !training;
  document.getElementById('pipeline-view').hidden = training;
  document.getElementById('compare-label').hidden = !training;
  if (training) {
    renderConfig(body);
    renderProvenance(body.provenance);
    buildCharts();
    renderEvals();
  } else {
    renderStages(body);
  }
}

function scheduleDetailReload() {
  if (state.pipelineTimer) return;
  state.pipelineTimer = setTimeout(async () => {
    state.pipelineTimer = null;
    const id = state.selected;
    try {
      const body = await getJson('/api/run?id=' + encodeURIComponent(id));
      if (state.selected !== id) return;
      state.detail = body;
      renderHead(body);
      if (body.kind === 'pipeline') renderStages(body); else renderProvenance(body.provenance);
    } catch (e) {
      banner(e.message);
    }
  }, 1000);
}

function renderHead(run) {
  document.getElementById('run-title').textContent = run.id + (run.kind === 'training'
    ? ' · ' + (run.learner || '?') + ' on ' + (run.dataset || '?') : ' · pipeline ' + (run.pipeline || ''));
  const status = document.getElementById('run-status');
  status.textContent = run.status;
  status.className = 'status ' + run.status;
  document.getElementById('run-note').textContent = run.note || '';
  const problems = (run.problems || []).concat(state.detail && state.detail.configProblem
    ? [state.detail.configProblem] : []);
  document.getElementById('run-problems').replaceChildren(...problems.map(p => el('li', {text: p})));
}

function renderConfig(body) {
  document.getElementById('config').textContent = body.config ? JSON.stringify(body.config, null, 2)
    : (body.configProblem || 'no config.json');
}

function renderProvenance(p) {
  const tbody = document.querySelector('#provenance tbody');
  const rows = [];
  document.getElementById('provenance-file').textContent = p && p.file ? '(' + p.file + ')' : '';
  if (p && p.record) {
    const r = p.record;
    rows.push(['created', r.created], ['git commit', r.gitCommit || 'unknown'], ['seed', String(r.seed)]);
    for (const [k, v] of Object.entries(r.libraries || {})) rows.push([k, String(v)]);
    for (const [k, v] of Object.entries(r.details || {})) rows.push([k, String(v)]);
  }
  for (const problem of (p && p.problems) || []) rows.push(['', problem]);
  tbody.replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('th', {text: k}), el('td', {text: v}))));
}

function renderEvals() {
  const s = state.series[state.selected];
  const tbody = document.querySelector('#evals tbody');
  if (!s) return;
  tbody.replaceChildren(...[...s.evals].reverse().map(e => el('tr', {'data-iteration': e.iteration},
    el('td', {class: 'num', text: String(e.iteration)}), el('td', {text: e.split}), el('td', {text: e.metricName}),
    el('td', {class: 'num', text: fmt(e.value)}), el('td', {class: 'num', text: fmt(e.ci95)}),
    el('td', {class: 'num', text: String(e.episodes)}))));
}

function renderStages(body) {
  const tbody = document.querySelector('#stages tbody');
  tbody.replaceChildren(...body.stageList.map(st => {
    const progress = st.total > 0 ? el('progress', {max: String(st.total), value: String(st.done)}) : '';
    const saved = st.saved || {};
    const metrics = Object.entries(Object.keys(saved.metrics || {}).length ? saved.metrics : st.metrics || {})
      .map(([k, v]) => k + ' ' + fmt(v)).join(', ');
    const artifact = el('td', {text: saved.kind || (st.artifact ? 'saved' : '–')});
    if (saved.provenance) artifact.title = JSON.stringify(saved.provenance, null, 2);
    if (saved.problem) artifact.append(' ', el('span', {class: 'warn', title: saved.problem, text: '⚠'}));
    const state_ = el('td', {}, st.state);
    if (st.note) state_.append(' ', el('span', {class: 'warn', title: st.note, text: '⚠'}));
    return el('tr', {'data-stage': st.index}, el('td', {text: String(st.index)}), el('td', {text: st.name}), state_,
      el('td', {}, progress, st.total > 0 ? ' ' + st.done + '/' + st.total : ''), el('td', {text: metrics || '–'}),
      el('td', {class: 'num', text: num(st.seconds) === null ? '–' : fmt(st.seconds, 1) + ' s'}), artifact);
  }));
}

// ---- charts ----

function chartSpecs(metricName) {
  return [
    {key: 'loss', title: 'training loss', field: 'loss', compare: true},
    {key: 'metric', title: 'training ' + metricName + ' and evaluations (± 95% CI)', field: 'metric', compare: true,
      evals: true},
    {key: 'lr', title: 'learning rate', field: 'lr', compare: false, fromZero: true,
      empty: 'The learner reports no learning rate (StepEvent extras "lr").'},
    {key: 'time', title: 'seconds per step', field: 'seconds', compare: true, fromZero: true},
  ];
}

function chartIds() {
  return [state.selected].concat(state.compare && state.series[state.compare] ? [state.compare] : []);
}

// The x values of every run's table joined into one, as uPlot wants; evaluation points are series of their own.
function chartData(spec) {
  const ids = spec.compare ? chartIds() : [state.selected];
  const tables = [];
  const series = [{label: 'iteration'}];
  const evalSets = [];
  ids.forEach((id, i) => {
    const c = columns(state.series[id]);
    const color = COLORS[i % COLORS.length];
    const ys = c[spec.field];
    if (ys.some(v => v !== null)) {
      tables.push([c.its, ys]);
      series.push({label: id, stroke: color, width: 1.5, spanGaps: true, points: {show: false}});
    }
    if (spec.evals && c.evals.length) {
      tables.push([c.evals.map(e => e.iteration), c.evals.map(e => e.value)]);
      series.push({label: id + ' evaluation', stroke: color, paths: () => null,
        points: {show: true, size: 8, stroke: color, fill: '#fff'}});
      evalSets.push({evals: c.evals, color});
    }
  });
  const points = tables.length ? tables[0][0].length : 0;
  const data = tables.length === 0 ? [[]] : tables.length === 1 ? tables[0] : uPlot.join(tables);
  return {data, series, evalSets, points};
}

// Whiskers and range read the chart's holder, which each render points at the current evaluations.
function ciWhiskers(holder) {
  return u => {
    const evalSets = holder.evalSets;
    const ctx = u.ctx;
    ctx.save();
    ctx.lineWidth = 1.5 * devicePixelRatio;
    for (const {evals, color} of evalSets) {
      ctx.strokeStyle = color;
      for (const e of evals) {
        if (e.value === null || e.ci95 === null) continue;
        const x = u.valToPos(e.iteration, 'x', true);
        const lo = u.valToPos(e.value - e.ci95, 'y', true);
        const hi = u.valToPos(e.value + e.ci95, 'y', true);
        const w = 4 * devicePixelRatio;
        ctx.beginPath();
        ctx.moveTo(x, lo); ctx.lineTo(x, hi);
        ctx.moveTo(x - w, lo); ctx.lineTo(x + w, lo);
        ctx.moveTo(x - w, hi); ctx.lineTo(x + w, hi);
        ctx.stroke();
      }
    }
    ctx.restore();
  };
}

// The y range covers the confidence intervals too, which are drawn, not series.
function rangeWith(holder, fromZero) {
  return (u, min, max) => {
    let lo = fromZero ? 0 : min, hi = max;
    for (const {evals} of holder.evalSets) for (const e of evals) {
      if (e.value === null || e.ci95 === null) continue;
      lo = lo === null ? e.value - e.ci95 : Math.min(lo, e.value - e.ci95);
      hi = hi === null ? e.value + e.ci95 : Math.max(hi, e.value + e.ci95);
    }
    if (lo === null || hi === null) return [0, 1];
    const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
    return [lo - pad, hi + pad];
  };
}

function buildCharts() {
  for (const chart of Object.values(state.charts)) chart.destroy();
  state.charts = {};
  const s = state.series[state.selected];
  for (const spec of chartSpecs(s.metricName || metricLabel(state.detail))) {
    const box = document.getElementById('chart-' + spec.key);
    box.replaceChildren();
    const {data, series, evalSets, points} = chartData(spec);
    box.dataset.points = String(points);
    if (series.length === 1) {
      box.append(el('div', {class: 'empty', text: spec.title + ': ' + (spec.empty || 'no steps yet')}));
      continue;
    }
    const holder = {evalSets};
    const opts = {
      title: spec.title,
      width: Math.max(300, box.clientWidth - 10),
      height: 240,
      scales: {x: {time: false}, y: {range: rangeWith(holder, spec.fromZero)}},
      axes: [{label: 'iteration'}, {size: 60, values: (u, ticks) => ticks.map(tick)}],
      series,
      hooks: {draw: [ciWhiskers(holder)]},
    };
    state.charts[spec.key] = new uPlot(opts, data, box);
    state.charts[spec.key].holder = holder;
  }
}

function scheduleRender() {
  if (state.renderTimer) return;
  state.renderTimer = setTimeout(() => {
    state.renderTimer = null;
    renderCharts();
  }, RENDER_EVERY_MS);
}

function renderCharts() {
  if (!state.detail || state.detail.kind !== 'training') return;
  const s = state.series[state.selected];
  if (!s) return;
  for (const spec of chartSpecs(s.metricName || 'accuracy')) {
    const chart = state.charts[spec.key];
    const {data, series, evalSets, points} = chartData(spec);
    if (!chart || chart.series.length !== series.length) { buildCharts(); return; }
    chart.holder.evalSets = evalSets;
    chart.setData(data);
    document.getElementById('chart-' + spec.key).dataset.points = String(points);
  }
}

// ---- start ----

document.getElementById('compare').addEventListener('change', async ev => {
  state.compare = ev.target.value || null;
  try {
    if (state.compare) await loadRun(state.compare);
  } catch (e) {
    banner(e.message);
  }
  buildCharts();
});
window.addEventListener('resize', () => {
  for (const [key, chart] of Object.entries(state.charts)) {
    const box = document.getElementById('chart-' + key);
    chart.setSize({width: Math.max(300, box.clientWidth - 10), height: 240});
  }
});
connect();
refreshRuns();
setInterval(refreshRuns, 2000);
