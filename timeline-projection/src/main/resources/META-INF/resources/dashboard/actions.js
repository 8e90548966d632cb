// The dashboard's write actions: the forms a responder or a commander sends commands with, to incident-commands (a
// service of another origin, which lists this one among its CORS origins), as the signed-in person. A form is put
// into the page only for a role the command's route allows, so a viewer's page holds none. The server decides every
// rule again; a problem it answers is announced at the top of the form and shown beside the field it names. What is
// typed is kept as a draft in this tab's session storage until the command is accepted, so neither a refused
// submit, nor a reload, nor a round trip to the sign-in page loses it.
import { element, formatDateTime, formatSpan } from '../shared/format.js';
import { authorised } from './sign-in.js';
import { offerTemplates, spokenDate, spokenTime } from './templates.js';

const MAY = {
  commander: ['incident-commander', 'incident-admin'],
  responder: ['incident-responder', 'incident-commander', 'incident-admin'],
};
const MEANING = {
  SEV1: 'Full outage: customers cannot transact',
  SEV2: 'Major: a main feature is down or badly degraded for many customers',
  SEV3: 'Minor: degraded, with a workaround',
  SEV4: 'Low: few customers, or cosmetic',
};
const DRAFTS = 'incidents.dashboard.draft';
const POLL_MS = 500;
const POLL_LIMIT_MS = 30000;

let commandsUrl = null;
let roles = [];
/** The signed-in person's user name: the commander or owner a form names by default. */
let userId = '';
/** Severity -> { cadenceSeconds, rcaWindowSeconds }, as the command service applies them. */
const rules = new Map();
/** Component id -> display name, from the catalog. */
const componentNames = new Map();
let current = null;

/** Reads the rules and puts into the page the forms this person may use; {@code onDeclared(id)} opens an incident. */
export async function setUpActions(user, commands, onDeclared) {
  commandsUrl = commands.replace(/\/$/, '');
  roles = user.roles;
  userId = user.id;
  if (!may('responder')) return;
  const policy = await (await send('GET', '/policy')).json();
  policy.severities.forEach((entry) => rules.set(entry.severity, entry));
  const catalog = send('GET', '/components').then((answer) => answer.json());
  catalog.then((components) => components.forEach((c) => componentNames.set(c.id, c.name))).catch(() => {});
  if (may('commander')) {
    document.getElementById('declare-slot').append(fromTemplate('declare-template'));
    setUpDeclare(onDeclared, catalog);
  }
  const panel = fromTemplate('incident-commands-template');
  panel.querySelectorAll('[data-role]').forEach((part) => {
    if (!may(part.dataset.role)) part.remove();
  });
  document.getElementById('incident-commands-slot').append(panel);
  document.querySelectorAll('#incident-commands-slot form').forEach((form) => wire(form, () => incidentPath()));
  setUpSeverityChange();
  setUpRca();
  document.querySelectorAll('#declare-form, #incident-commands-slot form').forEach((form) =>
    offerTemplates(form, send, templateValues, saveDraft));
  setInterval(showLatestAllowed, 1000);
  if (current) {
    const shown = current;
    current = null;
    showIncidentActions(shown);
  }
}

/** The incident the incident view now shows: which forms apply, their defaults, this incident's drafts. */
export function showIncidentActions(incident) {
  const slot = document.getElementById('incident-commands-slot');
  const changed = current?.incidentId !== incident.incidentId;
  current = incident;
  if (!slot.firstElementChild) return;
  const state = incident.open ? 'open' : incident.rcaPublishedAt ? 'done' : 'rca-due';
  slot.querySelectorAll('details[data-when]').forEach((part) => {
    part.hidden = part.dataset.when !== state;
  });
  slot.firstElementChild.hidden = state === 'done';
  if (changed) {
    slot.querySelectorAll('form').forEach((form) => {
      fillIn(form);
      form.querySelector('.form-status').textContent = '';
    });
  }
  showLatestAllowed();
}

function may(what) {
  return MAY[what].some((role) => roles.includes(role));
}

function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

function incidentPath() {
  return `/incidents/${encodeURIComponent(current.incidentId)}`;
}

// ---- the forms --------------------------------------------------------------------------------------------

function setUpDeclare(onDeclared, catalog) {
  const form = document.getElementById('declare-form');
  form.querySelector('[data-severity-choices]').replaceChildren(...[...rules.values()].map((rule, index) =>
    element('label', { class: 'severity-choice' },
      element('input', { type: 'radio', name: 'severity', value: rule.severity, required: '', ...(index === 0 ? { checked: '' } : {}) }),
      element('span', { class: `badge ${rule.severity}`, text: rule.severity }), ' ',
      `${MEANING[rule.severity]} · a public update at least every ${plainDuration(rule.cadenceSeconds)}, `
        + `the RCA within ${plainDuration(rule.rcaWindowSeconds)}`)));
  catalog.then((components) => {
    form.elements.components.replaceChildren(...components.map((component) =>
      element('option', {
        value: component.id,
        'data-name': component.name,
        text: component.group ? `${component.group}: ${component.name}` : component.name,
      })));
    restoreDraft(form);
  }).catch((error) => showProblem(form, { detail: `The component catalog could not be read: ${error.message}` }));
  wire(form, () => '', (answer) => onDeclared(answer.incidentId));
  form.elements.commander.value = userId;
  form.addEventListener('reset', () => setTimeout(() => { form.elements.commander.value = userId; }));
  restoreDraft(form);
}

