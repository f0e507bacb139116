import type { DocType, DocumentMeta } from '../domain.js';
import { DATE_PATTERN, parseDate, toIsoDate } from './dates.js';
import { findRegion } from './regions.js';

/**
 * Metadata read from a document's own text: title, 发文字号, dates, issuing authority, 主题分类,
 * contact phone, region and document type. A `manifest.jsonl` row may override any of it later
 * (see manifest.ts).
 */

/** How far into the text the header fields (发文字号, authority, dates) are looked for, in chars. */
const HEADER_CHARS = 1500;
/** Titles longer than this are cut (one-line NCPQA documents have no title line). */
const MAX_TITLE_CHARS = 60;

const SEP = '[ \\t\\u3000:：]*';
const NUM_CN = '[一二三四五六七八九十百千零〇\\d]+';
/** 发文字号: prefix, year in 〔〕【】[]()（）, number. */
const DOC_NUMBER = `[\\u4e00-\\u9fa5]{1,12}[〔【\\[(（]\\s*(?:19|20)\\d{2}\\s*[〕】\\])）]\\s*第?\\s*\\d+\\s*号`;
/** 国务院令第N号, 中华人民共和国交通部令第8号. */
const ORDER_NUMBER = `[\\u4e00-\\u9fa5]{0,16}令${SEP}第${NUM_CN}号`;

export interface ExtractOptions {
  id: string;
  sourcePath: string;
  /** A title the file format carries (HTML <h1>), preferred over the first line. */
  titleHint?: string;
}

function labelled(text: string, labels: string, value: string): string | undefined {
  const m = new RegExp(`(?:${labels})${SEP}(${value})`).exec(text);
  return m ? m[1].trim() : undefined;
}

function cleanTitle(line: string): string {
  let t = line.replace(/^#+\s*/, '').trim();
  // 政策解读 pages prefix the title with a column tag: "【文字解读】《…》政策解读".
  t = t.replace(/^【[^】]{1,8}】\s*/, '');
  // One-line documents: the headline is the first space-separated token before the body text.
  if (t.length > MAX_TITLE_CHARS || /[。；：:]/.test(t)) {
    const first = t.split(/[\s\u3000]+/)[0] ?? t;
    t = first.length <= MAX_TITLE_CHARS ? first : first.slice(0, MAX_TITLE_CHARS);
  }
  return t;
}

export function extractTitle(text: string, hint?: string): string {
  if (hint?.trim()) return cleanTitle(hint);
  const heading = /^#[ \t]+(.+)$/m.exec(text.slice(0, HEADER_CHARS));
  if (heading) return cleanTitle(heading[1]);
  const first = text.split('\n').find((line) => line.trim() !== '');
  return first ? cleanTitle(first) : '';
}

export function extractDocNumber(text: string): string | undefined {
  const head = text.slice(0, HEADER_CHARS);
  const tagged = labelled(head, '发文字号|文号|发文号', `${DOC_NUMBER}|${ORDER_NUMBER}`);
  if (tagged) return tagged.replace(/\s+/g, '');
  const order = new RegExp(ORDER_NUMBER).exec(head);
  if (order) return order[0].replace(/^(?:经|由|以|根据|依据|按照)/, '').replace(/\s+/g, '');
  const plain = new RegExp(DOC_NUMBER).exec(head);
  if (!plain) return undefined;
  // The prefix run may have swallowed the verb before the number ("印发青政办字【2025】21号").
  return plain[0].replace(/^.*(?:印发|转发|根据|依据|按照|关于)/, '').replace(/\s+/g, '');
}

interface Dates {
  publishDate?: string;
  writtenDate?: string;
  effectiveDate?: string;
}

export function extractDates(text: string): Dates {
  const head = text.slice(0, HEADER_CHARS);
  const dated = (labels: string): string | undefined => {
    const v = labelled(head, labels, DATE_PATTERN);
    return v ? parseDate(v) : undefined;
  };
  const dates: Dates = {
    publishDate: dated('发布日期|发布时间|印发日期|公布日期|发布'),
    writtenDate: dated('成文日期'),
    effectiveDate: dated('施行日期|实施日期|生效日期'),
  };
  if (!dates.effectiveDate) {
    const m = new RegExp(`自${DATE_PATTERN}起(?:施行|实施|执行|生效)`).exec(text);
    if (m) dates.effectiveDate = toIsoDate(m[1], m[2], m[3]);
  }
  if (!dates.publishDate) {
    // Laws: the last dated header line ("2020年11月18日 …会议通过/修正/公布").
    const lines = head.matchAll(
      new RegExp(`^${DATE_PATTERN}[ \\t\\u3000]+.*(?:通过|公布|发布|修正|修订|批准)`, 'gm'),
    );
    let last: string | undefined;
    for (const m of lines) last = toIsoDate(m[1], m[2], m[3]) ?? last;
    dates.publishDate = last;
  }
  return dates;
}

export function extractAuthority(text: string): string | undefined {
  const head = text.slice(0, HEADER_CHARS);
  const tagged = labelled(
    head,
    '发文机关|发布机构|发布机关|制发机关|\\*\\*实施主体\\*\\*|实施主体',
    '[^\\s，。,；;]{2,40}',
  );
  if (tagged) return tagged;
  const congress =
    /^\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000]+([\u4e00-\u9fa5]*?)第[一二三四五六七八九十\d]+届(人民代表大会(?:常务委员会)?)/m.exec(
      head,
    );
  if (congress) return `${congress[1]}${congress[2]}`;
  if (/国务院令/.test(head)) return '国务院';
  // 解读单位 stands at the end of 政策解读 pages.
  return labelled(text, '解读单位|解读机关|发布单位|来源', '[^\\s，。,；;]{2,40}');
}

