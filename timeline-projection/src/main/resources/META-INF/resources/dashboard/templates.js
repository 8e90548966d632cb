// Update templates in the dashboard's forms: a picker listing the templates of the form's kind (declare, update,
// resolve) from incident-commands, which fills the template in for the incident shown (its components, severity,
// the promised time...) in the language chosen. What the template replaces can be put back until the person types
// in the form, so picking a template never loses typed text; what it leaves to write is said, not hidden.
import { element } from '../shared/format.js';

/**
 * Offers the templates of {@code form}'s kind, if there are any.
 *
 * @param send      {@code send(method, path, json)}: a request to incident-commands as the signed-in person
 * @param valuesFor {@code valuesFor(form, language)}: the placeholders' values for the incident shown
 * @param changed   {@code changed(form)}: called once the form's fields were set, to keep the draft
 */
export async function offerTemplates(form, send, valuesFor, changed) {
  const picker = form.querySelector('.template-picker');
  if (!picker) return;
  const answer = await send('GET', `/templates?kind=${picker.dataset.templateKind}`);
  if (!answer.ok) return;
  const templates = await answer.json();
  if (!templates.length) return;
  const parts = {
    choice: picker.querySelector('[data-template]'),
    language: picker.querySelector('[data-template-language]'),
    status: picker.querySelector('[role=status]'),
    undo: picker.querySelector('[data-template-undo]'),
  };
  parts.choice.append(...templates.map((template) => element('option', { value: template.id, text: template.name })));
  picker.hidden = false;
  let before = null;

  const fill = async (asked) => {
    const template = templates.find((candidate) => candidate.id === parts.choice.value);
    if (!template) {
      parts.language.replaceChildren();
      parts.language.disabled = true;
      return;
    }
    const response = await send('POST', `/templates/${encodeURIComponent(template.id)}/fill`,
      { language: asked, values: valuesFor(form, asked) });
    const filled = await response.json();
    if (!response.ok) {
      parts.status.textContent = `The template could not be filled in: ${filled.detail || response.status}`;
      return;
    }
    parts.language.replaceChildren(...Object.keys(template.texts).map((tag) =>
      element('option', { value: tag, text: languageName(tag) })));
    parts.language.value = filled.language;
    parts.language.disabled = false;
    before ??= snapshot(form);
    apply(form, filled);
    const left = filled.unfilled.map((name) => `{${name}}`).join(', ');
    parts.status.textContent = `Filled in from “${template.name}” (${languageName(filled.language)})`
      + (left ? `. Still to fill: ${left}.` : '.');
    parts.undo.hidden = false;
    changed(form);
  };

  parts.choice.addEventListener('change', () => fill(navigator.language));
  parts.language.addEventListener('change', () => fill(parts.language.value));
  parts.undo.addEventListener('click', () => {
    apply(form, before);
    before = null;
    parts.undo.hidden = true;
    parts.choice.value = '';
    parts.status.textContent = 'What was there is back.';
    changed(form);
    messageField(form).focus();
  });
  form.addEventListener('input', (event) => {
    if (picker.contains(event.target)) return;
    before = null;
    parts.undo.hidden = true;
  });
  form.addEventListener('reset', () => {
    before = null;
    parts.undo.hidden = true;
    parts.status.textContent = '';
    parts.language.replaceChildren();
    parts.language.disabled = true;
  });
}

/** Dates and times as a template's reader reads them: in UTC, said so, in the template's language. */
export function spokenTime(millis, language) {
  return new Intl.DateTimeFormat(safe(language), {
    hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
  }).format(new Date(millis));
}

export function spokenDate(millis, language) {
  return new Intl.DateTimeFormat(safe(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(millis));
}

function safe(language) {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length ? language : 'en';
  } catch (error) {
    return 'en';
  }
}

function languageName(tag) {
  try {
    return new Intl.DisplayNames([navigator.language], { type: 'language' }).of(tag) ?? tag;
  } catch (error) {
    return tag;
  }
}

/** The field a template's message goes to: a declaration's summary, else the message. */
function messageField(form) {
  return form.elements.summary ?? form.elements.message;
}

function snapshot(form) {
  return {
    title: form.elements.title?.value,
    message: messageField(form).value,
    status: form.elements.status?.value,
    audience: form.elements.audience?.value,
  };
}

/** Sets the fields a filled template (or a snapshot) holds; what it leaves out stays as it is. */
function apply(form, filled) {
  if (filled.title != null && form.elements.title) form.elements.title.value = filled.title;
  if (filled.message != null) messageField(form).value = filled.message;
  if (filled.status && form.elements.status) form.elements.status.value = filled.status;
  if (filled.audience && form.elements.audience) form.elements.audience.value = filled.audience;
}
