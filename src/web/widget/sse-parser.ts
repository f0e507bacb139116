/**
 * Incremental parser for `text/event-stream` (WHATWG HTML §9.2.6), for use with fetch + a
 * ReadableStream because EventSource cannot POST. Feed it decoded text in arbitrary pieces; it
 * returns the events completed so far. Lines may end in LF, CRLF or CR.
 */

export interface SseEvent {
  /** `event:` field; 'message' when absent, as the spec says. */
  event: string;
  /** `data:` lines joined with '\n'. */
  data: string;
  id?: string;
}

export interface SseParser {
  push(chunk: string): SseEvent[];
  /** Flushes a last event that was not followed by a blank line (stream ended). */
  end(): SseEvent[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let sawData = false;

  const dispatch = (out: SseEvent[]) => {
    if (sawData) out.push({ event: event || 'message', data: data.join('\n'), id });
    event = '';
    data = [];
    sawData = false;
  };

  const line = (text: string, out: SseEvent[]) => {
    if (text === '') return dispatch(out);
    if (text.startsWith(':')) return; // comment / keep-alive
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') {
      data.push(value);
      sawData = true;
    } else if (field === 'id') id = value;
  };

  return {
    push(chunk) {
      buffer += chunk;
      const out: SseEvent[] = [];
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        if (!match) break;
        // A lone CR at the end may be the first half of CRLF: wait for more input.
        if (match[0] === '\r' && match.index === buffer.length - 1) break;
        line(buffer.slice(0, match.index), out);
        buffer = buffer.slice(match.index + match[0].length);
      }
      return out;
    },
    end() {
      const out: SseEvent[] = [];
      if (buffer) line(buffer, out);
      buffer = '';
      dispatch(out);
      return out;
    },
  };
}
