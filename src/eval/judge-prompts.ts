import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_PROMPTS_DIR, type PromptTemplate, parseTemplate } from '../answer/prompt-templates.js';
import { AppError } from '../errors.js';

/**
 * The LLM judge's prompts: `prompts/judge-system.md` (the Chinese rubric) and `prompts/judge-user.md`
 * (question, passages, answer). Same format and versioning as the answerer's prompts
 * (prompt-templates.ts); kept out of `PromptSet` because only the eval uses them.
 */
export interface JudgePrompts {
  system: PromptTemplate;
  user: PromptTemplate;
}

const FILES: Record<keyof JudgePrompts, string> = {
  system: 'judge-system.md',
  user: 'judge-user.md',
};

export async function loadJudgePrompts(dir: string = DEFAULT_PROMPTS_DIR): Promise<JudgePrompts> {
  const load = async (file: string): Promise<PromptTemplate> => {
    const path = join(dir, file);
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch (cause) {
      throw new AppError('CONFIG_INVALID', `找不到提示词模板 ${path}`, { cause });
    }
    return parseTemplate(file, source);
  };
  const [system, user] = await Promise.all([load(FILES.system), load(FILES.user)]);
  return { system, user };
}
