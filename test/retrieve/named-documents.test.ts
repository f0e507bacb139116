import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { namedRules, unheldRules, unheldRulesSentence } from '../../src/retrieve/named-documents.js';
import { lawAssistant } from '../fakes/law-assistant.js';

describe('namedRules and unheldRules', () => {
  const titles = [{ title: '山东省物业管理条例' }, { title: '中华人民共和国劳动合同法' }];

  it('reads a rule named in book-title marks or written out with its place, from the place on', () => {
    expect(namedRules('青岛市数据条例哪天开始施行？')).toEqual(['青岛市数据条例']);
    expect(namedRules('按山东省物业管理条例，业主大会怎么开？')).toEqual(['山东省物业管理条例']);
    expect(namedRules('《中华人民共和国劳动合同法》第十九条')).toEqual(['中华人民共和国劳动合同法']);
  });

  it('reads no rule in certificates, notices or questions that end like a title', () => {
    expect(namedRules('办《乡村建设规划许可证》要什么材料？')).toEqual([]);
    expect(namedRules('《关于统筹抓好服务业疫情防控的指导意见》说了什么？')).toEqual([]);
    expect(namedRules('北京市发布了哪些条例帮助企业？')).toEqual([]);
    expect(namedRules('浙江省用什么办法降低企业用电成本？')).toEqual([]);
  });

  it('names the rules no title holds, and none when one is held (also by a shorter name)', () => {
    expect(unheldRules('青岛市数据条例哪天开始施行？', titles)).toEqual(['青岛市数据条例']);
    expect(unheldRules('按山东省物业条例，业主大会怎么开？', titles)).toBeUndefined();
    expect(unheldRules('《劳动合同法》第十九条', titles)).toBeUndefined();
    // A passage found that quotes the rule's name holds it in part.
    expect(
      unheldRules('青岛市数据条例哪天开始施行？', titles, ['依据《青岛市数据条例》，制定本办法。']),
    ).toBeUndefined();
    expect(unheldRules('业主大会怎么开？', titles)).toBeUndefined();
    expect(unheldRulesSentence(['青岛市数据条例'])).toBe('文件中没有《青岛市数据条例》。');
  });
});

const LABOUR = `# 中华人民共和国劳动合同法

第九十八条 本法自2008年1月1日起施行。

第十九条 劳动合同期限三个月以上不满一年的，试用期不得超过一个月。
`;

/** The refusal over real files, jieba and hnswlib: a rule the index does not hold, asked by name. */
describe('a question naming a rule the index does not hold', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('unheld-', [
      { id: 'nat-ld', title: '中华人民共和国劳动合同法', region: '全国', text: LABOUR },
    ]));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it("refuses and names the rule, instead of quoting another law's commencement", async () => {
    const question = '青岛市数据条例哪天开始施行？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.relevant).toBe(false);
    expect(r.unheldRules).toEqual(['青岛市数据条例']);
    const answer = await assistant.extractive.answer(question, r);
    expect(answer.refused).toBe(true);
    expect(answer.answer).toContain('文件中没有《青岛市数据条例》');
    expect(answer.citations).toEqual([]);
  });

  it('answers the rule it holds, named the same way', async () => {
    const question = '劳动合同法哪天开始施行？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.unheldRules).toBeUndefined();
    const answer = await assistant.extractive.answer(question, r);
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('2008年1月1日');
  });
});
