import type { Span } from '../domain.js';
import type { GuideAsk } from './guide-asks.js';
import type { GuideField, ServiceGuide } from './service-guide.js';

/** One line of a guide answer: display text and the span of the guide it states (cited). */
export interface GuideLine {
  text: string;
  /** The field's line in the document text; undefined for a note that cites nothing. */
  span?: Span;
  /** Lines with the same key share one citation (the items of one list). */
  key: string;
  /** An item of a list, shown under its lead. */
  item?: boolean;
}

export interface GuideComposition {
  lines: GuideLine[];
  /** Asked things the guide does not state (e.g. 收费 when the guide has no such field). */
  missing: string[];
}

const NO_COUNTER = /无线下|不需要|无需/;

/** A field as a citizen reads it: "承诺办结时限：1（工作日）", "到现场次数：0次（无需到现场）". */
function fieldText(field: GuideField): string {
  const value = field.value.replace(new RegExp(`^${field.name}[：:]\\s*`), '');
  switch (field.name) {
    case '到现场次数': {
      const n = Number(value);
      if (Number.isNaN(n)) return `到现场次数：${value}`;
      return n === 0 ? '到现场次数：0次（无需到现场）' : `到现场次数：${n}次`;
    }
    case '是否支持网上预约':
      return yesNo(field.name, value, '支持网上预约', '不支持网上预约');
    case '是否支持物流快递':
      return yesNo(field.name, value, '支持物流快递（可邮寄）', '不支持物流快递');
    default:
      return `${field.name}：${value}`;
  }
}

/** A 是/否 field as a statement ("支持网上预约"); any other value as the field reads. */
function yesNo(name: string, value: string, yes: string, no: string): string {
  return value === '是' ? yes : value === '否' ? no : `${name}：${value}`;
}

/** Item starts inside a field value: "1.因不可抗力…； 2.当期…", "（一）具有…； （二）…". */
const INLINE_ITEM = /(?:^|[\s；;。：:])((?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]))/gu;

/** A field whose value enumerates items, split into a lead and item lines (offsets kept). */
function fieldLines(field: GuideField): GuideLine[] {
  const starts: number[] = [];
  for (const m of field.value.matchAll(INLINE_ITEM)) starts.push((m.index ?? 0) + m[0].length - m[1].length);
  if (starts.length < 2) {
    return [{ text: fieldText(field), span: { start: field.start, end: field.end }, key: field.name }];
  }
  const lines: GuideLine[] = [];
  const head = field.value.slice(0, starts[0]).trim();
  lines.push({
    text: `${field.name}：${head}`,
    span: { start: field.start, end: field.valueStart + starts[0] },
    key: field.name,
  });
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : field.value.length;
    const raw = field.value.slice(s, end);
    const text = raw.trim();
    const offset = field.valueStart + s + (raw.length - raw.trimStart().length);
    lines.push({ text, span: { start: offset, end: offset + text.length }, key: field.name, item: true });
  });
  return lines;
}

/**
 * Answers a guide question from the guide's field values: each ask's fields in the order asked,
 * then what a citizen needs with them (the place when a visit is needed, the platform when there
 * is no counter), and the processing time, which every applicant needs, when it was not asked.
 * An asked field the guide lacks is reported as missing and the 受理条件, where guides state
 * such particulars, is shown instead (also with `withConditions`: a part of the question no field
 * answers). Pure.
 */
export function composeGuideAnswer(
  guide: ServiceGuide,
  asks: GuideAsk[],
  { withConditions = false }: { withConditions?: boolean } = {},
): GuideComposition {
  const lines: GuideLine[] = [];
  const shown = new Set<string>();
  const missing: string[] = [];
  const show = (name: string): boolean => {
    if (shown.has(name)) return true;
    const list = guide.lists.get(name);
    if (list) {
      shown.add(name);
      lines.push({ text: `${name}：`, key: name });
      for (const item of list.items) {
        lines.push({ text: item.text, span: { start: item.start, end: item.end }, key: name, item: true });
      }
      return true;
    }
    const field = guide.fields.get(name);
    if (!field) return false;
    shown.add(name);
    lines.push(...fieldLines(field));
    return true;
  };
  for (const ask of asks) {
    const found = ask.fields.filter((f) => show(f));
    if (found.length === 0) missing.push(ask.label);
  }
  const visits = guide.fields.get('到现场次数');
  const place = guide.fields.get('办理地点');
  if (shown.has('到现场次数') && visits) {
    if (Number(visits.value) > 0) show('办理地点');
    else show('受理平台');
  }
  // The materials to bring and the department to apply to are acted on somewhere: the place goes
  // with them, and the platform too when no visit is needed (with the 0 visits, below).
  if (shown.has('申请材料') || shown.has('实施主体')) {
    show('办理地点');
    if (visits && Number(visits.value) === 0) show('受理平台');
  }
  if (shown.has('办理地点') && place && NO_COUNTER.test(place.value)) show('受理平台');
  if (shown.has('受理平台') && !shown.has('到现场次数')) show('到现场次数');
  if (missing.length > 0 || withConditions) show('受理条件');
  show('承诺办结时限');
  show('法定办结时限');
  return { lines, missing };
}
