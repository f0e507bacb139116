import { describe, expect, it } from 'vitest';
import { matterNotInGuide } from '../../src/answer/guide-matter.js';

const RADIO = '无线电台（站）的设置使用和呼号指配审批（新申请）';
const RADIO_TEXT = `${RADIO}\n受理条件：一、设置使用个人业余电台的，申请人需满足以下全部申请条件`;

describe('the matter of a guide', () => {
  it("names the question's matter word when the guide holds none of its lexicon forms", () => {
    const groups = [['广州'], ['申请'], ['公租房', '公共租赁住房'], ['条件']];
    expect(matterNotInGuide(groups, [1.1, 1.05, 9.9, 0.4], RADIO_TEXT, RADIO)).toBe('公租房');
    // A guide that holds an official form is of the matter.
    const housing = '公共租赁住房申请\n受理条件：在本市无住房的';
    expect(matterNotInGuide(groups, [1.1, 1.05, 9.9, 0.4], housing, '公共租赁住房申请')).toBeUndefined();
  });

  it('reads the action words (丢了, 补办) as no matter named by the title', () => {
    const groups = [['广州'], ['社保卡', '社会保障卡'], ['丢了', '遗失'], ['补办', '补发']];
    const title = '无线电台（站）的设置使用和呼号指配审批（遗失补办）';
    expect(matterNotInGuide(groups, [1.1, 8, 4.5, 6], `${title}\n办理地点：无线下办理窗口`, title)).toBe(
      '社保卡',
    );
  });

  it('keeps a guide whose title names another weighty word of the question', () => {
    const groups = [['中专'], ['毕业证', '毕业证书'], ['丢了', '遗失'], ['证明书']];
    const title = '出具中等职业学校毕业生学历证明书';
    expect(
      matterNotInGuide(groups, [5.2, 7.8, 4.5, 6.6], `${title}\n受理条件：符合条件的`, title),
    ).toBeUndefined();
  });

  it('decides nothing on a word the lexicon knows no form of (a short name the guide may spell out)', () => {
    const groups = [['社工'], ['证书']];
    expect(
      matterNotInGuide(groups, [9, 2], '社会工作者职业资格证书登记', '社会工作者职业资格证书登记'),
    ).toBeUndefined();
  });
});
