// Reads a text/event-stream answer of fetch(): the live stream needs a bearer token, which EventSource cannot send.

/**
 * Calls onEvent(name, data, id) for each event of the answer's body, as the HTML standard parses the format;
 * resolves when the server ends the stream, rejects when the connection fails.
 */
export async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  let event = blankEvent();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    pending += value;
    let end;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end).replace(/\r$/, '');
      pending = pending.slice(end + 1);
      if (line === '') {
        if (event.data.length > 0) onEvent(event.name, event.data.join('\n'), event.id);
        event = blankEvent();
      } else if (!line.startsWith(':')) {
        read(line, event);
      }
    }
  }
}

function blankEvent() {
  return { name: 'message', data: [], id: null };
}

function read(line, event) {
  const colon = line.indexOf(':');
  const field = colon < 0 ? line : line.slice(0, colon);
  const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
  if (field === 'event') event.name = value;
  else if (field === 'data') event.data.push(value);
  else if (field === 'id') event.id = value;
}
