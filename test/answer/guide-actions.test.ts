import { describe, expect, it } from 'vitest';
import {
  actionSibling,
  askedAction,
  guideOfAskedAction,
  titleAction,
} from '../../src/answer/guide-actions.js';
import type { DocumentMeta } from '../../src/domain.js';

const guide = (
  id: string,
  title: string,
  region = '广东省',
  authority = '广东省残疾人联合会',
): DocumentMeta => ({
  id,
  title,
  type: '办事指南',
  region,
  authority,
  sourcePath: `${id}.md`,
});

const CANCEL = guide('cancel', '《中华人民共和国残疾人证》注销');
const NEW = guide('new', '《中华人民共和国残疾人证》新办证申请');
const RENEW = guide('renew', '《中华人民共和国残疾人证》换领');
const LOST = guide('lost', '《中华人民共和国残疾人证》挂失补办');
const OTHER_REGION_NEW = guide('gz-new', '《中华人民共和国残疾人证》新办证申请', '广州市');
const PASSPORT_NEW = guide('passport', '普通护照首次申领');

describe('guide actions', () => {
  it("reads the action from the citizen's words and from a guide's title", () => {
    expect(askedAction('在广东第一次办残疾人证，要准备哪些材料？')).toBe('新办');
    expect(askedAction('残疾证用久了磨得看不清，换个新的要不要交钱？')).toBe('换领');
    expect(askedAction('残疾人证丢了去哪儿补办？')).toBe('补办');
    expect(askedAction('家里老人去世了，残疾证要注销吗？')).toBe('注销');
    expect(askedAction('残疾人证要准备哪些材料？')).toBeUndefined();
    // Two actions named: none is chosen.
    expect(askedAction('残疾证丢了，能不能直接换个新的？')).toBeUndefined();
    expect(titleAction(LOST.title)).toBe('补办');
    expect(titleAction(NEW.title)).toBe('新办');
    expect(titleAction('办理及加注普通护照')).toBeUndefined();
  });

  it("finds the same certificate's guide of the asked action, in the same region", () => {
    const all = [CANCEL, NEW, RENEW, LOST, OTHER_REGION_NEW, PASSPORT_NEW];
    expect(actionSibling('在广东第一次办残疾人证，要准备哪些材料？', CANCEL, all)?.id).toBe('new');
    expect(actionSibling('残疾证磨得看不清，换个新的要交钱吗？', CANCEL, all)?.id).toBe('renew');
    expect(actionSibling('残疾人证丢了要带什么？', NEW, all)?.id).toBe('lost');
  });

  it('keeps the guide when it is of the asked action, names none, or has no such sibling', () => {
    const all = [CANCEL, NEW, RENEW, LOST];
    expect(actionSibling('残疾人证注销要带什么？', CANCEL, all)).toBeUndefined();
    expect(actionSibling('第一次办护照要带什么？', guide('p', '办理及加注普通护照'), all)).toBeUndefined();
    expect(actionSibling('第一次办残疾人证要带什么？', CANCEL, [CANCEL, OTHER_REGION_NEW])).toBeUndefined();
    expect(actionSibling('第一次办残疾人证要带什么？', CANCEL, [CANCEL, PASSPORT_NEW])).toBeUndefined();
  });

  it("takes the sibling from the guide's own authority only", () => {
    const otherAuthorityNew = guide(
      'other',
      '《中华人民共和国残疾人证》新办证申请',
      '广东省',
      '广东省民政厅',
    );
    expect(actionSibling('第一次办残疾人证要带什么？', CANCEL, [CANCEL, otherAuthorityNew])).toBeUndefined();
  });

  it('lists guides only when the top guide names another action, and only of its authority', async () => {
    const asked: (string | undefined)[] = [];
    const list = async (authority: string | undefined) => {
      asked.push(authority);
      return [CANCEL, NEW, RENEW, LOST].filter((g) => g.authority === authority);
    };
    expect(await guideOfAskedAction('第一次办残疾人证要带什么？', CANCEL, list)).toBe('new');
    expect(asked).toEqual(['广东省残疾人联合会']);
    // The same action, no action named, or a title naming none: nothing is listed.
    expect(await guideOfAskedAction('残疾人证注销要带什么？', CANCEL, list)).toBe('cancel');
    expect(await guideOfAskedAction('残疾人证要带什么？', CANCEL, list)).toBe('cancel');
    const plain = guide('plain', '残疾人证业务咨询');
    expect(await guideOfAskedAction('第一次办残疾人证要带什么？', plain, list)).toBe('plain');
    expect(asked).toHaveLength(1);
  });
});
