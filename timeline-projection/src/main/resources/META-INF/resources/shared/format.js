// Times as the viewer reads them: in the browser's own time zone and language.
export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const minutes = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
const dateTime = new Intl.DateTimeFormat(undefined, minutes);
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { ...minutes, second: '2-digit' });

/** @param seconds whether to show seconds too (operators compare updates with deadlines to the second) */
export function formatDateTime(iso, seconds = false) {
  return iso ? (seconds ? dateTimeSeconds : dateTime).format(new Date(iso)) : '—';
}

/** A span of milliseconds as "3d 04h", "1h 05m", "4m 09s" or "12s". */
export function formatSpan(ms) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(seconds / 86400);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n) => String(n).padStart(2, '0');
  if (d >= 2) return `${d}d ${pad(h % 24)}h`;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** A <time> element showing the instant in the viewer's zone, with the exact instant as its datetime. */
export function timeElement(iso, seconds = false) {
  const element = document.createElement('time');
  element.dateTime = iso;
  element.textContent = formatDateTime(iso, seconds);
  return element;
}

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/**
 * GET a JSON resource; the projection answers 503 while its stores rebalance, so callers retry.
 * @param send fetch() or a function like it (the dashboard's adds the signed-in user's token)
 */
export async function getJson(path, send = fetch) {
  const response = await send(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
}
