import { describe, expect, it } from 'vitest';
import { CASE_LIST_PRIOR, caseListPrior } from '../../src/retrieve/case-lists.js';

const CASES =
  '第二十四条 职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：\n（一）购买、建造、翻建、大修自住住房的；';
const DUTIES = '第十一条 住房公积金管理中心履行下列职责：\n（一）编制、执行住房公积金的归集、使用计划；';

describe('the case-list prior', () => {
  it('lifts a list of cases for a question asking in which cases, and nothing else', () => {
    const asked = caseListPrior('住房公积金在哪些情况下可以提出来用？');
    expect(asked(CASES)).toBe(CASE_LIST_PRIOR);
    expect(asked(DUTIES)).toBe(1);
    expect(caseListPrior('什么情形下不能享受年休假？')('有以下情况之一的，不享受当年的年休假')).toBe(
      CASE_LIST_PRIOR,
    );
  });

  it('leaves questions that ask no cases', () => {
    expect(caseListPrior('提取住房公积金要带哪些材料？')(CASES)).toBe(1);
    expect(caseListPrior('住房公积金怎么提取？')(CASES)).toBe(1);
  });
});
