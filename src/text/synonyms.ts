/**
 * Colloquial ↔ official wording. Citizens ask about 社保, 公积金, 驾照; documents say 社会保险,
 * 住房公积金, 机动车驾驶证. Each group is a set of interchangeable terms (both directions); each
 * expansion is one-way (a bundle term implies its parts, not the reverse).
 *
 * Every term here is also added to the jieba user dictionary so it is segmented whole, otherwise
 * an alternative could never match an index term. Bump `SYNONYMS_VERSION` when a list changes.
 */
export const SYNONYMS_VERSION = 2;

/** Interchangeable terms, the official form usually last. */
const GROUPS: readonly (readonly string[])[] = [
  ['社保', '社会保险'],
  ['社保卡', '社会保障卡'],
  ['公积金', '住房公积金'],
  ['公积金中心', '住房公积金管理中心'],
  ['身份证', '居民身份证'],
  ['医保', '医疗保险', '基本医疗保险'],
  ['医保卡', '社会保障卡'],
  ['居民医保', '城乡居民医保', '城乡居民基本医疗保险'],
  ['职工医保', '职工基本医疗保险'],
  ['退休金', '养老金', '基本养老金'],
  ['养老保险', '基本养老保险'],
  ['户口', '户籍'],
  ['户口本', '户口簿', '居民户口簿'],
  ['驾照', '驾驶证', '机动车驾驶证'],
  ['行驶证', '机动车行驶证'],
  ['车辆年检', '机动车检验', '机动车安全技术检验'],
  ['低保', '最低生活保障'],
  ['房产证', '不动产权证书', '不动产权证'],
  ['网上办', '网上办理', '一网通办', '全程网办'],
  ['不见面', '不见面审批'],
  ['营业执照', '执照'],
  ['个体户', '个体工商户'],
  ['个税', '个人所得税'],
  ['失业金', '失业保险金'],
  ['生育险', '生育保险'],
  ['工伤险', '工伤保险'],
  ['失业险', '失业保险'],
  ['公租房', '公共租赁住房'],
  ['廉租房', '公共租赁住房'],
  ['经适房', '经济适用住房'],
  ['老年证', '老年人优待证'],
  ['残疾证', '残疾人证'],
  ['出生证', '出生医学证明'],
  ['结婚证', '结婚登记'],
  ['离婚证', '离婚登记'],
  ['护照', '普通护照'],
  ['港澳通行证', '往来港澳通行证'],
  ['台湾通行证', '往来台湾通行证'],
  ['打官司', '诉讼'],
  ['工资', '劳动报酬'],
  ['拖欠工资', '欠薪', '拖欠劳动报酬'],
  ['辞退', '解除劳动合同'],
  ['热线', '便民热线', '12345'],
  ['办事大厅', '政务服务大厅', '政务服务中心'],
  ['开公司', '企业开办', '设立登记'],
  ['注销公司', '企业注销'],
  ['养老院', '养老机构'],
  ['幼儿园', '学前教育'],
  ['上学', '入学'],
  ['看病', '就医'],
  ['异地看病', '异地就医'],
  ['残疾人补贴', '残疾人两项补贴'],
  ['新冠', '新冠肺炎', '新型冠状病毒'],
  ['规上企业', '规上工业企业', '规模以上工业企业'],
];

/** One-way expansions: a bundle or umbrella term implies these terms. */
const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  五险一金: ['社会保险', '住房公积金', '养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险'],
  五险: ['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险'],
  一老一小: ['养老服务', '托育'],
};

function buildTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    const list = table.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    table.set(from, list);
  };
  for (const group of GROUPS) for (const a of group) for (const b of group) add(a, b);
  for (const [from, tos] of Object.entries(EXPANSIONS)) for (const to of tos) add(from, to);
  return table;
}

const TABLE = buildTable();

/** Alternatives of `term` (normalised), excluding `term` itself; empty when it has none. */
export function synonymsOf(term: string): readonly string[] {
  return TABLE.get(term) ?? [];
}

/** Every term the synonym tables mention, for the user dictionary. */
export function synonymTerms(): string[] {
  const all = new Set<string>();
  for (const group of GROUPS) for (const t of group) all.add(t);
  for (const [from, tos] of Object.entries(EXPANSIONS)) {
    all.add(from);
    for (const t of tos) all.add(t);
  }
  return [...all];
}
