import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '@langchain/core/documents';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { ChatResult } from '@langchain/core/outputs';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/app/assistant.js';
import { buildAssistant } from '../../src/app/build-assistant.js';
import { loadConfig } from '../../src/config.js';
import {
  LangChainPolicyRetriever,
  type PolicyPassageMetadata,
} from '../../src/retrieve/langchain-retriever.js';
import { makeSpineCorpus, SEED_ID } from '../fakes/spine-corpus.js';

/** A LangChain chat model that answers from a queue of scripted replies and records the prompts it got. */
class ScriptedLangChainChat extends BaseChatModel {
  readonly prompts: BaseMessage[][] = [];
  constructor(private readonly replies: string[]) {
    super({});
  }
  _llmType(): string {
    return 'scripted';
  }
  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    this.prompts.push(messages);
    const text = this.replies.shift();
    if (text === undefined) throw new Error('ScriptedLangChainChat: no reply queued');
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

/** The real hybrid retriever (jieba, BM25, hnswlib) over seeds/ and a small law, in a temp dir. */
describe('LangChainPolicyRetriever', () => {
  let root: string;
  let seedText: string;
  let assistant: Assistant;

  beforeAll(async () => {
    const made = await makeSpineCorpus('lc-retriever-');
    root = made.root;
    seedText = made.seedText;
    assistant = await buildAssistant(
      loadConfig({ INDEX_DIR: join(root, 'index'), CORPUS_DIRS: made.corpus, UPLOAD_DIR: join(root, 'up') }),
    );
  }, 120_000);

  afterAll(async () => {
    await assistant?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('returns the cited passages as LangChain documents with their offsets into the source', async () => {
    const retriever = new LangChainPolicyRetriever({ retriever: assistant.retriever, k: 3 });
    const docs = await retriever.invoke('2025年青岛要把5G基站建到多少个？');
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThanOrEqual(3);
    const [top] = docs;
    expect(top.metadata.docId).toBe(SEED_ID);
    expect(top.pageContent).toContain('4.5万');
    expect(seedText.slice(top.metadata.start, top.metadata.end)).toBe(top.pageContent);
    expect(top.metadata.confidence).toBeGreaterThan(0.5);
  });

  it('returns nothing when the corpus does not cover the question, unless told to keep what it found', async () => {
    const question = '北京市的养老金今年上调多少？';
    const strict = new LangChainPolicyRetriever({ retriever: assistant.retriever });
    expect(await strict.invoke(question)).toEqual([]);
    const lenient = new LangChainPolicyRetriever({ retriever: assistant.retriever, dropIrrelevant: false });
    expect((await lenient.invoke(question)).length).toBeGreaterThan(0);
  });

  it('plugs into a LangChain chain: retriever → prompt → chat model → text', async () => {
    const retriever = new LangChainPolicyRetriever({ retriever: assistant.retriever, k: 2 });
    const model = new ScriptedLangChainChat(['青岛市力争5G基站数达4.5万个[1]。']);
    const formatDocs = (docs: Document<PolicyPassageMetadata>[]) =>
      docs.map((d, i) => `[${i + 1}]《${d.metadata.title}》${d.pageContent}`).join('\n');
    const prompt = ChatPromptTemplate.fromMessages([
      ['system', '只根据资料回答，并用[n]标注出处。\n资料：\n{context}'],
      ['human', '{question}'],
    ]);
    const chain = RunnableSequence.from([
      { context: retriever.pipe(formatDocs), question: new RunnablePassthrough() },
      prompt,
      model,
      new StringOutputParser(),
    ]);

    const answer = await chain.invoke('2025年青岛5G基站要建多少个？');

    expect(answer).toBe('青岛市力争5G基站数达4.5万个[1]。');
    expect(model.prompts).toHaveLength(1);
    const [system, human] = model.prompts[0];
    expect(String(system.content)).toContain('[1]《');
    expect(String(system.content)).toContain('4.5万');
    expect(String(human.content)).toBe('2025年青岛5G基站要建多少个？');
  });
});