function setUpSeverityChange() {
  const select = document.getElementById('severity-severity');
  if (select) select.replaceChildren(...[...rules.keys()].map((s) => element('option', { value: s, text: s })));
}

function setUpRca() {
  const form = document.getElementById('rca-form');
  if (!form) return;
  const rows = form.querySelector('[data-action-rows]');
  const addRow = () => rows.append(fromTemplate('action-row-template'));
  form.querySelector('[data-add-action]').addEventListener('click', () => {
    addRow();
    rows.lastElementChild.querySelector('input').focus();
  });
  form.addEventListener('reset', () => setTimeout(() => rows.replaceChildren(fromTemplate('action-row-template'))));
  addRow();
}

/** Defaults for the incident shown, then what was typed for it before, if anything. */
function fillIn(form) {
  form.reset();
  clearProblems(form);
  if (form.id === 'declare-form' || !current) return;
  const now = Date.now();
  const set = (name, value) => {
    if (form.elements[name]) form.elements[name].value = value;
  };
  set('nextUpdateAt', localInput(latestAllowed('cadence', now)));
  set('rcaDueAt', localInput(latestAllowed('rca-window', now)));
  set('rcaOwner', current.commander || userId);
  set('receivedAt', localInput(now));
  set('severity', current.severity === 'SEV1' ? 'SEV2' : 'SEV1');
  restoreDraft(form);
}

/** The latest time the server accepts now, from the incident's severity: a promise within the cadence, an RCA within its window. */
function latestAllowed(kind, now) {
  const rule = rules.get(current?.severity);
  if (!rule) return now;
  return now + 1000 * (kind === 'cadence' ? rule.cadenceSeconds : rule.rcaWindowSeconds);
}

function showLatestAllowed() {
  const now = Date.now();
  document.querySelectorAll('#incident-commands-slot [data-latest]').forEach((input) => {
    const hint = document.querySelector(`[data-hint-for="${input.id}"]`);
    const latest = latestAllowed(input.dataset.latest, now);
    hint.textContent = `Latest allowed: ${formatDateTime(new Date(latest).toISOString(), true)} `
      + `(${formatSpan(latest - now)} from now)`;
  });
}

/** The values of a template's placeholders: what the form and the incident shown say now. */
function templateValues(form, language) {
  const values = {};
  const put = (name, value) => {
    if (value) values[name] = value;
  };
  const field = (name) => form.elements[name]?.value;
  if (form.id === 'declare-form') {
    put('component', [...form.elements.components.selectedOptions].map((option) => option.dataset.name).join(', '));
    put('severity', field('severity'));
    put('commander', field('commander'));
    return values;
  }
  put('component', current.components.map((id) => componentNames.get(id) ?? id).join(', '));
  put('severity', current.severity);
  put('commander', current.commander);
  put('title', current.title);
  put('incidentId', current.incidentId);
  if (field('nextUpdateAt')) put('nextUpdateAt', spokenTime(new Date(field('nextUpdateAt')).getTime(), language));
  if (field('rcaDueAt')) put('rcaDueAt', spokenDate(new Date(field('rcaDueAt')).getTime(), language));
  put('rcaOwner', field('rcaOwner'));
  return values;
}

// ---- sending ----------------------------------------------------------------------------------------------

/** Submits the form as its command; {@code base()} is the path its own path is below. */
function wire(form, base, done = () => {}) {
  form.addEventListener('input', () => saveDraft(form));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    clearProblems(form);
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const answer = await decided(await send('POST', base() + form.dataset.path, body(form)));
      if (answer.problem) {
        showProblem(form, answer.problem);
        return;
      }
      forgetDraft(form);
      fillIn(form);
      form.querySelector('.form-status').textContent = `${form.dataset.success}.`;
      form.closest('details').open = form.id !== 'declare-form';
      done(answer);
    } catch (error) {
      showProblem(form, { detail: `Not sent: ${error.message}. What you typed is kept; try again.` });
    } finally {
      button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}

