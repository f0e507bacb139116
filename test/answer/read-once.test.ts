import { describe, expect, it } from 'vitest';
import { readOnce } from '../../src/answer/read-once.js';
import type { StoredDocument } from '../../src/index/search-store.js';

describe('documents read once per answer', () => {
  it('asks the store once per id, and gives every caller the same document', async () => {
    const asked: string[] = [];
    const doc = { meta: { id: 'law' }, text: '', hash: 'h', chunks: [] } as unknown as StoredDocument;
    const read = readOnce({
      getDocument: async (id: string) => {
        asked.push(id);
        return id === 'law' ? doc : undefined;
      },
    });
    const [a, b, missing] = await Promise.all([read('law'), read('law'), read('none')]);
    expect(a).toBe(doc);
    expect(b).toBe(doc);
    expect(missing).toBeUndefined();
    expect(await read('none')).toBeUndefined();
    expect(asked).toEqual(['law', 'none']);
  });
});
