// The status page's sign-up: a reader subscribes by email (a confirmation link comes first; nothing else is sent
// before it is followed) or by webhook (the signing secret is shown here once), to every component or some, in a
// language of their choice. The form posts to the notifier's POST /public/subscriptions, whose address
// GET /public/sign-up names; its problems are shown at the top of the form and beside the field they name.
import { element, getJson, viewerZone } from '../shared/format.js';

const form = document.getElementById('subscribe-form');
const status = form.querySelector('.form-status');
const summary = form.querySelector('.form-error');
const target = document.getElementById('subscribe-target');
const TARGETS = {
  EMAIL: { label: 'Email address', type: 'email', autocomplete: 'email' },
  WEBHOOK: { label: 'Webhook URL (https)', type: 'url', autocomplete: 'url' },
};
let signUpUrl = null;

form.elements.locale.value = form.elements.locale.querySelector(
  `option[value="${navigator.language}"], option[value="${navigator.language.split('-')[0]}"]`)?.value ?? 'en';
form.addEventListener('change', (event) => {
  if (event.target.name === 'channel') showTarget(event.target.value);
  if (event.target.closest('[data-components]')) form.elements.scope.value = 'some';
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  signUp();
});

/** The choices: each group (all of it) and its components, then the ungrouped ones, as summary.json lists them. */
async function loadChoices() {
  const [signUp, page] = await Promise.all([getJson('/public/sign-up'), getJson('/api/v2/summary.json')]);
  signUpUrl = signUp.subscriptionsUrl;
  const byId = new Map(page.components.map((component) => [component.id, component]));
  const box = (name, value, text) => element('label', {}, element('input', { type: 'checkbox', name, value }), ` ${text}`);
  form.querySelector('[data-components]').replaceChildren(...page.components.filter((c) => !c.group_id).map((c) => {
    if (!c.group) return box('components', c.id, c.name);
    return element('fieldset', { class: 'subscribe-group' }, element('legend', { text: c.name }),
      box('groups', c.name, `All of ${c.name}`),
      ...c.components.map((id) => byId.get(id)).filter(Boolean).map((member) => box('components', member.id, member.name)));
  }));
}

function showTarget(channel) {
  const shape = TARGETS[channel];
  document.getElementById('subscribe-target-label').textContent = shape.label;
  target.type = shape.type;
  target.autocomplete = shape.autocomplete;
}

async function signUp() {
  clearProblems();
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const response = await fetch(signUpUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request()),
    });
    const answer = await response.json();
    if (!response.ok) {
      showProblem(answer, response.status);
      return;
    }
    showSignedUp(answer);
    form.reset();
    showTarget('EMAIL');
  } catch (error) {
    showProblem({ detail: `The sign-up could not be sent (${error.message}); try again.` });
  } finally {
    button.disabled = false;
  }
}

function request() {
  const data = new FormData(form);
  const some = data.get('scope') === 'some';
  return {
    channel: data.get('channel'),
    target: data.get('target').trim(),
    locale: data.get('locale'),
    timeZone: viewerZone,
    components: some ? data.getAll('components') : [],
    groups: some ? data.getAll('groups') : [],
  };
}

function showSignedUp(answer) {
  if (answer.channel === 'EMAIL') {
    status.replaceChildren(element('p', { text: `Almost done: we sent a confirmation link to ${answer.target}. `
      + 'Nothing else is sent to it until you follow the link.' }));
    return;
  }
  status.replaceChildren(
    element('p', { text: `Subscribed: ${answer.target} will get each public update, signed as Standard Webhooks.` }),
    element('p', {}, element('strong', { text: 'Your signing secret, shown this once: ' }),
      element('code', { id: 'subscribe-secret', text: answer.secret })),
    element('p', {}, 'To stop: POST ', element('code', { text: 'List-Unsubscribe=One-Click' }), ' to ',
      element('code', { id: 'subscribe-unsubscribe', text: answer.unsubscribeUrl }), '.'));
}

function showProblem(problem, httpStatus) {
  summary.textContent = httpStatus === 429 ? `Too many sign-ups from here for now: ${problem.detail}`
    : `Not subscribed: ${problem.detail || problem.title || 'the sign-up was refused'}`;
  summary.hidden = false;
  const violations = problem.violations?.length ? problem.violations
    : problem.field ? [{ field: problem.field, message: problem.detail }] : [];
  for (const violation of violations) {
    const line = document.getElementById(`subscribe-${violation.field === 'groups' ? 'components' : violation.field}-error`);
    if (!line) continue;
    line.textContent = violation.message;
    line.hidden = false;
    if (violation.field === 'target') target.setAttribute('aria-invalid', 'true');
  }
  (target.getAttribute('aria-invalid') ? target : summary).focus?.();
}

function clearProblems() {
  summary.hidden = true;
  status.replaceChildren();
  target.removeAttribute('aria-invalid');
  form.querySelectorAll('.field-error').forEach((line) => {
    line.hidden = true;
    line.textContent = '';
  });
}

loadChoices().catch((error) => {
  form.hidden = true;
  form.before(element('p', { class: 'muted', text: `Sign-up is not available right now (${error.message}).` }));
});