function send(method, path, json) {
  return authorised(commandsUrl + path, {
    method,
    headers: { Accept: 'application/json', ...(json ? { 'Content-Type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
}

/** The decision: the answer itself, or, for a 202, the command polled until it is decided. */
async function decided(response) {
  if (response.headers.get('Content-Type')?.includes('problem+json')) return { problem: await response.json() };
  if (!response.ok) return { problem: { detail: `The command service answered ${response.status}.` } };
  let answer = await response.json();
  const until = Date.now() + POLL_LIMIT_MS;
  while (answer.outcome === 'PENDING' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    answer = await (await send('GET', `/commands/${encodeURIComponent(answer.commandId)}`)).json();
  }
  if (answer.outcome === 'PENDING') return { problem: { detail: 'Sent, but not decided yet: look again in a moment.' } };
  return answer.outcome === 'REJECTED' ? { problem: answer.problem } : answer;
}

/** The command's JSON from the form: times as instants, a dotted name as a nested field, empty optionals left out. */
function body(form) {
  const data = new FormData(form);
  const json = {};
  for (const [name, value] of data) {
    if (name.startsWith('correctiveActions.') || name === 'components' || value === '') continue;
    const input = form.elements[name];
    const typed = input?.type === 'datetime-local' ? new Date(value).toISOString() : value;
    const [outer, inner] = name.split('.');
    if (inner) json[outer] = { ...json[outer], [inner]: typed };
    else json[name] = typed;
  }
  if (form.elements.components) json.components = data.getAll('components');
  if (json.audience === 'INTERNAL') delete json.nextUpdateAt;
  const rows = [...form.querySelectorAll('.action-row')];
  if (rows.length) {
    json.correctiveActions = rows.map((row) => Object.fromEntries([...row.querySelectorAll('input')]
      .filter((input) => input.value !== '')
      .map((input) => [input.name.split('.')[1],
        input.type === 'datetime-local' ? new Date(input.value).toISOString() : input.value])))
      .filter((action) => Object.keys(action).length > 0);
  }
  return json;
}

// ---- problems ---------------------------------------------------------------------------------------------

/** Says why at the top of the form; a message about one field goes beside it, and the top line points there. */
function showProblem(form, problem) {
  const summary = form.querySelector('.form-error');
  summary.textContent = `Not accepted: ${problem.detail || problem.title || 'the command was refused'}`;
  summary.hidden = false;
  const violations = problem.violations?.length ? problem.violations
    : problem.field ? [{ field: problem.field, message: problem.detail }] : [];
  let first = null;
  for (const violation of violations) {
    const input = fieldFor(form, violation.field);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    const line = errorLineFor(form, input);
    if (line) {
      line.textContent = violation.message;
      line.hidden = false;
    }
    first ??= input;
  }
  if (first) {
    const label = first.labels?.[0]?.childNodes[0]?.textContent?.trim() || 'the marked field';
    summary.textContent = `Not accepted: see ${violations.length > 1 ? 'the marked fields' : `“${label}”`} below.`;
  }
  (first ?? summary).focus?.();
}

function fieldFor(form, field) {
  const named = form.querySelector(`[name="${CSS.escape(field)}"]`);
  if (named) return named;
  return field === 'correctiveActions' ? form.querySelector('[name="correctiveActions.description"]') : null;
}

function errorLineFor(form, input) {
  const described = (input.closest('fieldset') ?? input).getAttribute('aria-describedby') ?? '';
  const id = described.split(' ').find((candidate) => candidate.endsWith('-error'));
  return id ? form.querySelector(`#${id}`) : form.querySelector('.action-rows')?.closest('fieldset')
    ?.nextElementSibling;
}

function clearProblems(form) {
  form.querySelector('.form-error').hidden = true;
  form.querySelectorAll('.field-error').forEach((line) => {
    line.hidden = true;
    line.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

// ---- drafts -----------------------------------------------------------------------------------------------

function draftKey(form) {
  return `${DRAFTS}.${form.id}.${form.id === 'declare-form' ? 'new' : current?.incidentId}`;
}

function saveDraft(form) {
  sessionStorage.setItem(draftKey(form), JSON.stringify([...new FormData(form)]));
}

function forgetDraft(form) {
  sessionStorage.removeItem(draftKey(form));
}

/**
 * Puts back what was typed (repeated names, the RCA's action rows or several components, in their order) and unfolds
 * its panel, so the person sees it is still there.
 */
function restoreDraft(form) {
  const saved = JSON.parse(sessionStorage.getItem(draftKey(form)) ?? 'null');
  if (!saved) return;
  form.closest('details').open = true;
  const byName = new Map();
  saved.forEach(([name, value]) => byName.set(name, [...(byName.get(name) ?? []), value]));
  const rows = form.querySelector('[data-action-rows]');
  while (rows && rows.children.length < (byName.get('correctiveActions.description')?.length ?? 0)) {
    rows.append(fromTemplate('action-row-template'));
  }
  for (const [name, values] of byName) {
    form.querySelectorAll(`[name="${CSS.escape(name)}"]`).forEach((input, index) => {
      if (input.type === 'radio' || input.type === 'checkbox') input.checked = values.includes(input.value);
      else if (input.multiple) [...input.options].forEach((option) => { option.selected = values.includes(option.value); });
      else if (index < values.length) input.value = values[index];
    });
  }
}

/** Seconds as people say them: "15 min", "2 h", "5 days". */
function plainDuration(seconds) {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${Math.round(seconds / 60)} min`;
}

/** A time as a datetime-local input shows it: the viewer's own clock, to the second. */
function localInput(millis) {
  const date = new Date(millis);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    + `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
