import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/load-corpus.js';
import { loadDocumentFile, loadDocumentFromText } from '../../src/ingest/load-document.js';
import { htmlToText } from '../../src/ingest/loaders/html-loader.js';
import { makePdf } from './helpers/make-pdf.js';
import { makeDocx, makeZip } from './helpers/make-zip.js';

const ZH = '力争5G基站数达4.5万个，智能算力占比达35%。';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-loaders-'));
  const good = join(dir, 'good');
  await mkdir(join(good, 'nested', 'deeper'), { recursive: true });
  await writeFile(join(good, 'a-utf8.txt'), `\ufeff标题一\n${ZH}`);
  await writeFile(
    join(good, 'b-gbk.TXT'),
    iconv.encode(`关于印发通知\n${ZH}深化“高效办成一件事”改革。`, 'gbk'),
  );
  await writeFile(join(good, 'nested', 'c.md'), `# 某某条例\n\n## 第一章 总则\n\n第一条 ${ZH}\n`);
  await writeFile(
    join(good, 'nested', 'deeper', 'd.html'),
    '<html><head><title>站点标题</title><style>p{color:red}</style></head><body><nav>首页 &gt; 政策</nav>' +
      '<h1>青岛市政策解读</h1><script>var x = "不要我";</script><p>第一段&nbsp;内容&ldquo;引号&rdquo;&#20013;&#x6587;</p><div>第二段</div></body></html>',
  );
  await writeFile(
    join(good, 'e.pdf'),
    makePdf({ pages: [{ latin: 'Page one', chinese: ZH }, { chinese: '第二页内容' }] }),
  );
  await writeFile(join(good, 'f.docx'), makeDocx(['第一段落：申请材料', '第二段落：办理地点']));
  await writeFile(join(good, 'README.md'), 'not a document');
  await writeFile(join(good, '.hidden.txt'), 'hidden');

  const bad = join(dir, 'bad');
  await mkdir(bad, { recursive: true });
  await writeFile(join(bad, 'empty.txt'), '');
  await writeFile(join(bad, 'blank.md'), '  \n\t\n\u3000 ');
  await writeFile(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  await writeFile(join(bad, 'broken.pdf'), Buffer.from('%PDF-1.4\nthis is not really a pdf'));
  const pdf = makePdf({ pages: [{ latin: 'Hello' }] });
  await writeFile(join(bad, 'truncated.pdf'), pdf.subarray(0, 120));
  await writeFile(join(bad, 'locked.pdf'), makePdf({ pages: [{ latin: 'secret' }], encrypted: true }));
  await writeFile(
    join(bad, 'old-word.docx'),
    Buffer.from('\xd0\xcf\x11\xe0 this is an old .doc file', 'latin1'),
  );
  await writeFile(join(bad, 'broken-zip.docx'), makeZip({ 'hello.txt': 'not a word document' }));
  await writeFile(join(bad, 'sheet.xlsx'), 'whatever');
  await writeFile(join(bad, 'ok.txt'), '这一份是好的文件。');
  // Same id as good/a-utf8.txt, in a later folder: the later one is reported.
  await writeFile(join(bad, 'a-utf8.md'), '重复的编号');
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loaders on real files', () => {
  it('loads every supported format from nested folders in sorted order', async () => {
    const progress: number[] = [];
    const { documents, skipped } = await loadCorpus([join(dir, 'good')], {
      onProgress: (done) => progress.push(done),
    });
    expect(skipped).toEqual([]);
    expect(documents.map((d) => d.meta.sourcePath)).toEqual([
      'a-utf8.txt',
      'b-gbk.TXT',
      'e.pdf',
      'f.docx',
      'nested/c.md',
      'nested/deeper/d.html',
    ]);
    expect(progress).toHaveLength(6);
    const byId = new Map(documents.map((d) => [d.id, d]));
    expect(byId.get('a-utf8')?.text).toBe(`标题一\n${ZH}`);
    expect(byId.get('b-gbk')?.text).toContain('深化“高效办成一件事”改革。');
    expect(byId.get('c')?.text).toBe(`# 某某条例\n\n## 第一章 总则\n\n第一条 ${ZH}\n`);
    expect(byId.get('e')?.text).toBe(`Page one\n${ZH}\n第二页内容`);
    expect(byId.get('f')?.text).toContain('第一段落：申请材料\n\n第二段落：办理地点');
    const html = byId.get('d');
    expect(html?.text).toBe('青岛市政策解读\n第一段 内容“引号”中文\n第二段');
    expect(html?.meta.title).toBe('青岛市政策解读');
    for (const d of documents) expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports each unreadable file by name with a reason and loads the rest', async () => {
    const { documents, skipped } = await loadCorpus([join(dir, 'good'), join(dir, 'bad')]);
    expect(documents.map((d) => d.id)).toContain('ok');
    expect(documents).toHaveLength(7);
    const reasons = Object.fromEntries(
      skipped.map((s) => [s.path.slice(join(dir, 'bad').length + 1), s.reason]),
    );
    expect(reasons).toEqual({
      'a-utf8.md': expect.stringContaining('duplicate document id'),
      'binary.txt': expect.stringContaining('binary file'),
      'blank.md': expect.stringContaining('empty or whitespace-only'),
      'broken-zip.docx': expect.stringContaining('broken .docx'),
      'broken.pdf': expect.stringContaining('broken or truncated PDF'),
      'empty.txt': expect.stringContaining('empty file'),
      'locked.pdf': expect.stringContaining('password-protected PDF'),
      'old-word.docx': expect.stringContaining('not a zip archive'),
      'sheet.xlsx': expect.stringContaining('unsupported file type'),
      'truncated.pdf': expect.stringContaining('PDF'),
    });
    for (const s of skipped) expect(s.reason).toMatch(/[\u4e00-\u9fa5].*\(.+\)/);
  });

  it('keeps only the ids asked for', async () => {
    const { documents, skipped } = await loadCorpus([join(dir, 'good'), join(dir, 'bad')], {
      only: new Set(['c', 'ok']),
    });
    expect(documents.map((d) => d.id)).toEqual(['c', 'ok']);
    expect(skipped).toEqual([]);
  });

  it('loads a single upload and a text upload', async () => {
    const doc = await loadDocumentFile(join(dir, 'good', 'nested', 'c.md'), { sourcePath: 'upload/c.md' });
    expect(doc.meta.title).toBe('某某条例');
    expect(doc.meta.sourcePath).toBe('upload/c.md');
    const fromText = loadDocumentFromText('json-1', '关于某事的通知\n各单位：请于2025年6月1日前报送。', {
      authority: '某某局',
    });
    expect(fromText.meta).toMatchObject({
      id: 'json-1',
      title: '关于某事的通知',
      authority: '某某局',
      type: '通知',
    });
    expect(() => loadDocumentFromText('blank', '   ')).toThrow(/empty/);
  });

  it('turns HTML blocks into lines and decodes entities', () => {
    expect(
      htmlToText('<title>T</title><ul><li>甲&amp;乙</li><li>丙&#x4E01;</li></ul><!-- c --><p>a<br>b</p>'),
    ).toEqual({
      text: '甲&乙\n丙丁\na\nb',
      title: 'T',
    });
  });
});
