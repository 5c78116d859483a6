// The LocSharp page: submit FASTA as a job, show its progress, then a sortable, filterable table of the
// predictions; a row opens the protein's evidence. Plain DOM, no libraries.
'use strict';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const state = { models: [], job: null, model: null, rows: [], sortKey: null, sortDirection: 1 };

async function api(url, options) {
  const response = await fetch(url, options);
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) throw new Error(body && body.error ? body.error : `${response.status} ${response.statusText}`);
  return body;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

const architectureNames = { RLstm: 'R-LSTM', ALstm: 'A-LSTM' };

function describeModel(model) {
  const kinds = model.architectures.map((a) => architectureNames[a] || a);
  const kind = kinds.length === 1 ? kinds[0] : `ensemble of ${kinds.length} networks (${[...new Set(kinds)].join(', ')})`;
  const parts = [kind, `${model.locations.length} locations: ${model.locations.join(', ')}`];
  if (model.membrane) parts.push('and membrane-bound vs soluble');
  if (model.attention) parts.push('per-residue attention');
  if (model.needs_profiles) parts.push('needs profiles');
  return parts.join('; ');
}

async function loadModels() {
  state.models = await api('/api/models');
  const select = $('model');
  for (const model of state.models) select.append(new Option(model.name, model.name));
  const info = () => { $('model-info').textContent = describeModel(state.models[select.selectedIndex]); };
  select.addEventListener('change', info);
  info();
}

async function submit(event) {
  event.preventDefault();
  showError('');
  const form = new FormData();
  const file = $('file').files[0];
  if (file) form.append('file', file);
  else form.append('fasta', $('fasta').value);
  const model = state.models[$('model').selectedIndex];
  $('submit').disabled = true;
  try {
    const job = await api(`/api/jobs?model=${encodeURIComponent(model.name)}`, { method: 'POST', body: form });
    const done = await poll(job);
    show(done, model);
  } catch (error) {
    showError(error.message);
    $('status').textContent = '';
  } finally {
    $('submit').disabled = false;
    $('progress').hidden = true;
  }
}

