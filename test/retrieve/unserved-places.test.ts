import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { unservedPlaces, unservedPlacesSentence } from '../../src/retrieve/unserved-places.js';
import { lawAssistant } from '../fakes/law-assistant.js';

describe('unservedPlaces', () => {
  const qingdao = new Set(['青岛', '山东']);

  it('names a city or province the documents hold nothing of', () => {
    expect(unservedPlaces('北京的公租房怎么申请？', qingdao)).toEqual(['北京市']);
    expect(unservedPlaces('杭州的电动自行车上牌要带哪些材料？', qingdao)).toEqual(['杭州市']);
    expect(unservedPlaces('在浙江开网店要办什么手续？', qingdao)).toEqual(['浙江省']);
    expect(unservedPlacesSentence(['北京市'])).toBe('文件中没有北京市的地方规定。');
  });

  it('leaves alone a question naming no place, a served place, or its province', () => {
    expect(unservedPlaces('公租房怎么申请？', qingdao)).toBeUndefined();
    expect(unservedPlaces('在青岛公租房怎么申请？', qingdao)).toBeUndefined();
    // 德州 is a city of Shandong: the province's rules hold there.
    expect(unservedPlaces('德州的输水干渠边能晒粮食吗？', qingdao)).toBeUndefined();
    // One served place is enough: the question is about Qingdao as well.
    expect(unservedPlaces('从青岛去北京出差，差旅补助怎么算？', qingdao)).toBeUndefined();
    // A city's documents serve its province in part, and the province its cities.
    expect(unservedPlaces('在广东办护照要多久？', new Set(['广州']))).toBeUndefined();
    expect(unservedPlaces('在深圳办护照要多久？', new Set(['广东', '广州']))).toBeUndefined();
  });

  it('does not count where an applicant comes from (香港, 澳门, 台湾)', () => {
    expect(unservedPlaces('香港居民在内地可以办居住证吗？', qingdao)).toBeUndefined();
  });
});

const QINGDAO_RULE = `# 青岛市公共租赁住房管理办法

第一条 为了规范本市公共租赁住房的申请、审核和配租，制定本办法。

第二条 申请公共租赁住房的家庭，应当向户籍所在地街道办事处提出申请，并提交家庭成员身份证明和收入证明。

第三条 公共租赁住房实行轮候制度，轮候期一般不超过两年。
`;

const NATIONAL_RULE = `# 中华人民共和国道路交通安全法实施条例

第五十三条 机动车遇有前方交叉路口交通阻塞时，应当依次停在路口以外等候，不得进入路口。机动车在遇有前方机动车停车排队等候或者缓慢行驶时，应当依次排队。
`;

const NATIONAL_LABOUR = `# 中华人民共和国劳动合同法

第十九条 劳动合同期限三个月以上不满一年的，试用期不得超过一个月；劳动合同期限一年以上不满三年的，试用期不得超过二个月；三年以上固定期限和无固定期限的劳动合同，试用期不得超过六个月。
`;

/** The refusal over real files, jieba and hnswlib: a Qingdao index asked about Beijing. */
describe('a question about a place the index holds nothing of', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('unserved-', [
      { id: 'qd-gzf', title: '青岛市公共租赁住房管理办法', region: '山东省青岛市', text: QINGDAO_RULE },
      { id: 'nat-jt', title: '中华人民共和国道路交通安全法实施条例', region: '全国', text: NATIONAL_RULE },
      { id: 'nat-ld', title: '中华人民共和国劳动合同法', region: '全国', text: NATIONAL_LABOUR },
    ]));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('refuses and says which place is missing, instead of quoting another matter', async () => {
    const question = '北京的公租房怎么申请？一般要排队多久？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.relevant).toBe(false);
    expect(r.unservedPlaces).toEqual(['北京市']);
    const answer = await assistant.extractive.answer(question, r);
    expect(answer.refused).toBe(true);
    expect(answer.answer).toContain('文件中没有北京市的地方规定');
    expect(answer.citations).toEqual([]);
  });

  it('names the place in a refusal decided otherwise, when the Qingdao rule holds the words', async () => {
    const question = '北京的公租房怎么申请？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.relevant).toBe(false);
    expect(r.unservedPlaces).toEqual(['北京市']);
    const answer = await assistant.extractive.answer(question, r);
    expect(answer.answer).toContain('文件中没有北京市的地方规定');
  });

  it('answers from a national rule that holds all else the question asks', async () => {
    const question = '在北京工作，劳动合同试用期最长多久？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.unservedPlaces).toBeUndefined();
    const answer = await assistant.extractive.answer(question, r);
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('试用期不得超过');
  });

  it('answers the same matter asked of the place it holds', async () => {
    const question = '青岛的公租房怎么申请？';
    const r = await assistant.retriever.retrieve(question);
    expect(r.unservedPlaces).toBeUndefined();
    expect(r.relevant).toBe(true);
    const answer = await assistant.extractive.answer(question, r);
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('街道办事处');
  });
});
