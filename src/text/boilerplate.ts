import { isWhitespaceCode, toHalfWidth } from './normalise.js';

/**
 * Web-page chrome that government sites wrap around a document ("字体大小: 打印",
 * "扫一扫在手机打开当前页", "【关闭窗口】" …). A line is boilerplate only when it consists of such
 * chrome and nothing else, so content that merely mentions 打印 or 分享 is kept.
 */

/** Phrases that, alone or together on one line, make up page chrome. Compared after `squash`. */
const CHROME_PHRASES = [
  '字体大小',
  '字体',
  '字号',
  '文字大小',
  '大中小',
  '【大】【中】【小】',
  '[大][中][小]',
  '大',
  '中',
  '小',
  '默认',
  '打印',
  '打印本页',
  '打印此页',
  '打印文章',
  '【打印】',
  '[打印]',
  '打印页面',
  '关闭',
  '关闭窗口',
  '关闭本页',
  '【关闭】',
  '【关闭窗口】',
  '[关闭窗口]',
  '[关闭]',
  '返回顶部',
  '返回',
  '【返回顶部】',
  '收藏',
  '收藏本页',
  '加入收藏',
  '分享',
  '分享到',
  '扫一扫',
  '扫一扫在手机打开当前页',
  '在手机打开当前页',
  '手机扫一扫',
  '用手机扫描二维码',
  '扫描二维码',
  '打开当前页',
  '相关链接',
  '相关文章',
  '相关阅读',
  '相关新闻',
  '网站纠错',
  '纠错',
  '链接',
  '文档附件',
  '上一篇',
  '下一篇',
  '上一条',
  '下一条',
  '无',
  '微信',
  '微博',
  'qq空间',
  '腾讯微博',
  '新浪微博',
  '浏览次数',
  '阅读次数',
  '访问量',
  '【字体',
  '当前位置',
  '您当前的位置',
  '您现在的位置',
  '首页',
  '信息来源',
  '来源',
  '责任编辑',
  '网络编辑',
  '信息审核',
];

/** Lines that start with a chrome label and carry only navigation or editor names after it. */
const CHROME_PREFIXES = [
  /^(上一篇|下一篇|上一条|下一条)[:：]/,
  // Editor credits, alone or several in brackets: [网络编辑:张兴林] [信息审核:张兴林]
  /^(?:[[【(]?(?:责任编辑|网络编辑|信息审核|编辑|审核|校对)[:：]\s*[^\]】)\s。，；]{0,12}[\]】)]?\s*)+$/,
  /^(浏览次数|阅读次数|访问量|点击数|点击率)[:：]?\d*$/,
  /^(当前位置|您当前的位置|您现在的位置|您所在的位置)[:：]/,
];

/** Removes whitespace, colons, separators and brackets that vary between sites. */
function squash(line: string): string {
  const half = toHalfWidth(line).toLowerCase();
  let out = '';
  for (let i = 0; i < half.length; i++) {
    const code = half.charCodeAt(i);
    if (isWhitespaceCode(code)) continue;
    const ch = half[i];
    if (':|/>·•-_'.includes(ch) || ch === '\u3001' || ch === '\u00bb' || ch === '\u203a') continue;
    out += ch;
  }
  return out;
}

const PHRASES_LONGEST_FIRST = [...new Set(CHROME_PHRASES.map(squash))].sort((a, b) => b.length - a.length);

/** Chrome phrases that identify a line on their own; single characters like 大/中/小 do not. */
const ANCHORS = PHRASES_LONGEST_FIRST.filter(
  (p) => p.length >= 2 && p !== '默认' && p !== '无' && p !== '首页',
);

/** Content lines are rarely this short, chrome lines rarely this long. */
const MAX_CHROME_CHARS = 60;

/**
 * True when `line` is page chrome rather than document content. Blank lines are not chrome
 * (callers keep them as paragraph breaks). Metadata lines ("• 发文字号 青政办字【2025】21号") are content.
 */
export function isBoilerplateLine(line: string): boolean {
  const trimmed = toHalfWidth(line)
    .trim()
    .replace(/^[•·*\-\s]+/, '');
  if (trimmed.length === 0 || trimmed.length > MAX_CHROME_CHARS) return false;
  if (/^<!--.*-->$/.test(trimmed)) return true;
  if (CHROME_PREFIXES.some((re) => re.test(trimmed))) return true;
  let rest = squash(trimmed);
  if (rest.length === 0) return false;
  if (!ANCHORS.some((a) => rest.includes(a))) return false;
  // Strip chrome phrases greedily; whatever is left must be nothing but digits/brackets.
  let changed = true;
  while (changed && rest.length > 0) {
    changed = false;
    for (const p of PHRASES_LONGEST_FIRST) {
      if (rest.startsWith(p)) {
        rest = rest.slice(p.length);
        changed = true;
        break;
      }
    }
    if (!changed) {
      // Brackets and separators that wrap chrome items: 【】[]()（）「」.
      const ch = rest[0];
      if ('【】[]()（）「」'.includes(ch)) {
        rest = rest.slice(1);
        changed = true;
      }
    }
  }
  return rest.length === 0;
}
