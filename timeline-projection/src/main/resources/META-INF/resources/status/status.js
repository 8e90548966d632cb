// Public status page: reads only the public JSON (summary.json, incidents.json), which never holds internal words.
import { element, formatDateTime, formatSpan, getJson, timeElement, viewerZone } from '../shared/format.js';

const REFRESH_MS = 30000;
const UPTIME_DAYS = 90;
const CONDITIONS = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};
const MAINTENANCE_STATUSES = { scheduled: 'Scheduled', in_progress: 'In progress', verifying: 'Verifying',
  completed: 'Completed' };
const STATUSES = {
  investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved',
  postmortem: 'Resolved, report published',
};

document.getElementById('viewer-zone').textContent = viewerZone;

async function refresh() {
  try {
    const [summary, recent, uptime] = await Promise.all([getJson('/api/v2/summary.json'),
      getJson('/api/v2/incidents.json'), getJson(`/api/v2/uptimes.json?days=${UPTIME_DAYS}`)]);
    render(summary, recent.incidents.filter((incident) => incident.resolved_at),
      new Map(uptime.map((entry) => [entry.component.id, entry])));
    document.getElementById('checked-at').textContent = formatDateTime(new Date().toISOString());
  } catch (error) {
    const overall = document.getElementById('overall');
    overall.textContent = 'The status could not be loaded; retrying.';
    overall.className = 'indicator unknown';
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

function render(summary, resolved, uptimes) {
  document.getElementById('page-name').textContent = summary.page.name;
  document.title = summary.page.name;
  const overall = document.getElementById('overall');
  overall.textContent = summary.status.description;
  overall.className = `indicator ${summary.status.indicator}`;
  document.getElementById('components').replaceChildren(...componentItems(summary.components, uptimes));
  if (summary.components.length === 0) {
    document.getElementById('components').replaceChildren(element('li', { class: 'muted', text: 'No components listed.' }));
  }
  const maintenances = summary.scheduled_maintenances || [];
  document.getElementById('maintenances').replaceChildren(...maintenances.map(maintenanceArticle));
  document.getElementById('maintenance-section').hidden = maintenances.length === 0;
  document.getElementById('open-incidents').replaceChildren(...summary.incidents.map(incidentArticle));
  document.getElementById('no-open').hidden = summary.incidents.length > 0;
  document.getElementById('history').replaceChildren(...resolved.map(incidentArticle));
  document.getElementById('no-history').hidden = resolved.length > 0;
}

// Groups (Statuspage's group components) fold their members away; one with trouble opens itself.
function componentItems(components, uptimes) {
  const byId = new Map(components.map((component) => [component.id, component]));
  const item = (component) => componentItem(component, uptimes.get(component.id));
  return components.filter((component) => !component.group_id).map((component) => {
    if (!component.group) {
      return item(component);
    }
    const members = component.components.map((id) => byId.get(id)).filter(Boolean);
    const details = element('details', { class: 'group' },
      element('summary', {}, element('span', { text: component.name }), condition(component)),
      element('ul', { class: 'components', 'aria-label': component.name }, ...members.map(item)));
    details.open = component.status !== 'operational';
    return element('li', { class: 'group-item' }, details);
  });
}

function componentItem(component, uptime) {
  const line = element('div', { class: 'component-line' }, element('span', { text: component.name }),
    condition(component));
  return element('li', { 'data-component': component.id }, line, uptime ? uptimeBars(uptime) : null);
}

// One bar per day, oldest first, coloured by the day's worst condition; the title says what the day held.
function uptimeBars(uptime) {
  const bars = element('div', { class: 'uptime-bars', role: 'img',
    'aria-label': `${uptime.uptime_percent} % uptime over the last ${uptime.days} days` },
  ...uptime.history.map((day) => element('span', { class: `day ${worstOf(day)}`, title: dayText(day) })));
  return element('div', { class: 'uptime' }, bars,
    element('div', { class: 'muted uptime-legend' }, element('span', { text: `${uptime.days} days ago` }),
      element('span', { text: `${uptime.uptime_percent} % uptime` }), element('span', { text: 'Today' })));
}

function worstOf(day) {
  if (day.major_outage_minutes > 0) return 'major_outage';
  if (day.partial_outage_minutes > 0) return 'partial_outage';
  if (day.degraded_performance_minutes > 0) return 'degraded_performance';
  return 'operational';
}

function dayText(day) {
  const date = new Date(`${day.date}T12:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  const parts = [['major_outage_minutes', 'major outage'], ['partial_outage_minutes', 'partial outage'],
    ['degraded_performance_minutes', 'degraded performance']]
    .filter(([field]) => day[field] > 0).map(([field, name]) => `${formatMinutes(day[field])} ${name}`);
  return `${date}: ${parts.length ? parts.join(', ') : 'no incidents'}`;
}

function formatMinutes(minutes) {
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function condition(component) {
  return element('span', { class: `condition ${component.status}`, text: CONDITIONS[component.status] || component.status });
}

function incidentArticle(incident) {
  const article = element('article', { id: `incident-${incident.id}`, 'aria-labelledby': `title-${incident.id}` },
    element('h3', { id: `title-${incident.id}`, text: incident.name }),
    element('p', { class: 'muted' }, `${STATUSES[incident.status] || incident.status} · impact ${incident.impact}`
      + (incident.components.length ? ` · ${incident.components.map((c) => c.name).join(', ')}` : '')));
  if (incident.next_update_at) {
    const due = Date.parse(incident.next_update_at);
    article.append(element('p', { class: 'promise' }, 'Next update by ', timeElement(incident.next_update_at),
      due > Date.now() ? ` (in about ${formatSpan(due - Date.now())})` : ''));
  }
  article.append(element('ol', { class: 'updates', 'aria-label': 'Updates, newest first' },
    ...incident.incident_updates.map((update) => element('li', {},
      element('span', { class: 'update-status', text: STATUSES[update.status] || update.status }),
      timeElement(update.display_at), element('div', { class: 'text', text: update.body })))));
  if (incident.postmortem_body) {
    article.append(element('details', { open: '' }, element('summary', { text: 'Cause and corrective actions' }),
      element('p', { class: 'muted' }, 'Published ', timeElement(incident.postmortem_published_at)),
      element('div', { class: 'text', text: incident.postmortem_body }),
      ...actionProgress(incident.corrective_actions || [])));
  } else if (incident.rca_due_at) {
    article.append(element('p', {}, 'A report on the cause and our corrective actions is due by ',
      timeElement(incident.rca_due_at), '.'));
  }
  return article;
}

// A maintenance window: under way or planned, when, what it touches and what was said, newest first.
function maintenanceArticle(maintenance) {
  return element('article', { id: `maintenance-${maintenance.id}`, class: 'maintenance',
    'aria-labelledby': `title-${maintenance.id}` },
  element('h3', { id: `title-${maintenance.id}`, text: maintenance.name }),
  element('p', { class: 'muted' }, MAINTENANCE_STATUSES[maintenance.status] || maintenance.status,
    maintenance.components.length ? ` · ${maintenance.components.map((c) => c.name).join(', ')}` : ''),
  element('p', { class: 'window' }, 'From ', timeElement(maintenance.scheduled_for), ' to ',
    timeElement(maintenance.scheduled_until)),
  element('ol', { class: 'updates', 'aria-label': 'Updates, newest first' },
    ...maintenance.incident_updates.map((update) => element('li', {},
      element('span', { class: 'update-status', text: MAINTENANCE_STATUSES[update.status] || update.status }),
      timeElement(update.display_at), element('div', { class: 'text', text: update.body })))));
}

/** Where each corrective action the report promised stands: planned by a date, done, or not pursued. */
function actionProgress(actions) {
  if (actions.length === 0) return [];
  return [element('h4', { text: 'Where our corrective actions stand' }),
    element('ul', { class: 'actions' }, ...actions.map((action) => element('li', { 'data-action': action.id },
      action.description, ' — ', ...actionStatus(action))))];
}

function actionStatus(action) {
  if (action.status === 'done') return [element('strong', { text: 'done' }), ' ', timeElement(action.done_at)];
  if (action.status === 'declined') return ['not pursued'];
  return action.due_at ? ['planned by ', timeElement(action.due_at)] : ['planned'];
}

refresh();
