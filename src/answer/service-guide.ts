import type { Span } from '../domain.js';
import { parseGuideFields } from '../text/guide-fields.js';

/**
 * A 办事指南 record read for answering: each `**字段**：值` line with its value, and each `## 列表`
 * section (申请材料) item by item. Built on text/guide-fields.ts (the same record reading ingest
 * and retrieval use); offsets are into the document text, so every field can be cited exactly.
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

/** A list line, enumerator included: "1. 身份证明". */
const ITEM = /^[ \t]*((?:\d{1,3}[.、．)）]|[-*•])[ \t]*\S[^\n]*?)[ \t]*$/gm;

/** The fields and item lists of a guide record, or undefined when the text is not one. Pure. */
export function parseServiceGuide(text: string): ServiceGuide | undefined {
  const parsed = parseGuideFields(text);
  if (!parsed) return undefined;
  const fields = new Map<string, GuideField>();
  const lists = new Map<string, GuideList>();
  for (const f of parsed) {
    if (text.startsWith('##', f.start)) {
      const body = text.slice(f.valueStart, f.end);
      const items: GuideList['items'] = [];
      for (const m of body.matchAll(ITEM)) {
        const start = f.valueStart + (m.index ?? 0) + m[0].indexOf(m[1]);
        items.push({ text: m[1], start, end: start + m[1].length });
      }
      if (items.length > 0 && !lists.has(f.name)) {
        lists.set(f.name, { name: f.name, items, start: items[0].start, end: items[items.length - 1].end });
      }
      continue;
    }
    const raw = text.slice(f.valueStart, f.end);
    const value = raw.trim();
    if (!value || fields.has(f.name)) continue;
    const valueStart = f.valueStart + (raw.length - raw.trimStart().length);
    fields.set(f.name, {
      name: f.name,
      value,
      start: f.start,
      end: valueStart + value.length,
      valueStart,
      valueEnd: valueStart + value.length,
    });
  }
  return { fields, lists };
}
