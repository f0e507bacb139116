import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBoilerplateLine } from '../../src/text/boilerplate.js';

const SEED_LINES = readFileSync(
  new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url),
  'utf8',
).split('\n');

describe('isBoilerplateLine', () => {
  it.each([
    '字体大小: 打印',
    '字体大小：打印',
    '字体：大 中 小',
    '字体：【大】【中】【小】',
    '【字体：大 中 小】 【打印】 【关闭】',
    '扫一扫在手机打开当前页',
    '    扫一扫在手机打开当前页',
    '分享到：',
    '分享到: 微信 微博 QQ空间',
    '【关闭窗口】',
    '[打印本页] [关闭窗口]',
    '打印本页',
    '相关链接',
    '上一篇：关于做好2025年社会保险工作的通知',
    '下一篇：无',
    '链接： 网站纠错',
    '责任编辑：李瑞',
    '[网络编辑：张兴林] [信息审核：张兴林]',
    '<!-- INFO END -->',
    '当前位置：首页 > 政务公开 > 政策解读',
    '浏览次数：1024',
    '打印　关闭',
  ])('flags chrome: %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    '  • 发文字号 青政办字【2025】21号',
    '  • 发布日期 2025-05-16',
    '  • 主题分类 信息产业(含电信)',
    '    一、实施数字经济提质工程',
    '    解读单位：市大数据局政策和规划处',
    '    联系电话：85912190',
    '申请人可在政务服务大厅打印受理回执。',
    '分享经济、共享经济等新业态加快发展。',
    '第十条 本条例自2025年1月1日起施行。',
    '来源：江西日报',
    '**是否支持网上预约**：是',
    '大',
    '',
    '   ',
  ])('keeps content: %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });

  it('flags exactly the two chrome lines of the seed document', () => {
    const flagged = SEED_LINES.filter(isBoilerplateLine).map((l) => l.trim());
    expect(flagged).toEqual(['字体大小: 打印', '扫一扫在手机打开当前页']);
  });
});
