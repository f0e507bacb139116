import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { loadGold, parseGold } from '../../src/eval/gold.js';

const good = {
  id: 'q1',
  question: '一共多少项任务？',
  answer: '54项',
  key_points: ['54项'],
  evidence: [{ doc: 'd1', quote: '推进54项任务' }],
  answerable: true,
  category: 'number',
};

describe('gold loader', () => {
  it('reads valid JSON Lines and skips blank lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gold-'));
    const file = join(dir, 'g.jsonl');
    const un = { ...good, id: 'q2', evidence: [], answerable: false, category: 'unanswerable', source: 'x' };
    await writeFile(file, `${JSON.stringify(good)}\n\n${JSON.stringify(un)}\n`);
    const items = await loadGold([file]);
    expect(items.map((i) => i.id)).toEqual(['q1', 'q2']);
    expect(items[1].source).toBe('x');
    expect(items[0].file).toBe(file);
  });

  it('reports every bad line as file:line: message, in one VALIDATION_FAILED error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gold-'));
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const noQuestion = { ...good, id: 'q3' } as Record<string, unknown>;
    delete noQuestion.question;
    await writeFile(
      a,
      `${JSON.stringify(good)}\n{not json\n${JSON.stringify(noQuestion)}\n${JSON.stringify(good)}\n`,
    );
    await writeFile(b, `${JSON.stringify({ ...good, answerable: 'yes' })}\n`);
    const err = await loadGold([a, b]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const appErr = err as AppError;
    expect(appErr.code).toBe('VALIDATION_FAILED');
    const paths = appErr.issues?.map((i) => i.path);
    expect(paths).toEqual([`${a}:2`, `${a}:3`, `${a}:4`, `${b}:1`]);
    expect(appErr.message).toContain(`${a}:2: invalid JSON`);
    expect(appErr.message).toContain(`${a}:3: question:`);
    expect(appErr.message).toContain(`${a}:4: duplicate id "q1" (first on line 1)`);
    expect(appErr.message).toContain(`${b}:1: answerable:`);
  });

  it('requires evidence on answerable items', () => {
    const { errors } = parseGold(JSON.stringify({ ...good, evidence: [] }), 'f.jsonl');
    expect(errors).toEqual([{ path: 'f.jsonl:1', message: expect.stringContaining('evidence:') }]);
  });

  it('reports an unreadable file by name', async () => {
    const missing = join(tmpdir(), 'no-such-gold-file.jsonl');
    await expect(loadGold([missing])).rejects.toThrow(`${missing}: cannot read (ENOENT)`);
  });
});
