import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/answer/conversation-store.js';
import { maskPersonalNumbers } from '../../src/log/mask.js';
import { FeedbackStore } from '../../src/server/feedback-store.js';
import { createTestApp } from '../fakes/fake-app.js';
import {
  harmlessNumbers,
  type PersonalNumber,
  personalNumber,
  seededRandom,
  writeNumber,
} from './personal-number-variants.js';

/**
 * Issue 14 item 7: personal numbers in other forms — full-width digits, separators, prefixes such
 * as "ID"/"card", landlines without a dash — were stored raw in SQLite and logged in paths.
 * Properties over generated variants (seeded: a failure prints the seed and the text).
 */

const SEED = 20261130;
const CASES = 800;

/** The text as digits only (full-width folded, everything else dropped), to look for leaks. */
const digitsOf = (s: string) =>
  s.replace(/[０-９Ｘｘ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[^0-9Xx*]/g, '');

/** Any 7 consecutive digits of the number (a masked number keeps at most 4 in a row). */
const leaks = (text: string, n: PersonalNumber) => {
  const flat = digitsOf(text);
  for (let i = 0; i + 7 <= n.digits.length; i++) if (flat.includes(n.digits.slice(i, i + 7))) return true;
  return false;
};

function variants(
  count: number,
  seed = SEED,
): { text: string; n: PersonalNumber; before: string; after: string }[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const n = personalNumber(rand);
    const before = rand() < 0.5 ? '我的' : '请联系 ';
    const after = rand() < 0.5 ? '，谢谢。' : ' 急';
    return { text: `${before}${writeNumber(rand, n)}${after}`, n, before, after };
  });
}

describe('maskPersonalNumbers over generated variants', () => {
  it(`masks every one of ${CASES} generated personal numbers and keeps the text around them`, () => {
    const failures: string[] = [];
    for (const { text, n, before, after } of variants(CASES)) {
      const masked = maskPersonalNumbers(text);
      if (leaks(masked, n) || !masked.startsWith(before) || !masked.endsWith(after))
        failures.push(`${n.kind} ${JSON.stringify(text)} → ${JSON.stringify(masked)}`);
    }
    expect(failures.slice(0, 10), `seed ${SEED}`).toEqual([]);
  });

  it('masks two numbers written side by side, each on its own', () => {
    const rand = seededRandom(SEED + 1);
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      const a = personalNumber(rand);
      const b = personalNumber(rand);
      const text = `${writeNumber(rand, a)} ${writeNumber(rand, b)}`;
      const masked = maskPersonalNumbers(text);
      if (leaks(masked, a) || leaks(masked, b)) failures.push(`${JSON.stringify(text)} → ${masked}`);
    }
    expect(failures.slice(0, 10), `seed ${SEED + 1}`).toEqual([]);
  });

  it('leaves dates, amounts, document numbers, counts and timestamps alone', () => {
    const rand = seededRandom(SEED + 2);
    for (let i = 0; i < 500; i++) {
      const text = `${harmlessNumbers(rand)}，${harmlessNumbers(rand)} ${harmlessNumbers(rand)}`;
      expect(maskPersonalNumbers(text), text).toBe(text);
    }
  });

  it('names the forms of issue 14 item 7', () => {
    expect(maskPersonalNumbers('身份证１１０１０５１９４９１２３１００２Ｘ')).toBe(
      '身份证110***********002X',
    );
    expect(maskPersonalNumbers('ID11010519491231002X')).toBe('ID110***********002X');
    expect(maskPersonalNumbers('手机 138-1234-5678')).toBe('手机 138****5678');
    expect(maskPersonalNumbers('card6222021234567890128')).toBe('card6222***********0128');
    expect(maskPersonalNumbers('座机053285912345')).toBe('座机0532-****2345');
    expect(maskPersonalNumbers('电话 0532 8591 2345')).toBe('电话 0532-****2345');
  });
});

describe('personal numbers in other forms are masked where they are stored or logged', () => {
  const FORMS = [
    '１３８１２３４５６７８',
    'ID 110105 19491231 002X',
    'card 6222-0212-3456-7890-128',
    '053285912345',
    '+86 139 1234 5678',
  ];
  const RAW = ['13812345678', '11010519491231002', '6222021234567890128', '85912345', '13912345678'];

  it('in the feedback SQLite store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pii-feedback-'));
    const store = FeedbackStore.open(dir);
    for (const form of FORMS)
      store.add({ requestId: `r-${FORMS.indexOf(form)}`, rating: 'down', comment: `回电${form}` });
    store.close();
    const db = new Database(join(dir, 'feedback.sqlite'), { readonly: true });
    const stored = JSON.stringify(db.prepare('SELECT * FROM feedback').all());
    db.close();
    for (const raw of RAW) expect(digitsOf(stored)).not.toContain(raw);
  });

  it('in conversation history', () => {
    const store = new ConversationStore();
    for (const form of FORMS)
      store.append('c', { question: `我的${form}`, standalone: `我的${form}`, answer: form });
    const kept = digitsOf(JSON.stringify(store.history('c')));
    for (const raw of RAW) expect(kept).not.toContain(raw);
  });

  it('in request logs, paths included', async () => {
    const { app, logs } = await createTestApp();
    for (const form of FORMS) {
      await app.request(`/api/nope/${encodeURIComponent(form)}`);
      await app.request('/api/ask', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: `我的${form}，公租房怎么申请？` }),
      });
    }
    const all = digitsOf(logs.join('\n'));
    expect(logs.length).toBeGreaterThan(FORMS.length);
    for (const raw of RAW) expect(all).not.toContain(raw);
  });
});
