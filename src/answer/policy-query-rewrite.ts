import type { Passage, Retrieval } from '../domain.js';
import type { RetrieveOptions, Retriever } from '../retrieve/retriever.js';
import type { ChatModel } from './chat-model.js';

/**
 * Query rewriting into official policy wording (query2doc / HyDE style): the chat model writes a
 * short hypothetical passage in the register of a regulation or a 办事指南 for the citizen's
 * question, and retrieval runs on the question and on question + passage. Citizens say 打车, 暖气,
 * 被辞退; regulations say 出租汽车, 供热, 解除劳动合同 — the model knows the mapping beyond any
 * lexicon. With an embedding endpoint configured, the vector side embeds the rewritten text too
 * (the inner retriever embeds whatever query it gets).
 */

/** The instruction. The passage is only searched with, never shown or cited, so invented numbers do no harm. */
export const POLICY_REWRITE_SYSTEM = [
  '你是政策法规检索助手。用户会用口语提出一个政务或法律问题。',
  '请用政策法规、办事指南的规范用语，写一段可能回答该问题的条文式短文（80 字以内），',
  '使用法规中的正式术语（例如：打车→出租汽车，暖气→供热，被辞退→解除劳动合同，遛狗→携犬出户），',
  '只输出这段文字，不要解释，不要编号，不要引用具体条号。',
].join('');

/** Longest hypothetical passage used, in characters: a runaway reply must not drown the question. */
const MAX_REWRITE_CHARS = 300;

/**
 * Weight of the rewritten query's list in the merge (the question as asked weighs 1): the
 * question's own terms keep priority, the rewrite adds candidates the citizen's words miss.
 */
export const DEFAULT_REWRITE_WEIGHT = 0.5;

/** Reciprocal-rank constant of the merge (the usual 60: ranks deep in a list still count a little). */
const RRF_K = 60;

export interface PolicyRewritingRetrieverOptions {
  /** The retriever both queries go to (the hybrid retriever). */
  retriever: Retriever;
  chat: ChatModel;
  /** Longest wait for the model, in ms; then the question alone is searched. Default 8000. */
  timeoutMs?: number;
  /** See DEFAULT_REWRITE_WEIGHT. */
  rewriteWeight?: number;
  /** Called when the model failed or gave nothing usable (for metrics/logs; no question text). */
  onFallback?: (err: unknown) => void;
}

/** The model's passage, trimmed and bounded; undefined when it gave nothing usable. */
export function usableRewrite(reply: string, question: string): string | undefined {
  const text = reply
    .replace(/```[a-z]*|```/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_REWRITE_CHARS);
  if (text.length < 4 || text === question.trim()) return undefined;
  return text;
}

/**
 * Merges two ranked lists by weighted reciprocal rank (original weight 1, rewrite `weight`); a
 * passage in both keeps the original's object and adds both contributions. Pure.
 */
export function mergeRewritten(
  original: readonly Passage[],
  rewritten: readonly Passage[],
  weight: number,
  k: number,
): Passage[] {
  const scores = new Map<string, { passage: Passage; score: number; order: number }>();
  const add = (list: readonly Passage[], w: number) => {
    list.forEach((p, i) => {
      const seen = scores.get(p.chunk.id);
      const s = w / (RRF_K + i + 1);
      if (seen) seen.score += s;
      else scores.set(p.chunk.id, { passage: p, score: s, order: scores.size });
    });
  };
  add(original, 1);
  add(rewritten, weight);
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, k)
    .map((x) => x.passage);
}

/**
 * A retriever that searches with the question and with the model's policy-style rewrite, merged.
 * Whether the documents answer (`relevant`, `confidence`) stays the question's own judgement: the
 * rewrite is the model's words, and a fluent passage about an absent topic must not make the
 * corpus look like it covers it. Any model failure searches the question alone.
 */
export function createPolicyRewritingRetriever({
  retriever,
  chat,
  timeoutMs = 8000,
  rewriteWeight = DEFAULT_REWRITE_WEIGHT,
  onFallback = () => {},
}: PolicyRewritingRetrieverOptions): Retriever {
  return {
    async retrieve(query: string, options: RetrieveOptions = {}): Promise<Retrieval> {
      let rewrite: string | undefined;
      try {
        const reply = await chat.complete(
          [
            { role: 'system', content: POLICY_REWRITE_SYSTEM },
            { role: 'user', content: query },
          ],
          { signal: AbortSignal.timeout(timeoutMs) },
        );
        rewrite = usableRewrite(reply, query);
        if (!rewrite) onFallback(new Error('empty rewrite'));
      } catch (err) {
        onFallback(err);
      }
      if (!rewrite) return retriever.retrieve(query, options);
      const [original, rewritten] = await Promise.all([
        retriever.retrieve(query, options),
        retriever.retrieve(`${query}\n${rewrite}`, options),
      ]);
      const k = options.k ?? Math.max(original.passages.length, rewritten.passages.length);
      return {
        ...original,
        passages: mergeRewritten(original.passages, rewritten.passages, rewriteWeight, k),
        timings: {
          bm25Ms: original.timings.bm25Ms + rewritten.timings.bm25Ms,
          vectorMs: original.timings.vectorMs + rewritten.timings.vectorMs,
          fuseMs: original.timings.fuseMs + rewritten.timings.fuseMs,
        },
      };
    },
  };
}
