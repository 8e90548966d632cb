// Ops dashboard: the board of open incidents, one incident's timeline, and communication charts, for a signed-in
// user. State arrives over the projection's SSE stream; after every (re)connection the board is fetched again to
// catch up.
import { element, formatDateTime, formatSpan, timeElement, viewerZone } from '../shared/format.js';
import { authorised, commandService, readAllPages, readJson, signIn, signOut } from './sign-in.js';
import { setUpActions, showIncidentActions } from './actions.js';
import { readEvents } from './event-stream.js';

/** Operators compare updates with their deadlines to the second. */
const exactTime = (iso) => timeElement(iso, true);

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const incidents = new Map();
const alerts = [];
/** Maintenance windows planned or under way, as last read; the board marks incidents on their components. */
let currentMaintenance = [];
const MAINTENANCE_REFRESH_MS = 30000;
let openIncidentId = null;

document.getElementById('viewer-zone').textContent = viewerZone;

// ---- live connection --------------------------------------------------------------------------------------

const connection = document.getElementById('connection');
let retryDelay = 1000;

const liveEvents = {
  ready: () => {
    retryDelay = 1000;
    showConnection('Live', 'live');
    catchUp();
  },
  state: (data) => receive(JSON.parse(data)),
  detection: (data) => showDetection(JSON.parse(data)),
};

