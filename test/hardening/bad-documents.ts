import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { makePdf } from '../ingest/helpers/make-pdf.js';

/** A file of the hostile batch and the reason its rejection must give (undefined: it must load). */
export interface BatchFile {
  name: string;
  bytes: Buffer;
  reason?: RegExp;
}

/** The text of the documents that must load, each findable by a phrase of its own. */
export const GOOD_UTF8 =
  '青岛市公租房申请指南\n一、申请条件\n申请公租房的家庭人均住房面积低于15平方米，须提交户口簿和收入证明。';
export const GOOD_GBK =
  '关于灵活就业人员参保补贴的通知\n灵活就业人员参加职工养老保险的，按缴费额的三分之二给予补贴。';

/** 50 MB: over the 20 MB document limit and under the 60 MB upload limit. */
export const BIG_BYTES = 50 * 1024 * 1024;

/**
 * One batch with every kind of bad document next to good ones: empty, whitespace, binary,
 * truncated PDF, password-protected PDF, a .docx that is not a zip, a 50 MB text file — and a
 * GBK-encoded file and a file named with spaces and Chinese, which must load.
 */
export function hostileBatch(): BatchFile[] {
  const pdf = makePdf({ pages: [{ chinese: '青岛市住房保障政策解读' }] });
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
  return [
    { name: '青岛 公租房 申请指南 2024.txt', bytes: Buffer.from(GOOD_UTF8) },
    { name: 'gbk-notice.txt', bytes: iconv.encode(GOOD_GBK, 'gbk') },
    { name: 'empty.txt', bytes: Buffer.alloc(0), reason: /empty file/ },
    { name: 'blank.md', bytes: Buffer.from(' \n\t\n\u3000\n'), reason: /empty or whitespace-only/ },
    { name: 'binary.txt', bytes: binary, reason: /binary file/ },
    { name: 'truncated.pdf', bytes: pdf.subarray(0, Math.floor(pdf.length / 2)), reason: /truncated PDF/ },
    {
      name: 'locked.pdf',
      bytes: makePdf({ pages: [{ latin: 'secret' }], encrypted: true }),
      reason: /password-protected PDF/,
    },
    {
      name: 'old-word.docx',
      bytes: Buffer.from('\xd0\xcf\x11\xe0 not a zip', 'latin1'),
      reason: /not a zip/,
    },
    { name: 'huge.txt', bytes: Buffer.alloc(BIG_BYTES, 0x61), reason: /file too large/ },
  ];
}

export async function writeBatch(dir: string, files: BatchFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(join(dir, f.name), f.bytes);
}
