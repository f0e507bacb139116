import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeTable, encodeTable, openJiebaWordTable, tablePath } from '../../src/text/jieba-word-table.js';

const dir = mkdtempSync(join(tmpdir(), 'jieba-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = [
  '住房 900 n',
  '住房公积金 120 n',
  '公积金 300 n',
  '住 50 v',
  '𠀋𠀋𠀋 7 x',
  '住房 1000 n',
  '',
].join('\n');

describe('jieba word table', () => {
  it('finds words by binary search, the last line of a word winning and every line counted', () => {
    const table = decodeTable(encodeTable(SMALL));
    expect(table.size).toBe(5);
    expect(table.frequency('住房')).toBe(1000);
    expect(table.line('住房')).toBe('住房 1000 n');
    expect(table.frequency('公积金')).toBe(300);
    expect(table.frequency('𠀋𠀋𠀋')).toBe(7);
    expect(table.frequency('住房公')).toBeUndefined();
    expect(table.frequency('')).toBeUndefined();
    expect(table.total).toBe(900 + 120 + 300 + 50 + 7 + 1000);
    expect(table.minFrequency).toBe(7);
    expect(table.longestWord).toBe(5);
    expect(table.hasPrefix('住房公')).toBe(true);
    expect(table.hasPrefix('公积')).toBe(true);
    expect(table.hasPrefix('积')).toBe(false);
    expect(table.hasPrefix('住房公积金啊')).toBe(false);
    expect(table.prefixLine('住房')).toBe('住房 1000 n');
    expect(table.prefixLine('住房公')).toBe('');
    expect(table.prefixLine('积')).toBeUndefined();
    expect(table.prefixLine('住房公积金啊')).toBeUndefined();
    expect(new Map(table.entries()).get('住房公积金')).toBe(120);
  });

  it('reads jieba’s own dictionary as the file says', () => {
    const table = openJiebaWordTable(dir);
    expect(table.size).toBe(348_982);
    expect(table.frequency('居住证')).toBe(14);
    expect(table.frequency('安排')).toBe(7836);
    expect(table.line('中华人民共和国')).toBe('中华人民共和国 9989 ns');
    expect(table.frequency('算力券')).toBeUndefined();
    expect(table.total).toBeGreaterThan(60_000_000);
  });

  it('never serves a table of an older dictionary, and rebuilds a damaged one', () => {
    const source = join(dir, 'words.dict');
    writeFileSync(source, '住房 900 n\n公积金 300 n\n');
    utimesSync(source, 1_000_000, 1_000_000);
    expect(openJiebaWordTable(dir, source).frequency('住房')).toBe(900);
    const oldPath = tablePath(dir, source);

    writeFileSync(source, '住房 901 n\n公积金 300 n\n');
    utimesSync(source, 2_000_000, 2_000_000);
    expect(tablePath(dir, source)).not.toBe(oldPath);
    expect(openJiebaWordTable(dir, source).frequency('住房')).toBe(901);

    writeFileSync(source, '住房 902 n\n公积金 300 n\n');
    utimesSync(source, 3_000_000, 3_000_000);
    writeFileSync(tablePath(dir, source), 'not a table');
    expect(openJiebaWordTable(dir, source).frequency('住房')).toBe(902);
    expect(readFileSync(tablePath(dir, source)).subarray(0, 4).toString('latin1')).toBe('ZWJT');
  });
});
