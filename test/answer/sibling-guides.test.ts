import { describe, expect, it } from 'vitest';
import { siblingGuide } from '../../src/answer/sibling-guides.js';
import type { Passage } from '../../src/domain.js';

const guide = (title: string, type: '办事指南' | '法规' = '办事指南'): Passage => ({
  chunk: {
    id: `${title}#0`,
    docId: title,
    start: 0,
    end: 4,
    text: '受理条件',
    headingPath: [title, '受理条件'],
  },
  meta: { id: title, title, type, sourcePath: `${title}.md` },
  score: 1,
  why: { matchedTerms: [] },
});

const TAIWAN = guide('办理往来台湾通行证探亲签注');
const HK = guide('办理往来港澳通行证探亲签注');

describe('sibling guides', () => {
  it('answers from the sibling whose distinguishing words the question names', () => {
    expect(siblingGuide('在广州申请往来港澳探亲签注，能探望哪些亲属？', [TAIWAN, HK])?.meta.title).toBe(
      '办理往来港澳通行证探亲签注',
    );
    // Named the other way round, the first stays.
    expect(siblingGuide('去台湾探亲的签注能探望哪些亲属？', [TAIWAN, HK])?.meta.title).toBe(
      '办理往来台湾通行证探亲签注',
    );
  });

  it('counts titles sharing a third of their pairs as siblings, and the question names one of them', () => {
    const skills = guide('遗失技能人员职业资格证书补发申请');
    const legal = guide('法律职业资格证书的补发或更换');
    expect(siblingGuide('法律职业资格证书丢了要补办，在广东得跑几趟现场？', [skills, legal])).toBe(legal);
    const claim = guide('企业职工基本养老金申领');
    const resume = guide('恢复企业职工养老保险待遇申请');
    expect(siblingGuide('之前养老金被停了，现在申请恢复发放，多久能办好？', [claim, resume])).toBe(resume);
    // Named the other way round, the first stays.
    expect(siblingGuide('第一次申领企业职工基本养老金要带什么？', [claim, resume])).toBe(claim);
  });

  it("keeps the retrieval's choice on a tie, for a long title of another matter, and for non-guides", () => {
    expect(siblingGuide('探亲签注能探望哪些亲属？', [TAIWAN, HK])).toBe(TAIWAN);
    const firm = guide('律师事务所设立许可');
    const practice = guide('专职律师执业许可(外省律师事务所总所律师派驻广东省分所申请执业)');
    expect(
      siblingGuide('向广东省司法厅申请设立普通合伙律师事务所，需要满足哪些条件？', [firm, practice]),
    ).toBe(firm);
    const law = guide('中华人民共和国出境入境管理法', '法规');
    expect(siblingGuide('往来港澳探亲签注', [law, HK])).toBe(law);
  });
});
