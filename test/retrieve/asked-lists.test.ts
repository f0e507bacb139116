import { describe, expect, it } from 'vitest';
import { ASKED_LIST_PRIOR, askedListPrior } from '../../src/retrieve/asked-lists.js';

const CASES =
  '第二十四条 职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：\n（一）购买、建造、翻建、大修自住住房的；';
const DUTIES = '第十一条 住房公积金管理中心履行下列职责：\n（一）编制、执行住房公积金的归集、使用计划；';

describe('the asked-list prior', () => {
  it('lifts a list of cases for a question asking in which cases, and nothing else', () => {
    const asked = askedListPrior('住房公积金在哪些情况下可以提出来用？');
    expect(asked(CASES)).toBe(ASKED_LIST_PRIOR);
    expect(asked(DUTIES)).toBe(1);
    expect(askedListPrior('什么情形下不能享受年休假？')('有以下情况之一的，不享受当年的年休假')).toBe(
      ASKED_LIST_PRIOR,
    );
  });

  it('lifts a list of materials for a question asking what to bring or hand over', () => {
    const handover =
      '第三十六条 房地产开发企业交付商品房时，应当向买受人提供下列材料：\n（一）商品房质量保证书和使用说明书；';
    expect(askedListPrior('下个月新房收房，开发商交房时应该给我们哪些材料？')(handover)).toBe(
      ASKED_LIST_PRIOR,
    );
    expect(askedListPrior('领结婚证要带啥')('办理结婚登记的内地居民应当出具下列证件和证明材料：')).toBe(
      ASKED_LIST_PRIOR,
    );
    // Cases asked: a list of materials is not lifted, nor the other way round.
    expect(askedListPrior('住房公积金在哪些情况下可以提出来用？')(handover)).toBe(1);
    expect(askedListPrior('提取住房公积金要带哪些材料？')(CASES)).toBe(1);
  });

  it('leaves questions that ask for no announced list', () => {
    expect(askedListPrior('住房公积金怎么提取？')(CASES)).toBe(1);
    expect(askedListPrior('免征哪几项税费？')(CASES)).toBe(1);
  });
});
