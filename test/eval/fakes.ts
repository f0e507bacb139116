import type { Answer, Citation, Passage } from '../../src/domain.js';
import type { LoadedGoldItem } from '../../src/eval/gold.js';
import type { NamedPipeline } from '../../src/eval/pipeline.js';

export const DOC_ID = 'seed';
export const DOC_TEXT =
  '今年重点在7个方面推进54项任务。力争5G基站数达4.5万个。聚焦住房、一老一小、建筑垃圾监管等领域,推出一批重点改革事项。';

export function passage(start: number, end: number, docId = DOC_ID, text = DOC_TEXT): Passage {
  return {
    chunk: {
      id: `${docId}#${start}`,
      docId,
      start,
      end,
      headingPath: ['标题'],
      text: text.slice(start, end),
    },
    meta: { id: docId, title: '《数字青岛》解读', type: '政策解读', sourcePath: `${docId}.txt` },
    score: 1,
    why: { matchedTerms: [] },
  };
}

export function citation(n: number, p: Passage): Citation {
  const { docId, start, end, text } = p.chunk;
  return { n, docId, start, end, quote: text, title: p.meta.title, headingPath: '标题', verified: true };
}

export function answer(text: string, citations: Citation[], refused = false): Answer {
  return { answer: text, refused, grounded: true, citations, provider: 'fake' };
}

export function gold(partial: Partial<LoadedGoldItem> & { id: string }): LoadedGoldItem {
  return {
    question: '问题',
    answer: '',
    key_points: [],
    evidence: [],
    answerable: false,
    category: 'fact',
    file: 'g.jsonl',
    ...partial,
  };
}

/** A pipeline that answers from a script keyed by question and records what it was asked. */
export function scriptedPipeline(
  name: string,
  script: Record<string, { passages: Passage[]; answer: Answer } | Error>,
): NamedPipeline & { asked: string[] } {
  const asked: string[] = [];
  return {
    name,
    asked,
    async run(question) {
      asked.push(question);
      const step = script[question];
      if (step === undefined) throw new Error(`no script for ${question}`);
      if (step instanceof Error) throw step;
      return { ...step, timings: { retrieveMs: 2, answerMs: 3 } };
    },
  };
}

export const documents = {
  async getDocument(id: string) {
    return id === DOC_ID ? { text: DOC_TEXT } : undefined;
  },
};
