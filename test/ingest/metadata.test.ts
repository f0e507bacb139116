import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/ingest/dates.js';
import { applyManifestRow, parseManifest } from '../../src/ingest/manifest.js';
import { extractDocNumber, extractMetadata } from '../../src/ingest/metadata.js';

const SEED_PATH = new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url);
const seed = readFileSync(SEED_PATH, 'utf8');

describe('extractMetadata', () => {
  it('reads the seed 政策解读 page', () => {
    const meta = extractMetadata(seed, {
      id: '000_204df86a34e42382',
      sourcePath: '000_204df86a34e42382.txt',
    });
    expect(meta).toEqual({
      id: '000_204df86a34e42382',
      title: '《数字青岛2025年行动方案》政策解读',
      docNumber: '青政办字【2025】21号',
      publishDate: '2025-05-16',
      category: '信息产业(含电信)',
      authority: '市大数据局政策和规划处',
      phone: '85912190',
      region: '山东省青岛市',
      type: '政策解读',
      sourcePath: '000_204df86a34e42382.txt',
    });
  });

  it('recognises 发文字号 spellings', () => {
    expect(extractDocNumber('发文字号：国办发〔2024〕5号')).toBe('国办发〔2024〕5号');
    expect(extractDocNumber('关于印发青政办字[2023]12号文件的通知')).toBe('青政办字[2023]12号');
    expect(extractDocNumber('鲁政发(2022)3号')).toBe('鲁政发(2022)3号');
    expect(extractDocNumber('2019年3月2日 中华人民共和国国务院令第709号公布')).toBe(
      '中华人民共和国国务院令第709号',
    );
    expect(extractDocNumber('没有文号的文字。')).toBeUndefined();
  });

  it('parses dates in every spelling', () => {
    expect(parseDate('2025年5月16日')).toBe('2025-05-16');
    expect(parseDate('2025-05-16')).toBe('2025-05-16');
    expect(parseDate('2025.5.6')).toBe('2025-05-06');
    expect(parseDate('二〇二五年五月十六日')).toBe('2025-05-16');
    expect(parseDate('2025年13月1日')).toBeUndefined();
    const meta = extractMetadata('某某办法\n成文日期：2024年12月30日\n本办法自2025年1月1日起施行。', {
      id: 'x',
      sourcePath: 'x.txt',
    });
    expect(meta).toMatchObject({ writtenDate: '2024-12-30', effectiveDate: '2025-01-01', type: '政策文件' });
  });

  it('tells document types apart', () => {
    const law =
      '# 青岛市某某条例\n\n2020年11月18日 青岛市第十六届人民代表大会常务委员会第二十七次会议通过\n\n第一条 为了。\n\n第二条 本条例。\n\n第三条 施行。\n';
    expect(extractMetadata(law, { id: 'l', sourcePath: 'l.md' })).toMatchObject({
      type: '法规',
      title: '青岛市某某条例',
      authority: '青岛市人民代表大会常务委员会',
      publishDate: '2020-11-18',
      region: '山东省青岛市',
    });
    const guide =
      '# 设立学校\n\n**事项类型**：行政许可\n\n**实施主体**：广东省教育厅\n\n**咨询电话**：020-12345678\n';
    expect(extractMetadata(guide, { id: 'g', sourcePath: 'g.md' })).toMatchObject({
      type: '办事指南',
      authority: '广东省教育厅',
      phone: '020-12345678',
      region: '广东省',
    });
    expect(
      extractMetadata('关于做好疫情防控工作的通知\n各区：现将有关事项通知如下。', {
        id: 'n',
        sourcePath: 'n.txt',
      }).type,
    ).toBe('通知');
    expect(extractMetadata('随便一段话。', { id: 'o', sourcePath: 'o.txt' }).type).toBe('其他');
  });
});

describe('manifest', () => {
  const manifest = parseManifest(
    [
      '{"id":"lrb-1","title":"东营市养犬管理条例","level":"地方性法规","category":"地方性法规","authority":"东营市人民代表大会常务委员会","region":"山东省东营市","publish":"2017-10-11","valid_from":"2018-05-01","doc_number":null}',
      'not json',
      '{"id":"ncp-1","title":null,"title_guess":"国家税务总局南阳市税务局","group":"ncpqa_policies"}',
      '{"id":"gd-1","group":"gd_service_guides","matter_type":"行政许可"}',
      '',
    ].join('\n'),
  );

  it('reads rows by id and reports bad lines', () => {
    expect([...manifest.rows.keys()]).toEqual(['lrb-1', 'ncp-1', 'gd-1']);
    expect(manifest.problems).toEqual([
      'manifest.jsonl:2: 不是带 id 的 JSON 对象 (not a JSON object with an id)',
    ]);
  });

  it('overrides text metadata and maps level/group to a DocType', () => {
    const fromText = extractMetadata('东营市养犬管理条例\n一段文字。', {
      id: 'lrb-1',
      sourcePath: 'lrb-1.md',
    });
    expect(fromText.type).toBe('其他');
    const row = manifest.rows.get('lrb-1');
    if (!row) throw new Error('row missing');
    expect(applyManifestRow(fromText, row)).toMatchObject({
      type: '法规',
      authority: '东营市人民代表大会常务委员会',
      publishDate: '2017-10-11',
      effectiveDate: '2018-05-01',
      region: '山东省东营市',
      category: '地方性法规',
    });
    const ncp = manifest.rows.get('ncp-1');
    const gd = manifest.rows.get('gd-1');
    if (!ncp || !gd) throw new Error('rows missing');
    const text = extractMetadata('国家税务总局南阳市税务局 各单位：提出以下要求。', {
      id: 'ncp-1',
      sourcePath: 'n.txt',
    });
    expect(applyManifestRow(text, ncp)).toMatchObject({
      type: '政策文件',
      title: '国家税务总局南阳市税务局',
    });
    expect(applyManifestRow(text, gd).type).toBe('办事指南');
  });
});
