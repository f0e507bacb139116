import type { Span } from '../domain.js';

/**
 * The fields of a 办事指南 (service guide) record, as the shared corpus renders them: one
 * `**字段**：值` line per field and a `## 申请材料` numbered list. One definition for ingest (a
 * record is chunked per field group, see ingest/chunker.ts) and retrieval (a question's ask is
 * mapped to the group that answers it, see retrieve/guide-route.ts).
 */

/**
 * Field groups in record order, each with the field names it gathers. Consecutive fields of one
 * group become one chunk whose heading path ends with the group's label, so a question about the
 * time limit reaches the time-limit lines of the guide and not the whole record.
 */
export const GUIDE_FIELD_GROUPS = {
  事项信息: [
    '事项类型',
    '实施主体',
    '行政区划',
    '事项层级',
    '所属目录',
    '事项编码',
    '服务对象',
    '主题分类',
    '联办部门',
  ],
  受理条件: ['受理条件'],
  办理地点: ['办理地点'],
  办结时限: ['法定办结时限', '承诺办结时限'],
  收费: ['收费'],
  办理方式: ['到现场次数', '是否支持物流快递', '是否支持网上预约', '受理平台'],
  咨询电话: ['咨询电话', '监督投诉电话', '办事指南原始网址'],
  申请材料: ['申请材料'],
} as const satisfies Record<string, readonly string[]>;

/** A field group's label, also the last element of the heading path of its chunks. */
export type GuideFieldGroup = keyof typeof GUIDE_FIELD_GROUPS;

const GROUP_OF = new Map<string, GuideFieldGroup>(
  Object.entries(GUIDE_FIELD_GROUPS).flatMap(([group, names]) =>
    names.map((name) => [name, group as GuideFieldGroup] as const),
  ),
);

/** The group a field name belongs to, or undefined for a field this table does not know. */
export function fieldGroupOf(name: string): GuideFieldGroup | undefined {
  return GROUP_OF.get(name);
}

/** True when `label` is a field group's label (the last heading of a guide field chunk). */
export function isFieldGroup(label: string | undefined): label is GuideFieldGroup {
  return label !== undefined && Object.hasOwn(GUIDE_FIELD_GROUPS, label);
}

/**
 * Known field lines a text needs to be read as a guide record. The shared corpus's records have 11
 * to 19; 5 keeps a policy text with a few bold labels (**联系电话**：…) out of the field chunker.
 */
export const MIN_GUIDE_FIELDS = 5;

/** One field of a record: the whole `**名**：值` line, or the `## 申请材料` heading with its list. */
export interface GuideField extends Span {
  name: string;
  /** The value part of a field line (`text.slice(valueStart, end)`); the list for 申请材料. */
  valueStart: number;
}

const FIELD_LINE = /^\*\*([^*\n]{1,16})\*\*[ \t]*[：:][ \t]*/;
/** A field label (`**名**：`) anywhere in a text, the name as FIELD_LINE reads it. */
const FIELD_LABEL = /\*\*[^*\n]{1,16}\*\*[ \t]*[：:]/;

/**
 * A passage that is one structured unit, a law article or a 办事指南 field (`**名**：值`): it
 * answers by itself. One rule for the answerability features and the reranker's.
 */
export function isStructuredUnit(chunk: { article?: string; text: string }): boolean {
  return Boolean(chunk.article) || FIELD_LABEL.test(chunk.text);
}
const SECTION = /^##[ \t]+(\S[^\n]*?)[ \t]*$/;

/**
 * The fields of a guide record in text order, offsets into `text`, or undefined when `text` is not
 * one (fewer than MIN_GUIDE_FIELDS known field lines). A `## 名` section runs to the next field
 * line, section or end of text; trailing blank lines are not part of any field.
 */
export function parseGuideFields(text: string): GuideField[] | undefined {
  const fields: GuideField[] = [];
  let known = 0;
  let section: GuideField | undefined;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, nl);
    let end = nl;
    while (end > pos && /\s/.test(text[end - 1])) end--;
    const field = FIELD_LINE.exec(line);
    const heading = field ? undefined : SECTION.exec(line);
    if (field) {
      section = undefined;
      if (fieldGroupOf(field[1]) !== undefined) known += 1;
      fields.push({ name: field[1], start: pos, end, valueStart: pos + field[0].length });
    } else if (heading) {
      section = { name: heading[1], start: pos, end, valueStart: nl + 1 };
      fields.push(section);
    } else if (section && end > pos) {
      section.end = end;
    }
    pos = nl + 1;
  }
  return known >= MIN_GUIDE_FIELDS ? fields : undefined;
}

/** The value of field `name` in `text` (a guide record), trimmed, or undefined. */
export function guideFieldValue(
  text: string,
  fields: readonly GuideField[],
  name: string,
): string | undefined {
  const field = fields.find((f) => f.name === name);
  return field ? text.slice(field.valueStart, field.end).trim() : undefined;
}
