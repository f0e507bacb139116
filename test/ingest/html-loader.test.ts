import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/ingest/loaders/html-loader.js';

/**
 * Pages written to look like what government sites serve: an HTML5 article page with banner,
 * navigation, breadcrumb, share bar, side column and footer; a GB2312 page laid out with tables in
 * upper-case HTML 4 (chrome named only by class/id); and broken markup (unclosed and misnested tags,
 * a `>` inside an attribute, stray end tags). Each must come out as the text a reader reads.
 */
const page = (name: string) => readFile(new URL(`./html-pages/${name}`, import.meta.url));
const lines = (text: string) => text.split('\n');

describe('HTML loader on real-world pages', () => {
  it('keeps the article of an HTML5 page and drops banner, navigation, breadcrumb, share bar, aside and footer', async () => {
    const { text, title } = await loadHtml(await page('modern-article.html'));
    expect(title).toBe('关于印发《青岛市灵活就业人员社会保险补贴办法》的通知');
    expect(lines(text)).toEqual([
      '关于印发《青岛市灵活就业人员社会保险补贴办法》的通知',
      '发文字号：青人社规〔2025〕3号\u2003发布日期：2025-03-18',
      '各区、市人力资源社会保障局：',
      '现将《青岛市灵活就业人员社会保险补贴办法》印发给你们，请认真贯彻执行。',
      '本办法自2025年4月1日起施行。',
      '一、补贴标准',
      '补贴标准为实际缴费额的三分之二，每人每月最高不超过1,200元。',
      '补贴期限',
      '人员类别 | 补贴期限',
      '就业困难人员 | 最长3年',
      '离校2年内高校毕业生 | 最长2年',
      '（此件公开发布）',
    ]);
  });

  it('reads a GB2312 page laid out with tables, dropping the chrome its classes and ids name', async () => {
    const { text, title } = await loadHtml(await page('old-table-layout.html'));
    expect(title).toBe('市政府办公厅关于做好2024年冬季供热工作的通知');
    expect(lines(text)).toEqual([
      '市政府办公厅关于做好2024年冬季供热工作的通知',
      '青政办发〔2024〕15号',
      '各区、市人民政府，市政府各部门：',
      '为保障群众温暖过冬，现就做好供热工作通知如下：',
      '一、供热期为2024年11月15日至2025年4月5日，室温不低于18oC。',
      '二、供热热线：0532-12345。',
    ]);
    expect(text).not.toMatch(/网站首页|您现在的位置|版权所有|访问统计|旧版内容/);
  });

  it('parses broken markup without losing or inventing text', async () => {
    const { text, title } = await loadHtml(await page('broken-markup.html'));
    expect(title).toBe('青岛市养犬管理办事指南');
    expect(lines(text)).toEqual([
      '青岛市养犬管理办事指南',
      '办理地点：各区公安分局养犬登记窗口',
      '办理时限：当场办结',
      '材料一：居民身份证',
      '材料二：犬只免疫证明',
      '材料三：犬只照片',
      '收费标准 | 首次登记每只犬500元',
      '年检 | 每年200元',
      '咨询电话：0532-66573110',
      '最后一行没有闭合标签',
    ]);
  });
});
