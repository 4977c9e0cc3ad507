// Follows picket-server's map feed (/map/events): Server-Sent Events read through fetch, so that
// the consumer token can go in an Authorization header (EventSource cannot set headers).

/** The token from the page's fragment (#token=...): fragments are never sent to the server. */
export function tokenFromFragment(hash) {
  const parameters = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return parameters.get('token');
}

/**
 * Reads the feed until it ends, calling onEvent(type, data) for each event; reconnects after a
 * broken connection, stops for good on 401/403 (calling onRefused(status, reason)).
 */
export async function follow(url, token, { onEvent, onState, onRefused }) {
  for (let attempt = 0; ; attempt++) {
    onState('connecting', attempt === 0 ? 'Connecting…' : 'Reconnecting…');
    try {
      const headers = { Accept: 'text/event-stream' };
      if (token) {
        headers.Authorization = 'Bearer ' + token;
      }

      const response = await fetch(url, { headers, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        onRefused(response.status, (await response.text()).trim());
        return;
      }

      if (!response.ok || !response.body) {
        throw new Error('HTTP ' + response.status);
      }

      onState('live', 'Live');
      attempt = 0;
      await readEvents(response.body, onEvent);
      onState('connecting', 'Feed ended; reconnecting…');
    } catch (error) {
      onState('connecting', 'Connection lost (' + error.message + '); reconnecting…');
    }

    await new Promise((resolve) => setTimeout(resolve, Math.min(10000, 1000 * (attempt + 1))));
  }
}

// text/event-stream (HTML Living Standard, 9.2.6): events end with a blank line; "event:" names
// the type, "data:" carries the payload (one JSON document per event here); ':' is a comment.
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }

    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          type = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data += line.slice(5).trimStart();
        }
      }

      if (data.length > 0) {
        onEvent(type, JSON.parse(data));
      }
    }
  }
}
