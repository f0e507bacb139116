import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { lawAssistant } from '../fakes/law-assistant.js';

/*
 * The lexicon's topic and act rows (lexicon/colloquial.tsv, "topics of the demo corpus", "acts the
 * demo corpus rules on"): a citizen's everyday word for a matter or an act finds the rule that names
 * it officially, ahead of a rule that shares only the scene's words (登记, 住, 几天; 野生动物).
 */
const LAWS = [
  {
    id: 'exit-entry',
    title: '中华人民共和国出境入境管理法',
    region: '全国',
    text: `# 中华人民共和国出境入境管理法

第三十九条 外国人在中国境内旅馆住宿的，旅馆应当按照旅馆业治安管理的有关规定为其办理住宿登记，并向所在地公安机关报送外国人住宿登记信息。

外国人在旅馆以外的其他住所居住或者住宿的，应当在入住后二十四小时内，由本人或者留宿人，向居住地的公安机关办理登记。
`,
  },
  {
    id: 'hukou',
    title: '中华人民共和国户口登记条例',
    region: '全国',
    text: `# 中华人民共和国户口登记条例

第十六条 公民因私事离开常住地外出、暂住的时间超过三日的，暂住地的户主或者本人应当在三日以内向户口登记机关申报暂住登记，离开前申报注销；暂住在旅店的，由旅店设置旅客登记簿随时登记。

第十七条 户口登记的内容需要变更或者更正的时候，由户主或者本人向户口登记机关申报；户口登记机关审查属实后予以变更或者更正。
`,
  },
  {
    id: 'family',
    title: '山东省反家庭暴力条例',
    region: '山东省',
    text: `# 山东省反家庭暴力条例

第十三条 家庭暴力受害人及其法定代理人、近亲属可以向加害人或者受害人所在单位、居民委员会、村民委员会、妇女联合会等单位投诉、反映或者求助。

第二十条 公民发现正在发生的违法行为，可以向公安机关报案，公安机关接到报案后应当及时出警。
`,
  },
  {
    id: 'wildlife',
    title: '山东省实施《中华人民共和国野生动物保护法》办法',
    region: '山东省',
    text: `# 山东省实施《中华人民共和国野生动物保护法》办法

第十二条 野生动物收容救护机构应当及时救护受伤、受困的野生动物，救护后放归自然。

第十八条 任何单位和个人不得在禁猎区、禁猎期或者使用禁用的工具、方法非法猎捕野生动物。
`,
  },
];

describe('an everyday word for a matter finds the rule that names it officially', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('topic-rows-', LAWS));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('老外 finds the rule on foreigners (外国人), not the residents’ temporary registration', async () => {
    const r = await assistant.retriever.retrieve('老外来我家住几天，要去登记吗？');
    expect(r.passages[0].meta.id).toBe('exit-entry');
    expect(r.passages[0].why.matchedTerms).toContain('外国人');
  });

  it('家暴 finds the domestic-violence rule (家庭暴力), which says where to turn', async () => {
    const r = await assistant.retriever.retrieve('被家暴了能去哪里求助？');
    expect(r.passages[0].chunk.text).toContain('家庭暴力受害人');
    expect(r.passages[0].why.matchedTerms).toContain('家庭暴力');
  });

  it('偷猎 finds the rule against 非法猎捕, not the rescue rule that shares 野生动物', async () => {
    const r = await assistant.retriever.retrieve('山上有人偷猎野生动物，有人管吗？');
    expect(r.passages[0].chunk.text).toContain('非法猎捕');
  });
});