/** Follows the live stream until it ends or breaks, then connects again, waiting longer after each failure. */
async function connect() {
  try {
    const response = await authorised('/incidents/stream', { headers: { Accept: 'text/event-stream' } });
    if (!response.ok) throw new Error(`the live stream answered ${response.status}`);
    await readEvents(response, (name, data) => liveEvents[name]?.(data));
    connection.title = 'The server ended the live stream';
  } catch (error) {
    connection.title = error.message;
  }
  showConnection('Reconnecting…', 'down');
  setTimeout(connect, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

function showConnection(text, state) {
  connection.textContent = text;
  connection.className = `connection ${state}`;
}

/** Everything published before 'ready' may have been missed: read the whole board again. */
async function catchUp() {
  try {
    const all = await readAllPages('/incidents?status=open');
    const seen = new Set(all.map((incident) => incident.incidentId));
    for (const [id, known] of incidents) {
      if (known.open && !seen.has(id)) incidents.delete(id);
    }
    const kept = all.filter(remember).map((incident) => incident.incidentId);
    await refreshMaintenance();
    renderBoard();
    if (kept.includes(openIncidentId)) refreshOpenIncident();
  } catch (error) {
    showConnection('Catching up…', 'down');
    setTimeout(catchUp, 2000);
  }
}

/** Keeps the incident unless a newer version of it is already here; says whether it was kept. */
function remember(incident) {
  const known = incidents.get(incident.incidentId);
  if (known && known.version > incident.version) return false;
  incidents.set(incident.incidentId, incident);
  return true;
}

function receive(incident) {
  if (!remember(incident)) return;
  drawBoardSoon();
  if (openIncidentId === incident.incidentId) refreshOpenIncident();
}

/**
 * Live events come by the hundred in a second while catching up or in a busy outage, and drawing the board filters
 * and sorts every open incident: it is drawn once per frame at most, however many events the frame brought.
 */
let boardDrawPending = false;

function drawBoardSoon() {
  if (boardDrawPending) return;
  boardDrawPending = true;
  requestAnimationFrame(() => {
    boardDrawPending = false;
    renderBoard();
  });
}

function showDetection(detection) {
  alerts.unshift(detection);
  alerts.length = Math.min(alerts.length, 10);
  document.getElementById('no-alerts').hidden = true;
  const list = document.getElementById('alerts');
  list.replaceChildren(...alerts.map((d) => element('li', {},
    element('strong', { text: d.kind.replaceAll('_', ' ').toLowerCase() }), ' — ',
    element('a', { href: `#/incidents/${encodeURIComponent(d.incidentId)}`, text: incidents.get(d.incidentId)?.title || d.incidentId }),
    ' ', exactTime(d.detectedAt))));
}

// ---- board ------------------------------------------------------------------------------------------------

const filters = {
  severity: document.getElementById('filter-severity'),
  component: document.getElementById('filter-component'),
  overdue: document.getElementById('filter-overdue'),
};
Object.values(filters).forEach((control) => control.addEventListener('change', renderBoard));

/** Overdue once the server says so, or as soon as the promised time passes on the viewer's clock. */
function lateness(incident, now) {
  if (!incident.nextUpdateDueAt) return null;
  const late = now - Date.parse(incident.nextUpdateDueAt);
  return incident.overdue || late > 0 ? Math.max(late, 0) : null;
}

function matches(incident, now) {
  return incident.open
    && (!filters.severity.value || incident.severity === filters.severity.value)
    && (!filters.component.value || incident.components.includes(filters.component.value))
    && (!filters.overdue.checked || lateness(incident, now) !== null);
}

/**
 * Rows are kept per incident and updated in place, so a countdown ticking every second never takes the keyboard
 * focus or a screen reader's place away.
 */
const rows = new Map();

function renderBoard() {
  const now = Date.now();
  updateComponentFilter();
  const shown = [...incidents.values()].filter((incident) => matches(incident, now))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
      || Date.parse(b.declaredAt) - Date.parse(a.declaredAt));
  const ids = new Set(shown.map((incident) => incident.incidentId));
  for (const [id, row] of rows) {
    if (!ids.has(id)) {
      row.element.remove();
      rows.delete(id);
    }
  }
  const body = document.querySelector('#board tbody');
  shown.forEach((incident, index) => {
    const row = rows.get(incident.incidentId) || newRow(incident);
    rows.set(incident.incidentId, row);
    fillRow(row, incident, now);
    if (body.children[index] !== row.element) body.insertBefore(row.element, body.children[index] || null);
  });
  document.getElementById('board-empty').hidden = shown.length > 0;
}

function newRow(incident) {
  const cells = {};
  const tr = element('tr', { 'data-incident': incident.incidentId });
  for (const [key, label] of [['severity', 'Severity'], ['title', 'Incident'], ['status', 'Status'], ['age', 'Age'],
    ['since', 'Since last public update'], ['next', 'Next update'], ['components', 'Components']]) {
    cells[key] = element('td', { 'data-label': label, class: key });
    tr.append(cells[key]);
  }
  cells.badge = element('span');
  cells.severity.append(cells.badge);
  cells.link = element('a', { href: `#/incidents/${encodeURIComponent(incident.incidentId)}` });
  cells.title.append(cells.link);
  return { element: tr, cells };
}

function fillRow({ element: row, cells }, incident, now) {
  const late = lateness(incident, now);
  row.className = late === null ? '' : 'overdue';
  cells.badge.className = `badge ${incident.severity}`;
  setText(cells.badge, incident.severity);
  setText(cells.link, incident.title);
  setText(cells.status, incident.status.toLowerCase());
  setText(cells.age, formatSpan(now - Date.parse(incident.declaredAt)));
  setText(cells.since, incident.lastPublicUpdateAt ? formatSpan(now - Date.parse(incident.lastPublicUpdateAt))
    : 'none yet');
  setText(cells.next, nextUpdateText(incident, now));
  const underMaintenance = maintenanceOn(incident.components);
  setText(cells.components, (incident.components.join(', ') || '—')
    + (underMaintenance ? ` · under maintenance: ${underMaintenance}` : ''));
}

/** The titles of windows under way on any of {@code components}, or '' when none is. */
function maintenanceOn(components) {
  return currentMaintenance.filter((maintenance) => maintenance.status === 'IN_PROGRESS'
    && maintenance.components.some((component) => components.includes(component)))
    .map((maintenance) => maintenance.title).join(', ');
}

async function refreshMaintenance() {
  try {
    currentMaintenance = await readJson('/maintenances?current=true');
    renderMaintenance();
  } catch (error) {
    document.getElementById('no-maintenance').textContent = 'Maintenance could not be read; retrying.';
  }
}

function renderMaintenance() {
  const now = Date.now();
  document.getElementById('maintenance-list').replaceChildren(...currentMaintenance.map((maintenance) => {
    const late = maintenance.overrun || maintenance.lateToStart;
    return element('li', { 'data-maintenance': maintenance.maintenanceId, class: late ? 'overdue' : '' },
      element('strong', { text: maintenance.title }),
      ` · ${maintenance.status === 'IN_PROGRESS' ? 'under way' : 'planned'} · ${maintenance.audience.toLowerCase()}`
        + ` · ${maintenance.components.join(', ')} · `,
      exactTime(maintenance.startsAt), ' to ', exactTime(maintenance.endsAt),
      maintenance.overrun ? ` · ⚠ running over by ${formatSpan(now - Date.parse(maintenance.endsAt))}` : '',
      maintenance.lateToStart ? ` · ⚠ not started, due ${formatSpan(now - Date.parse(maintenance.startsAt))} ago`
        : '');
  }));
  document.getElementById('no-maintenance').hidden = currentMaintenance.length > 0;
}

setInterval(() => {
  if (!document.getElementById('board-view').hidden) refreshMaintenance();
}, MAINTENANCE_REFRESH_MS);

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function nextUpdateText(incident, now) {
  if (!incident.nextUpdateDueAt) return '—';
  const late = lateness(incident, now);
  if (late !== null) return `⚠ Overdue: ${formatSpan(late)} late`;
  return `due in ${formatSpan(Date.parse(incident.nextUpdateDueAt) - now)}`;
}

function updateComponentFilter() {
  const names = new Set([...incidents.values()].filter((i) => i.open).flatMap((i) => i.components));
  const current = [...filters.component.options].slice(1).map((option) => option.value);
  const wanted = [...names].sort();
  if (wanted.join('\n') === current.join('\n')) return;
  const selected = filters.component.value;
  filters.component.replaceChildren(element('option', { value: '', text: 'All' }),
    ...wanted.map((name) => element('option', { value: name, text: name })));
  filters.component.value = wanted.includes(selected) ? selected : '';
}

/** Countdowns and ages move every second; an incident whose promise passes turns overdue here. */
setInterval(() => {
  if (!document.getElementById('board-view').hidden) renderBoard();
  if (openIncidentId) renderCountdown(incidents.get(openIncidentId));
}, 1000);

// ---- one incident -----------------------------------------------------------------------------------------

/**
 * Reads the open incident again. Its live events can come faster than a reading takes: one reading runs at a time
 * and one more follows if anything came meanwhile, so an earlier answer never overwrites a later one.
 */
let incidentReading = null;
let incidentChangedMeanwhile = false;

function refreshOpenIncident() {
  if (!openIncidentId) return;
  if (incidentReading) {
    incidentChangedMeanwhile = true;
    return;
  }
  const incidentId = openIncidentId;
  incidentReading = showIncident(incidentId).catch((error) => {
    if (incidentId === openIncidentId) {
      document.getElementById('incident-title').textContent = `Could not load ${incidentId}: ${error.message}`;
    }
  }).finally(() => {
    incidentReading = null;
    if (incidentChangedMeanwhile) {
      incidentChangedMeanwhile = false;
      refreshOpenIncident();
    }
  });
}

async function showIncident(incidentId) {
  const [incident, timeline] = await Promise.all([
    readJson(`/incidents/${encodeURIComponent(incidentId)}`),
    readJson(`/incidents/${encodeURIComponent(incidentId)}/timeline`)]);
  remember(incident);
  if (incidentId !== openIncidentId) return;
  document.getElementById('incident-title').replaceChildren(
    element('span', { class: `badge ${incident.severity}`, text: incident.severity }), ' ', incident.title);
  const facts = [
    ['Status', incident.status.toLowerCase()],
    ['Commander', incident.commander || '—'],
    ['Components', incident.components.join(', ') || '—'],
    ['Under maintenance', maintenanceOn(incident.components) || 'no'],
    ['Detected', exactTime(incident.detectedAt)],
    ['Declared', exactTime(incident.declaredAt)],
    ['First public update', incident.firstPublicUpdateAt ? exactTime(incident.firstPublicUpdateAt) : 'none yet'],
    ['Last public update', incident.lastPublicUpdateAt ? exactTime(incident.lastPublicUpdateAt) : 'none yet'],
    ['Next update', element('span', { id: 'incident-next' })],
    ['Promises kept / missed', `${incident.promisesKept} / ${incident.promisesMissed}`],
    ['Resolved', incident.resolvedAt ? exactTime(incident.resolvedAt) : 'not yet'],
  ];
  document.getElementById('incident-state').replaceChildren(
    ...facts.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', {}, value)]));
  document.getElementById('incident-rca').replaceChildren(...rcaText(incident));
  renderIncidentActions(incident.correctiveActions || []);
  showIncidentActions(incident);
  document.getElementById('incident-timeline').replaceChildren(...timeline.map((entry) => element('li',
    { class: entry.isPublic ? 'public' : 'internal' },
    element('span', { class: 'audience', text: entry.isPublic ? 'Public' : 'Internal' }),
    exactTime(entry.at), ' · ', entry.kind, ' · ', entry.actor,
    element('div', { class: 'text', text: entry.text }))));
  renderCountdown(incident);
}

function rcaText(incident) {
  if (incident.rcaPublishedAt) return ['Published ', exactTime(incident.rcaPublishedAt), '.'];
  if (incident.rcaDueAt && incident.rcaOverdue) {
    return [element('span', { class: 'late', text: '⚠ Overdue: ' }), 'was due ', exactTime(incident.rcaDueAt)];
  }
  if (incident.rcaDueAt) return ['Committed, due ', exactTime(incident.rcaDueAt), '.'];
  return ['Not due yet: resolving the incident commits to a date.'];
}

// ---- corrective actions -----------------------------------------------------------------------------------

const ACTION_STATES = { OPEN: 'open', COMPLETED: 'done', DECLINED: 'declined' };

/** An open action's due date, marked when it has passed; the settled ones say when and how they were settled. */
function actionState(action) {
  if (action.state === 'COMPLETED') {
    return [`done ${action.onTime ? 'on time' : 'late'} `, exactTime(action.settledAt), ': ', action.settlement];
  }
  if (action.state === 'DECLINED') return ['declined ', exactTime(action.settledAt), ': ', action.settlement];
  return [action.overdue ? element('span', { class: 'late', text: '⚠ overdue' }) : ACTION_STATES.OPEN,
    action.timesRescheduled ? ` (rescheduled ${action.timesRescheduled}×)` : ''];
}

function dueCell(action) {
  if (!action.dueAt) return element('td', { 'data-label': 'Due', text: '—' });
  const late = action.state === 'OPEN' && (action.overdue || Date.parse(action.dueAt) < Date.now());
  return element('td', { 'data-label': 'Due', class: late ? 'late' : '' }, exactTime(action.dueAt));
}

function renderIncidentActions(actions) {
  const table = document.getElementById('incident-actions');
  table.hidden = actions.length === 0;
  table.tBodies[0].replaceChildren(...actions.map((action) => element('tr', { 'data-action': action.id },
    element('td', { 'data-label': 'Action', text: action.id }),
    element('td', { 'data-label': 'What', text: action.description }),
    element('td', { 'data-label': 'Owner', text: action.owner }),
    dueCell(action),
    element('td', { 'data-label': 'State' }, ...actionState(action)))));
}

async function showOpenActions() {
  const actions = await readJson('/corrective-actions');
  document.querySelector('#open-actions tbody').replaceChildren(...actions.map((action) => element('tr',
    { 'data-action': `${action.incidentId}/${action.actionId}`, class: action.overdue ? 'overdue' : '' },
    dueCell({ ...action, state: 'OPEN' }),
    element('td', { 'data-label': 'Action', text: action.actionId }),
    element('td', { 'data-label': 'What', text: action.description }),
    element('td', { 'data-label': 'Owner', text: action.owner }),
    element('td', { 'data-label': 'Incident' }, element('span', { class: `badge ${action.severity}`, text: action.severity }),
      ' ', element('a', { href: `#/incidents/${encodeURIComponent(action.incidentId)}`, text: action.title })))));
  document.getElementById('no-open-actions').hidden = actions.length > 0;
}

function renderCountdown(incident) {
  const next = document.getElementById('incident-next');
  if (!next || !incident) return;
  const text = nextUpdateText(incident, Date.now());
  next.textContent = incident.nextUpdateDueAt ? `${text} (${formatDateTime(incident.nextUpdateDueAt, true)})` : text;
  next.className = lateness(incident, Date.now()) === null ? '' : 'late';
}

// ---- communication charts ---------------------------------------------------------------------------------

const WEEK = 7 * 24 * 3600 * 1000;
const METRICS = [
  { key: 'declarationToFirstPublicUpdateMedian', title: 'Time to first public update (median, minutes)',
    value: (f) => f.declarationToFirstPublicUpdateMedian == null ? null : f.declarationToFirstPublicUpdateMedian / 60 },
  { key: 'promisesKeptShare', title: 'Promises kept (%)',
    value: (f) => f.promisesKeptShare == null ? null : f.promisesKeptShare * 100 },
  { key: 'lateUpdateLatenessP90', title: 'Lateness of late updates (p90, minutes)',
    value: (f) => f.lateUpdateLatenessP90 == null ? null : f.lateUpdateLatenessP90 / 60 },
  { key: 'correctiveActionsOnTime', title: 'Corrective actions done on time (%)',
    value: (f) => f.correctiveActionsDue ? (f.correctiveActionsOnTime / f.correctiveActionsDue) * 100 : null },
];
// The same colours as the legend's .swatch-SEVn classes in dashboard.css (no inline styles: the CSP forbids them).
const COLOURS = { SEV1: '#a40e26', SEV2: '#953800', SEV3: '#0550ae', SEV4: '#424a53' };

async function showReport() {
  const end = Date.now();
  const report = await readJson('/reports/communication?bucket=P7D&from='
    + encodeURIComponent(new Date(end - 8 * WEEK).toISOString()) + '&to=' + encodeURIComponent(new Date(end).toISOString()));
  const reports = report.buckets;
  const weeks = reports.map((bucket) => ({ from: Date.parse(bucket.from), to: Date.parse(bucket.to) }));
  document.getElementById('report-charts').replaceChildren(
    ...METRICS.map((metric) => chart(metric, weeks, reports)));
}

function chart(metric, weeks, reports) {
  const series = SEVERITIES.map((severity) => ({ severity, points: reports.map((report) => {
    const figures = report.bySeverity.find((f) => f.severity === severity);
    return figures ? metric.value(figures) : null;
  }) })).filter((s) => s.points.some((p) => p !== null));
  const labels = weeks.map((week) => new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
    .format(new Date(week.from)));
  const figure = element('figure', { class: 'chart' }, element('figcaption', { text: metric.title }));
  figure.append(svgChart(series, labels, metric.title), legend(series), dataTable(series, labels));
  return figure;
}

function svgChart(series, labels, title) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 360, height = 180, left = 36, bottom = 24, top = 10;
  const max = Math.max(1, ...series.flatMap((s) => s.points.filter((p) => p !== null)));
  const x = (i) => left + (i * (width - left - 10)) / (labels.length - 1);
  const y = (v) => top + (height - top - bottom) * (1 - v / max);
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}; the figures are in the table below`);
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
  };
  add('line', { x1: left, y1: y(0), x2: width - 10, y2: y(0), stroke: '#57606a' });
  add('text', { x: 2, y: y(max) + 4, 'font-size': 10, fill: '#1f2328' }, Math.round(max));
  add('text', { x: 2, y: y(0), 'font-size': 10, fill: '#1f2328' }, '0');
  labels.forEach((label, i) => i % 2 === 0
    && add('text', { x: x(i) - 12, y: height - 6, 'font-size': 10, fill: '#1f2328' }, label));
  for (const s of series) {
    const points = s.points.map((p, i) => (p === null ? null : `${x(i)},${y(p)}`)).filter(Boolean);
    add('polyline', { points: points.join(' '), fill: 'none', stroke: COLOURS[s.severity], 'stroke-width': 2 });
    s.points.forEach((p, i) => p !== null && add('circle', { cx: x(i), cy: y(p), r: 3, fill: COLOURS[s.severity] }));
  }
  if (series.length === 0) add('text', { x: left + 10, y: height / 2, 'font-size': 12, fill: '#57606a' }, 'No incidents in these weeks');
  return svg;
}

function legend(series) {
  return element('ul', { class: 'legend' }, ...series.map((s) => element('li', {},
    element('span', { class: `swatch-${s.severity}` }), s.severity)));
}

function dataTable(series, labels) {
  const table = element('table', {}, element('caption', { class: 'visually-hidden', text: 'Figures per week' }));
  table.append(element('tr', {}, element('th', { scope: 'col', text: 'Week of' }),
    ...series.map((s) => element('th', { scope: 'col', text: s.severity }))));
  labels.forEach((label, i) => table.append(element('tr', {}, element('th', { scope: 'row', text: label }),
    ...series.map((s) => element('td', { text: s.points[i] === null ? '—' : s.points[i].toFixed(1) })))));
  return table;
}

// ---- navigation -------------------------------------------------------------------------------------------

function route() {
  const hash = location.hash || '#/';
  const incidentMatch = hash.match(/^#\/incidents\/(.+)$/);
  openIncidentId = incidentMatch ? decodeURIComponent(incidentMatch[1]) : null;
  document.getElementById('board-view').hidden = hash !== '#/';
  document.getElementById('incident-view').hidden = !openIncidentId;
  document.getElementById('report-view').hidden = hash !== '#/report';
  document.getElementById('actions-view').hidden = hash !== '#/actions';
  refreshOpenIncident();
  if (hash === '#/actions') showOpenActions().catch((error) => {
    document.getElementById('no-open-actions').hidden = false;
    document.getElementById('no-open-actions').textContent = `Could not load the actions: ${error.message}`;
  });
  if (hash === '#/report') showReport().catch((error) => {
    document.getElementById('report-charts').textContent = `Could not load the report: ${error.message}`;
  });
}

/** Opens an incident just declared once the projection has read it (a moment after the command's answer). */
async function openWhenKnown(incidentId) {
  const path = `/incidents/${encodeURIComponent(incidentId)}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await authorised(path, { headers: { Accept: 'application/json' } });
    if (response.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  location.hash = `#${path}`;
}

/** Shows who is signed in; a problem signing in leaves the page with the reason and a way to try again. */
async function signInFirst() {
  try {
    const user = await signIn();
    document.getElementById('user-name').textContent = user.name;
    document.getElementById('signed-in').hidden = false;
    document.getElementById('sign-out').addEventListener('click', signOut);
    setUpActions(user, commandService(), openWhenKnown).catch((error) => {
      document.getElementById('declare-slot').textContent = `Commands cannot be sent from here now: ${error.message}`;
    });
    return true;
  } catch (error) {
    showConnection(`Not signed in: ${error.message}.`, 'down');
    document.getElementById('sign-in-again').hidden = false;
    return false;
  }
}

if (await signInFirst()) {
  window.addEventListener('hashchange', route);
  route();
  connect();
}
