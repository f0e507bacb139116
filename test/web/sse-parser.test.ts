import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../src/web/widget/sse-parser.js';

describe('createSseParser', () => {
  it('assembles events split across arbitrary chunks, with CRLF and comments', () => {
    const p = createSseParser();
    const wire =
      ': keep-alive\r\nevent: meta\r\ndata: {"requestId":"r1"}\r\n\r\nevent: delta\ndata: {"text":"力争"}\n\nevent: delta\ndata: {"text":"5G基站"}\n\n';
    const events = [];
    for (let i = 0; i < wire.length; i += 7) events.push(...p.push(wire.slice(i, i + 7)));
    events.push(...p.end());
    expect(events).toEqual([
      { event: 'meta', data: '{"requestId":"r1"}', id: undefined },
      { event: 'delta', data: '{"text":"力争"}', id: undefined },
      { event: 'delta', data: '{"text":"5G基站"}', id: undefined },
    ]);
  });

  it('joins multi-line data, defaults the event name, and flushes a final event without a blank line', () => {
    const p = createSseParser();
    expect(p.push('data: a\ndata:b\n\nid: 7\nevent: done\ndata: {}')).toEqual([
      { event: 'message', data: 'a\nb', id: undefined },
    ]);
    expect(p.end()).toEqual([{ event: 'done', data: '{}', id: '7' }]);
  });

  it('waits when a chunk ends on CR that may be half of CRLF', () => {
    const p = createSseParser();
    expect(p.push('data: x\r')).toEqual([]);
    expect(p.push('\n\r\n')).toEqual([{ event: 'message', data: 'x', id: undefined }]);
  });
});
