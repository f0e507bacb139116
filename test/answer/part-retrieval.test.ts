import { describe, expect, it } from 'vitest';
import { partPassages } from '../../src/answer/part-retrieval.js';
import type { Passage, Retrieval } from '../../src/domain.js';
import type { RetrieveOptions, Retriever } from '../../src/retrieve/retriever.js';
import { articlePassages } from '../fakes/article-passages.js';

const law = articlePassages('legal-aid', [
  { text: '第八条 公民经济困难标准按照最低生活保障标准的两倍执行。', score: 1.2 },
  { text: '第九条 见义勇为的，无需审查经济状况。', score: 1.1 },
  { text: '第十七条 法律援助机构应当在五个工作日内作出书面决定。', score: 0.6 },
  { text: '第十八条 法律援助机构应当告知申请人。', score: 0.5 },
]);

/** A retriever over `law` that records each query and its options; the passages come back in order. */
function recording() {
  const calls: { query: string; options?: RetrieveOptions }[] = [];
  const retriever: Retriever = {
    async retrieve(query, options) {
      calls.push({ query, options });
      return retrieval(law.slice(0, options?.k ?? 6), query);
    },
  };
  return { retriever, calls };
}

function retrieval(passages: Passage[], query = 'q', relevant = true): Retrieval {
  return {
    query,
    passages,
    relevant,
    confidence: 0.9,
    terms: {
      groups: [['法律援助'], ['经济困难'], ['答复']],
      idf: new Map([
        ['法律援助', 6],
        ['经济困难', 5],
        ['答复', 4],
      ]),
    },
    timings: { bm25Ms: 0, vectorMs: 0, fuseMs: 0 },
  };
}

const QUESTION = '申请法律援助，收入低到什么程度才算经济困难？交了申请多久能给答复？';

describe('each asking part searched on its own', () => {
  it("searches every part within the question's documents and hands over only passages not shown", async () => {
    const { retriever, calls } = recording();
    const shown = law.slice(0, 2);
    const extra = await partPassages(retriever, QUESTION, retrieval(shown), shown, { mode: 'hybrid' });
    expect(calls).toHaveLength(2);
    expect(calls[1].query).toContain('交了申请多久能给答复');
    // The part lacks the question's heaviest topic word; its search adds it.
    expect(calls[1].query).toContain('法律援助');
    expect(calls[1].options).toMatchObject({ mode: 'hybrid', filters: { docIds: ['legal-aid'] } });
    expect(extra.map((p) => p.chunk.id)).toEqual(['legal-aid#2', 'legal-aid#3']);
    // Tagged with the part that found them, ranked below every passage shown.
    expect(extra.map((p) => p.why.askedPart)).toEqual([0, 0]);
    expect(Math.max(...extra.map((p) => p.score))).toBeLessThan(Math.min(...shown.map((p) => p.score)));
  });

  it('hands a number part first the passages that state a number of the kind it asks', async () => {
    const { retriever } = recording();
    const first = [law[0]];
    // The part asking 多久 is searched first here: 第十七条 (五个工作日) comes before 第九条 and
    // 第十八条, which its search returned ahead of it.
    const asked = '交了申请多久能给答复？申请法律援助，收入低到什么程度才算经济困难？';
    const extra = await partPassages(retriever, asked, retrieval(first), first);
    expect(extra.map((p) => p.chunk.id)).toEqual(['legal-aid#2', 'legal-aid#1', 'legal-aid#3']);
  });

  it('does nothing for a one-part question, a refusal or an article lookup', async () => {
    const { retriever, calls } = recording();
    const shown = law.slice(0, 2);
    expect(await partPassages(retriever, '经济困难的标准是什么？', retrieval(shown), shown)).toEqual([]);
    expect(await partPassages(retriever, QUESTION, retrieval(shown, 'q', false), shown)).toEqual([]);
    const article = shown.map((p) => ({ ...p, why: { ...p.why, articleMatch: true } }));
    expect(await partPassages(retriever, QUESTION, retrieval(article), article)).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});