async function poll(job) {
  const progress = $('progress');
  progress.hidden = false;
  for (;;) {
    progress.max = Math.max(job.total, 1);
    progress.value = job.done;
    $('status').textContent = `${job.done} of ${job.total} proteins`;
    if (job.status === 'done') return job;
    if (job.status !== 'running') throw new Error(job.error || `the job is ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = await api(`/api/jobs/${job.id}`);
  }
}

function columns(model) {
  const list = [
    { key: 'protein_id', title: 'protein' },
    { key: 'location', title: 'location' },
    { key: 'confidence', title: 'confidence', number: true },
  ];
  if (model.membrane) list.push({ key: 'membrane', title: 'membrane', number: true });
  list.push({ key: 'truncated', title: 'truncated' });
  return list;
}

function show(job, model) {
  Object.assign(state, { job, model, rows: job.results.map((row, index) => ({ ...row, index })), sortKey: null, sortDirection: 1 });
  $('download-csv').href = `/api/jobs/${job.id}/results?format=csv`;
  $('download-json').href = `/api/jobs/${job.id}/results?format=json`;
  const filter = $('filter');
  filter.replaceChildren(new Option('all', ''));
  for (const location of model.locations) {
    const count = state.rows.filter((row) => row.location === location).length;
    if (count > 0) filter.append(new Option(`${location} (${count})`, location));
  }
  const header = document.querySelector('#table thead tr');
  header.replaceChildren(...columns(model).map((column) => {
    const th = document.createElement('th');
    th.textContent = column.title;
    th.dataset.key = column.key;
    th.addEventListener('click', () => sortBy(column.key));
    return th;
  }));
  $('results').hidden = false;
  $('evidence').hidden = true;
  $('status').textContent = `${job.total} proteins predicted with ${model.name}`;
  renderRows();
}

function sortBy(key) {
  state.sortDirection = state.sortKey === key ? -state.sortDirection : 1;
  state.sortKey = key;
  for (const th of document.querySelectorAll('#table th'))
    th.setAttribute('aria-sort', th.dataset.key === key ? (state.sortDirection > 0 ? 'ascending' : 'descending') : 'none');
  renderRows();
}

function renderRows() {
  const location = $('filter').value;
  let rows = state.rows.filter((row) => !location || row.location === location);
  if (state.sortKey) {
    const key = state.sortKey;
    rows = [...rows].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.index - b.index) * state.sortDirection);
  }
  const list = columns(state.model);
  $('table').tBodies[0].replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.index = row.index;
    for (const column of list) {
      const td = document.createElement('td');
      const value = row[column.key];
      td.textContent = column.number ? value.toFixed(4) : String(value);
      if (column.number) td.className = 'number';
      tr.append(td);
    }
    tr.addEventListener('click', () => openEvidence(row.index, tr));
    return tr;
  }));
  $('count').textContent = `${rows.length} of ${state.rows.length} proteins`;
}

async function openEvidence(index, tr) {
  for (const row of document.querySelectorAll('#table tbody tr.selected')) row.classList.remove('selected');
  tr.classList.add('selected');
  try {
    const evidence = await api(`/api/jobs/${state.job.id}/proteins/${index}/evidence`);
    $('evidence-title').textContent = `${evidence.protein_id}: ${evidence.location}`;
    const membrane = evidence.membrane === undefined ? '' : `; membrane-bound probability ${evidence.membrane.toFixed(4)}`;
    $('evidence-description').textContent = `${evidence.description || ''} (${evidence.length} residues${membrane})`;
    drawBars(evidence.probabilities, evidence.location);
    showTrack(evidence);
    // Attention is one network's; the whole model's evidence (an ensemble's call) is its attribution, on request.
    const button = $('attribution');
    button.hidden = !(evidence.track && evidence.track.kind === 'attention');
    button.onclick = async () => {
      button.disabled = true;
      try {
        showTrack(await api(`/api/jobs/${state.job.id}/proteins/${index}/evidence?track=attribution`));
        button.hidden = true;
      } catch (error) {
        showError(error.message);
      } finally {
        button.disabled = false;
      }
    };
    $('evidence').hidden = false;
    $('evidence').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  } catch (error) {
    showError(error.message);
  }
}

function showTrack(evidence) {
  if (evidence.track) {
    $('track-caption').textContent = evidence.track.kind === 'attention'
      ? `Attention at each residue (where ${evidence.track.network} looked)`
      : `Evidence of each residue for ${evidence.track.location} (integrated gradients of ${evidence.track.network}; they sum to the probability's rise of ${evidence.track.probability_change.toFixed(3)} from a sequence of X)`;
    drawTrack(evidence.track);
  } else {
    $('track-caption').textContent = `No per-residue track: ${evidence.track_unavailable}`;
    $('track').replaceChildren();
  }
}

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawBars(probabilities, best) {
  const entries = Object.entries(probabilities);
  const width = 380, label = 130, bar = 18, gap = 4;
  const svg = $('bars');
  svg.setAttribute('viewBox', `0 0 ${width} ${entries.length * (bar + gap)}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', entries.length * (bar + gap));
  svg.replaceChildren(...entries.flatMap(([location, p], i) => {
    const y = i * (bar + gap);
    return [
      element('text', { x: label - 6, y: y + bar - 5, 'text-anchor': 'end' }, location),
      element('rect', { x: label, y, width: Math.max(p * (width - label - 50), 0.5), height: bar, fill: location === best ? '#2b6cb0' : '#9fb3c8' }),
      element('text', { x: label + p * (width - label - 50) + 4, y: y + bar - 5 }, p.toFixed(4)),
    ];
  }));
}

function drawTrack(track) {
  const width = 800, height = 180, left = 40, bottom = 24, top = 8;
  const n = track.weights.length;
  const maxWeight = Math.max(...track.weights, 1e-9);
  const minWeight = Math.min(...track.weights, 0); // attributions may be negative: evidence against the location
  const x = (k) => left + (k + 0.5) * (width - left) / n;
  const y = (w) => top + (maxWeight - w) / (maxWeight - minWeight) * (height - top - bottom);
  const svg = $('track');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const nodes = [
    element('line', { x1: left, y1: y(0), x2: width, y2: y(0), stroke: '#5a6470' }),
    element('text', { x: left - 4, y: top + 8, 'text-anchor': 'end' }, maxWeight.toFixed(3)),
    element('text', { x: left - 4, y: y(0), 'text-anchor': 'end' }, '0'),
    element('polyline', {
      points: track.weights.map((w, k) => `${x(k).toFixed(1)},${y(w).toFixed(1)}`).join(' '),
      fill: 'none', stroke: '#2b6cb0', 'stroke-width': 1.5,
    }),
  ];
  if (minWeight < 0) nodes.push(element('text', { x: left - 4, y: height - bottom, 'text-anchor': 'end' }, minWeight.toFixed(3)));
  const step = Math.max(1, Math.ceil(n / 10));
  for (let k = 0; k < n; k += step)
    nodes.push(element('text', { x: x(k), y: height - 8, 'text-anchor': 'middle' }, `${track.residues[k]}${track.positions[k]}`));
  svg.replaceChildren(...nodes);
}

$('input').addEventListener('submit', submit);
$('filter').addEventListener('change', renderRows);
loadModels().catch((error) => showError(`cannot list the models: ${error.message}`));
