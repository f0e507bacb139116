import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/answer/conversation-store.js';
import { OpenAICompatibleChat } from '../../src/answer/openai-chat.js';
import { loadPromptSet, type PromptSet } from '../../src/answer/prompt-templates.js';
import { carriesEarlierTopic, dependency, ownTopicOf } from '../../src/answer/question-dependency.js';
import {
  LlmQuestionRewriter,
  looksLikeFollowUp,
  rewriteByRules,
  topicOf,
} from '../../src/answer/question-rewriter.js';
import { AppError } from '../../src/errors.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { ScriptedChatModel } from '../fakes/scripted-chat-model.js';

const turn = (q: string) => ({ question: q, standalone: q, answer: '……' });

/** Two-turn dialogues whose second question has its own topic: never merged. */
const SELF_CONTAINED: [string, string][] = [
  ['2025年青岛要建多少个5G基站？', '算力券是什么？怎么申请？'],
  ['怎么申请公租房？', '灵活就业人员怎样参加养老保险？'],
  ['居住证怎么办理？', '无证明城市是什么意思'],
  ['居住证怎么办理？', '那新生儿落户需要什么材料？'],
  ['居住证怎么办理？', '另外，医保报销比例是多少？'],
  ['申请公租房需要什么材料？', '个税怎么交？'],
  ['公租房申请条件', '青岛市人才住房补贴标准是多少'],
];

/** Two-turn dialogues whose second question leans on the first, with the rule rewrite expected. */
const FOLLOW_UPS: [string, string, string][] = [
  ['怎么申请公租房？', '那需要带什么材料？', '申请公租房需要带什么材料？'],
  ['住房公积金提取', '办理时限多久？', '住房公积金提取办理时限多久？'],
  ['怎么申请公租房？', '它的办理时限是多久？', '申请公租房的办理时限是多久？'],
  ['居住证怎么办理？', '这个政策什么时候截止？', '居住证办理政策什么时候截止？'],
  ['申请公租房需要什么材料？', '那廉租房呢？', '廉租房申请需要什么材料？'],
  ['居住证怎么办理？', '如果是外地户口呢？', '外地户口怎么办理？'],
  ['居住证怎么办理？', '要交多少钱？', '居住证办理要交多少钱？'],
  ['居住证怎么办理？', '可以网上办理吗？', '居住证办理可以网上办理吗？'],
  ['居住证怎么办理？', '多久能办好？', '居住证办理多久能办好？'],
];

describe('dependency on the previous turn', () => {
  it.each(SELF_CONTAINED)('after "%s", "%s" has its own topic', (_first, second) => {
    expect(dependency(second)).toMatchObject({ dependent: false, reason: 'own-topic' });
  });

  it.each(FOLLOW_UPS)('after "%s", "%s" depends on it', (_first, second) => {
    expect(dependency(second).dependent).toBe(true);
  });

  it('names why: a pronoun, no topic of its own, or an elliptical "那…呢"', () => {
    expect(dependency('它的办理时限是多久？').reason).toBe('points-back');
    expect(dependency('那需要什么材料？').reason).toBe('no-topic');
    expect(dependency('那廉租房呢？')).toMatchObject({ reason: 'ellipsis', ownTopic: '廉租房' });
    // A topic and an ask of its own: 那 at the start does not make it a follow-up.
    expect(dependency('那廉租房怎么申请呢？').dependent).toBe(false);
  });

  it('does not cut dictionary words at a closed-class character (就业, 个税, 社会保险)', () => {
    expect(ownTopicOf('灵活就业人员怎样参加社会保险？')).toBe('灵活就业人员 参加社会保险');
    expect(ownTopicOf('个税怎么交？')).toBe('个税');
    expect(ownTopicOf('多久能办好？')).toBe('');
  });

  it('catches a rewrite that carries an earlier topic into the question', () => {
    const earlier = ['2025年青岛要建多少个5G基站？'];
    expect(
      carriesEarlierTopic(
        '算力券是什么？怎么申请？',
        '2025年青岛要建个5G基站算力券是什么？怎么申请？',
        earlier,
      ),
    ).toBe(true);
    expect(carriesEarlierTopic('算力券是什么？怎么申请？', '算力券是什么，如何申请？', earlier)).toBe(false);
  });
});