export function extractPhone(text: string): string | undefined {
  const v = labelled(
    text,
    '\\*\\*咨询电话\\*\\*|咨询电话|联系电话|咨询热线|服务电话|联系方式',
    '[\\d（(][\\d\\-－—（）() 、,，转]{3,60}\\d',
  );
  return v?.replace(/[、,，]\s*$/, '').trim();
}

const LAW_TITLE = /(?:法|条例|规定|办法|细则|规则|决定)(?:（[^）]*）)?$/;

export function detectType(text: string, title: string, docNumber?: string): DocType {
  const head = text.slice(0, HEADER_CHARS);
  if (/解读/.test(title) || /^.{0,20}【[^】]*解读】/.test(head)) return '政策解读';
  if (/\*\*事项类型\*\*/.test(head) || (/办理地点/.test(text) && /申请材料/.test(text))) return '办事指南';
  const articles = text.match(/^[ \t\u3000]*第[一二三四五六七八九十百千零]+条[ \t\u3000]/gm)?.length ?? 0;
  if (articles >= 3 && LAW_TITLE.test(title)) return '法规';
  if (/通知|公告|通告|通报/.test(title)) return '通知';
  if (docNumber || /方案|意见|办法|措施|规划|决定|实施细则|若干/.test(title)) return '政策文件';
  if (articles >= 3) return '法规';
  return '其他';
}

/** Metadata from the text alone. */
export function extractMetadata(text: string, { id, sourcePath, titleHint }: ExtractOptions): DocumentMeta {
  const title = extractTitle(text, titleHint) || id;
  const docNumber = extractDocNumber(text);
  const meta: DocumentMeta = {
    id,
    title,
    ...extractDates(text),
    docNumber,
    authority: extractAuthority(text),
    category: labelled(text.slice(0, HEADER_CHARS), '\\*\\*主题分类\\*\\*|主题分类', '[^\\s，。,；;]{1,40}'),
    phone: extractPhone(text),
    region:
      labelled(text.slice(0, HEADER_CHARS), '\\*\\*行政区划\\*\\*', '[^\\s，。,；;]{2,20}') ??
      findRegion(`${title}\n${text.slice(0, 300)}`),
    type: detectType(text, title, docNumber),
    sourcePath,
  };
  // Drop absent fields so that hashes and JSON stay stable.
  for (const key of Object.keys(meta) as (keyof DocumentMeta)[]) {
    if (meta[key] === undefined) delete meta[key];
  }
  return meta;
}
