import { beforeAll, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/answer/conversation-store.js';
import { loadPromptSet, type PromptSet } from '../../src/answer/prompt-templates.js';
import {
  LlmQuestionRewriter,
  looksLikeFollowUp,
  rewriteByRules,
  topicOf,
} from '../../src/answer/question-rewriter.js';
import { AppError } from '../../src/errors.js';
import { ScriptedChatModel } from '../fakes/scripted-chat-model.js';

const turn = (q: string) => ({ question: q, standalone: q, answer: '……' });

describe('rule rewrite', () => {
  it('carries the topic of the previous question into a follow-up', () => {
    expect(topicOf('请问怎么申请公租房？')).toBe('申请公租房');
    expect(rewriteByRules('那需要带什么材料？', [turn('怎么申请公租房？')])).toEqual({
      question: '申请公租房需要带什么材料？',
      rewritten: true,
      by: 'rules',
    });
    expect(rewriteByRules('办理时限多久？', [turn('住房公积金提取')]).question).toBe(
      '住房公积金提取办理时限多久？',
    );
  });

  it('leaves standalone questions and first questions alone', () => {
    expect(looksLikeFollowUp('灵活就业人员怎样参加养老保险？')).toBe(false);
    expect(rewriteByRules('灵活就业人员怎样参加养老保险？', [turn('怎么申请公租房？')]).rewritten).toBe(
      false,
    );
    expect(rewriteByRules('那需要带什么材料？', []).rewritten).toBe(false);
  });
});

describe('LlmQuestionRewriter', () => {
  let prompts: PromptSet;
  beforeAll(async () => {
    prompts = await loadPromptSet();
  });

  it('uses the model reply and sends the conversation as data', async () => {
    const chat = new ScriptedChatModel().queue('“申请公租房需要携带哪些材料？”\n解释……');
    const r = await new LlmQuestionRewriter({ chat, prompts }).rewrite('那需要带什么材料？', [
      turn('怎么申请公租房？'),
    ]);
    expect(r).toEqual({ question: '申请公租房需要携带哪些材料？', rewritten: true, by: 'llm' });
    expect(chat.calls[0].messages[1].content).toContain('用户：怎么申请公租房？');
  });

  it('falls back to the rules when the model fails', async () => {
    const chat = new ScriptedChatModel().queue(new AppError('PROVIDER_TIMEOUT', 'slow'));
    let fallbacks = 0;
    const r = await new LlmQuestionRewriter({ chat, prompts, onFallback: () => fallbacks++ }).rewrite(
      '那需要带什么材料？',
      [turn('怎么申请公租房？')],
    );
    expect(r.by).toBe('rules');
    expect(fallbacks).toBe(1);
  });
});

describe('ConversationStore', () => {
  it('evicts the least recently used, expires idle conversations and keeps the last turns', () => {
    let now = 0;
    const store = new ConversationStore({ maxConversations: 2, ttlMs: 1000, maxTurns: 2, now: () => now });
    store.append('a', turn('1'));
    store.append('b', turn('2'));
    store.history('a');
    store.append('c', turn('3'));
    expect(store.history('b')).toEqual([]);
    expect(store.history('a')).toHaveLength(1);
    for (const q of ['x', 'y', 'z']) store.append('a', turn(q));
    expect(store.history('a').map((t) => t.question)).toEqual(['y', 'z']);
    now = 5000;
    expect(store.history('a')).toEqual([]);
  });
});