describe('rule rewrite', () => {
  it('carries the topic of the previous question into a follow-up', () => {
    expect(topicOf('请问怎么申请公租房？')).toBe('申请公租房');
    expect(rewriteByRules('那需要带什么材料？', [turn('怎么申请公租房？')])).toEqual({
      question: '申请公租房需要带什么材料？',
      rewritten: true,
      by: 'rules',
    });
  });

  it.each(FOLLOW_UPS)('after "%s", rewrites "%s" to "%s"', (first, second, expected) => {
    expect(rewriteByRules(second, [turn(first)])).toEqual({
      question: expected,
      rewritten: true,
      by: 'rules',
    });
  });

  it.each(SELF_CONTAINED)('after "%s", leaves "%s" as asked', (first, second) => {
    expect(rewriteByRules(second, [turn(first)])).toEqual({ question: second, rewritten: false, by: 'none' });
  });

  it('leaves first questions alone', () => {
    expect(looksLikeFollowUp('灵活就业人员怎样参加养老保险？')).toBe(false);
    expect(rewriteByRules('那需要带什么材料？', []).rewritten).toBe(false);
  });

  it('keeps a three-turn dialogue on the current topic', () => {
    const history = [turn('2025年青岛要建多少个5G基站？'), turn('算力券是什么？怎么申请？')];
    expect(rewriteByRules('那需要什么材料？', history).question).toBe('算力券申请需要什么材料？');
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

describe('LlmQuestionRewriter against a loopback OpenAI-compatible server', () => {
  let prompts: PromptSet;
  let server: FakeOpenAIServer;
  /**
   * The fake model merges like the bug did: the topic of the last user line of the transcript in
   * front of the new question, whatever that question is.
   */
  const mergingModel = (messages: { role: string; content: string }[]) => {
    const user = messages.at(-1)?.content ?? '';
    const previous = [...user.matchAll(/^用户：(.*)$/gm)].at(-1)?.[1] ?? '';
    const question = /^新问题：(.*)$/m.exec(user)?.[1] ?? '';
    return `${topicOf(previous)}${question}`;
  };
  beforeAll(async () => {
    prompts = await loadPromptSet();
    server = await startFakeOpenAIServer({ reply: mergingModel });
  });
  afterAll(async () => {
    await server.close();
  });
  const rewriter = () =>
    new LlmQuestionRewriter({
      chat: new OpenAICompatibleChat({
        baseURL: server.url,
        model: 'qwen-plus',
        apiKey: 'sk-test',
        timeoutMs: 15_000,
        maxRetries: 0,
        temperature: 0,
        maxTokens: 128,
      }),
      prompts,
    });

  const lastMessages = () =>
    (server.requests.at(-1)?.body as { messages: { role: string; content: string }[] } | undefined)
      ?.messages ?? [];

  it('tells the model when not to merge', async () => {
    await rewriter().rewrite('算力券是什么？怎么申请？', [turn('2025年青岛要建多少个5G基站？')]);
    const messages = lastMessages();
    expect(messages[0].content).toContain('新话题：原样输出，绝不把对话记录里的内容拼进去');
    expect(messages[1].content).toContain('新问题：算力券是什么？怎么申请？');
  });

  it.each(SELF_CONTAINED)('after "%s", a model reply merging "%s" is caught', async (first, second) => {
    const before = server.requests.length;
    const r = await rewriter().rewrite(second, [turn(first)]);
    // The model was asked and did merge; the dependency check threw its reply away.
    expect(server.requests.length).toBe(before + 1);
    expect(mergingModel(lastMessages())).not.toBe(second);
    expect(r).toEqual({ question: second, rewritten: false, by: 'none' });
  });

  it.each(FOLLOW_UPS)('after "%s", the model\'s rewrite of "%s" is used', async (first, second) => {
    const r = await rewriter().rewrite(second, [turn(first)]);
    expect(r.by).toBe('llm');
    expect(r.rewritten).toBe(true);
    expect(r.question).toContain(topicOf(first));
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
