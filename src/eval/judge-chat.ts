import type { ChatModel } from '../answer/chat-model.js';
import { createChatModel } from '../answer/chat-registry.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

/**
 * The chat model `npm run eval -- --judge` asks: the configured OpenAI-compatible endpoint (the
 * answerer's CHAT_* settings), with JUDGE_MODEL in place of CHAT_MODEL when set, at temperature 0
 * so that two runs over the same answers rate them as alike as the endpoint allows.
 * Without a chat endpoint there is nothing to judge with: VALIDATION_FAILED names what to set.
 */
export function createJudgeChat(config: Pick<Config, 'chat' | 'judgeModel'>): ChatModel {
  const { chat } = config;
  if (chat.kind !== 'openai') {
    throw new AppError(
      'VALIDATION_FAILED',
      '--judge needs a chat model: set CHAT_PROVIDER=openai, CHAT_BASE_URL, CHAT_MODEL and CHAT_API_KEY ' +
        '(JUDGE_MODEL optionally picks another model on the same endpoint)',
      { issues: [{ path: 'CHAT_PROVIDER', message: `is "${chat.kind}"; --judge needs openai` }] },
    );
  }
  const model = createChatModel({ ...chat, model: config.judgeModel ?? chat.model, temperature: 0 });
  // The openai factory always returns a model; the check keeps the type honest.
  if (!model) throw new AppError('INTERNAL', 'chat registry returned no model for kind openai');
  return model;
}
