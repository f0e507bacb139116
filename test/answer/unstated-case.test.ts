import { describe, expect, it } from 'vitest';
import { numberLead } from '../../src/answer/compose-lead.js';
import { scoreSentences } from '../../src/answer/extractive-selection.js';
import { articlePassages } from '../fakes/article-passages.js';

/**
 * Two articles of a domestic-violence rule that hold the same words of the question, the appeal
 * ranked first (as the Qingdao index ranks them, 2026-12-03).
 */
describe('a sentence opening with a case the citizen does not state', () => {
  const groups = [['法院', '人民法院'], ['申请'], ['人身安全保护令']];
  const idf = new Map([
    ['法院', 4],
    ['人民法院', 3],
    ['申请', 2.5],
    ['人身安全保护令', 8],
  ]);
  const passages = [
    ...articlePassages('violence', [
      {
        text: '第四十一条 申请人对人民法院驳回申请不服或者被申请人对人身安全保护令不服的，可以自裁定生效之日起五日内向作出裁定的人民法院申请复议一次。',
        score: 1,
      },
      {
        text: '第三十九条 人民法院受理人身安全保护令申请后，应当在七十二小时内作出人身安全保护令或者驳回申请。',
        score: 0.93,
      },
    ]),
  ];

  it('answers how long the court takes from the decision, not from the appeal', () => {
    const question = '我想去法院申请人身安全保护令，法院多久能给结果？';
    const [best] = scoreSentences(question, passages, groups, idf);
    expect(best.text).toContain('七十二小时内');
    expect(numberLead(question, best.text)).toBe('七十二小时');
  });

  it('keeps the appeal first when the question states that case', () => {
    const question = '对法院驳回人身安全保护令申请不服，多久内可以申请复议？';
    const [best] = scoreSentences(question, passages, [...groups, ['复议']], new Map([...idf, ['复议', 6]]));
    expect(best.text).toContain('五日内');
  });
});
