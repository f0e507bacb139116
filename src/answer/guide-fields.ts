import type { Span } from '../domain.js';

/**
 * The fields of a structured 办事指南 (service guide). Guides are Markdown records of
 * `**字段**：值` lines (受理条件, 办理地点, 承诺办结时限 …) followed by `## 申请材料` with a
 * numbered list. Offsets are into the document text, so that a field can be cited exactly.
 */
export interface GuideField extends Span {
  /** The field name, e.g. 承诺办结时限. */
  name: string;
  /** The value as written (trimmed), e.g. "1(工作日)". */
  value: string;
  /** Where the value stands in the document text. */
  valueStart: number;
  valueEnd: number;
}

/** A `## 标题` section of numbered or bulleted items, e.g. 申请材料. */
export interface GuideList extends Span {
  name: string;
  /** The item lines as written, enumerator included ("1. 身份证明"). */
  items: (Span & { text: string })[];
}

export interface ServiceGuide {
  fields: Map<string, GuideField>;
  lists: Map<string, GuideList>;
}

const FIELD_LINE = /^\*\*([^*\n]{1,20})\*\*[：:][ \t]*(.*)$/gm;
const SECTION = /^##[ \t]+(\S[^\n]*)$/gm;
/** A list line, enumerator included: "1. 身份证明". */
const ITEM = /^[ \t]*((?:\d{1,3}[.、．)）]|[-*•])[ \t]*\S[^\n]*)$/gm;

/**
 * Fewest `**字段**：值` lines that make a document a structured guide: the guides in the corpus
 * have 11–19 of them, a policy text that bolds a label or two has fewer.
 */
export const MIN_GUIDE_FIELDS = 4;

/**
 * Reads the fields and item lists of a structured guide, or undefined when the text is not one
 * (fewer than MIN_GUIDE_FIELDS field lines). Pure.
 */
export function parseServiceGuide(text: string): ServiceGuide | undefined {
  const fields = new Map<string, GuideField>();
  for (const m of text.matchAll(FIELD_LINE)) {
    const name = m[1].trim();
    const raw = m[2];
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    if (!value || fields.has(name)) continue;
    const valueStart = (m.index ?? 0) + m[0].length - raw.length + lead;
    fields.set(name, {
      name,
      value,
      start: m.index ?? 0,
      end: valueStart + value.length,
      valueStart,
      valueEnd: valueStart + value.length,
    });
  }
  if (fields.size < MIN_GUIDE_FIELDS) return undefined;
  const lists = new Map<string, GuideList>();
  const sections = [...text.matchAll(SECTION)];
  sections.forEach((section, i) => {
    const bodyStart = (section.index ?? 0) + section[0].length;
    const bodyEnd = i + 1 < sections.length ? (sections[i + 1].index ?? text.length) : text.length;
    const body = text.slice(bodyStart, bodyEnd);
    const items: GuideList['items'] = [];
    for (const m of body.matchAll(ITEM)) {
      const itemText = m[1].trim();
      const start = bodyStart + (m.index ?? 0) + m[0].length - m[1].length;
      items.push({ text: itemText, start, end: start + itemText.length });
    }
    if (items.length === 0) return;
    lists.set(section[1].trim(), {
      name: section[1].trim(),
      items,
      start: items[0].start,
      end: items[items.length - 1].end,
    });
  });
  return { fields, lists };
}
