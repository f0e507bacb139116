import { describe, expect, it } from 'vitest';
import { FORBIDDEN_LIST_PRIOR, forbiddenListPrior } from '../../src/retrieve/forbidden-lists.js';
import {
  announcesForbiddenList,
  asksWhatIsForbidden,
  statesProhibition,
} from '../../src/text/prohibitions.js';

const FORBIDDEN = '房屋使用和装修过程中，禁止下列行为：\n（一）损坏房屋承重结构；';
const REFUSED = '办理结婚登记的当事人有下列情形之一的，婚姻登记机关不予登记：\n（一）未到法定结婚年龄的；';
const REPORTED = '进行房屋装修有下列情形之一的，应当申报装修安全登记：\n（一）在承重墙上开挖洞口的；';

describe('prohibitions asked and stated', () => {
  it('reads a question naming a prohibition or a refusal', () => {
    expect(asksWhatIsForbidden('中介机构有哪些做法是明令禁止的？')).toBe(true);
    expect(asksWhatIsForbidden('哪些情况下人家会不给办？')).toBe(true);
    expect(asksWhatIsForbidden('装修要办哪些手续？')).toBe(false);
  });

  it('reads a sentence that forbids, and a list of what is forbidden in either order', () => {
    expect(statesProhibition('任何单位和个人不得擅自迁移、砍伐树木。')).toBe(true);
    expect(statesProhibition('应当向所在区（市）房屋行政主管部门申报。')).toBe(false);
    expect(announcesForbiddenList(FORBIDDEN)).toBe(true);
    expect(announcesForbiddenList(REFUSED)).toBe(true);
    expect(announcesForbiddenList(REPORTED)).toBe(false);
    // A prohibition and a list in different sentences are not a list of what is forbidden.
    expect(announcesForbiddenList('禁止擅自改建。装修应当符合下列要求：')).toBe(false);
  });

  it('reads no prohibition in a 不能 that names who cannot (a condition or a modifier closed by 的)', () => {
    expect(statesProhibition('不能当场告知的，应当自收到信访事项之日起15日内书面告知信访人。')).toBe(false);
    expect(statesProhibition('将确实不能到校就读的适龄重度残疾儿童少年纳入学籍管理，送教上门。')).toBe(false);
    expect(statesProhibition('乘客不能携带易燃易爆物品进站。')).toBe(true);
    // 不得 forbids even where a 的 follows in its clause.
    expect(statesProhibition('经营者不得在标价外收取任何未予标明的费用。')).toBe(true);
    // A described inability beside a real prohibition: the prohibition still counts.
    expect(statesProhibition('不能满足要求的，不得开工。')).toBe(true);
  });
});

describe('the forbidden-list prior', () => {
  it('lifts the list of what is forbidden for a question asking for it, and nothing else', () => {
    const asked = forbiddenListPrior('在青岛装修房子，有哪些事是规定绝对不能干的？');
    expect(asked(FORBIDDEN)).toBe(FORBIDDEN_LIST_PRIOR);
    expect(asked(REPORTED)).toBe(1);
    // A list asked without a prohibition, or a prohibition asked without a list: no factor.
    expect(forbiddenListPrior('装修要申报哪些情形？')(FORBIDDEN)).toBe(1);
    expect(forbiddenListPrior('装修能不能拆承重墙？')(FORBIDDEN)).toBe(1);
  });
});
