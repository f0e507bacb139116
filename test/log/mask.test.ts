import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { isLuhnValid, isValidIdCard18, maskPersonalNumbers } from '../../src/log/mask.js';

describe('maskPersonalNumbers', () => {
  it('masks an 18-digit ID with a valid check digit, and leaves an invalid one', () => {
    expect(isValidIdCard18('11010519491231002X')).toBe(true);
    expect(maskPersonalNumbers('身份证号11010519491231002X。')).toBe('身份证号110***********002X。');
    expect(maskPersonalNumbers('编号110105194912310021')).toBe('编号110105194912310021');
  });

  it('masks 15-digit IDs, mobiles (also with +86 and spaces) and landlines', () => {
    expect(maskPersonalNumbers('旧证130503670401001')).toBe('旧证130********1001');
    expect(maskPersonalNumbers('电话13812345678或+86 139 1234 5678')).toBe('电话138****5678或139****5678');
    expect(maskPersonalNumbers('座机0532-85912345')).toBe('座机0532-****2345');
  });

  it('masks bank cards that pass Luhn, grouped or not', () => {
    expect(isLuhnValid('6222021234567890128')).toBe(true);
    expect(maskPersonalNumbers('卡号6222021234567890128')).toBe('卡号6222***********0128');
    expect(maskPersonalNumbers('卡号 4111 1111 1111 1111')).toBe('卡号 4111********1111');
    expect(maskPersonalNumbers('流水号6222021234567890121')).toBe('流水号6222021234567890121');
  });

  it('leaves dates, amounts, document numbers and timestamps alone', () => {
    const text = '2025-05-16 青政办字【2025】21号 4.5万个 1764342000000 12345热线';
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  it('leaves UUIDs whole (a request id whose groups read as a mobile) and masks a number beside one', () => {
    const id = '0910e182-1234-4890-9c5e-912ff19a4c8a';
    expect(maskPersonalNumbers(`requestId ${id}`)).toBe(`requestId ${id}`);
    expect(maskPersonalNumbers(`${id} 电话13812345678`)).toBe(`${id} 电话138****5678`);
    expect(maskPersonalNumbers(`电话182-1234-4890 ${id}`)).toBe(`电话182****4890 ${id}`);
  });
});

describe('createLogger', () => {
  it('masks personal numbers and secrets in every line and redacts secret-looking keys', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l), secrets: ['sk-live-abcdef123456'] }).child({
      requestId: 'r1',
    });
    log.info('question 13812345678', {
      question: '我的身份证11010519491231002X丢了',
      headers: { authorization: 'Bearer admin-token', 'x-api-key': 'k' },
      note: 'key sk-live-abcdef123456 used',
      err: new Error('card 6222021234567890128 declined'),
    });
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line).not.toMatch(
      /13812345678|11010519491231002X|6222021234567890128|admin-token|sk-live-abcdef123456/,
    );
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ level: 'info', requestId: 'r1', msg: 'question 138****5678' });
    expect(parsed.headers).toEqual({ authorization: '[redacted]', 'x-api-key': '[redacted]' });
    expect(parsed.err.message).toBe('card 6222***********0128 declined');
  });

  it('drops lines below the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', sink: (l) => lines.push(l) });
    log.info('hidden');
    log.warn('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});
