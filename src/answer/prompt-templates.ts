import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';

/**
 * Prompt templates live in `prompts/` as Chinese Markdown files, loaded once at start-up. The first
 * line of each file is `<!-- version: name@n -->`; the version is logged with every generated answer
 * so an answer can be traced to the exact wording that produced it. Placeholders are `{{name}}`;
 * rendering with a missing value is an error rather than a silently broken prompt.
 */
export interface PromptTemplate {
  name: string;
  version: string;
  text: string;
  render(vars: Record<string, string | number>): string;
}

export interface PromptSet {
  answerSystem: PromptTemplate;
  answerUser: PromptTemplate;
  rewriteSystem: PromptTemplate;
  rewriteUser: PromptTemplate;
  refusal: PromptTemplate;
}

/** The repository's `prompts/` folder. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const FILES: Record<keyof PromptSet, string> = {
  answerSystem: 'answer-system.md',
  answerUser: 'answer-user.md',
  rewriteSystem: 'rewrite-system.md',
  rewriteUser: 'rewrite-user.md',
  refusal: 'refusal.md',
};

const VERSION_LINE = /^<!--\s*version:\s*([\w.-]+@\d+)\s*-->\r?\n/;

export function parseTemplate(name: string, source: string): PromptTemplate {
  const m = VERSION_LINE.exec(source);
  if (!m) throw new AppError('CONFIG_INVALID', `提示词模板 ${name} 缺少版本行 <!-- version: name@n -->`);
  const text = source.slice(m[0].length).trim();
  return {
    name,
    version: m[1],
    text,
    render(vars) {
      // One pass over the template, so a value containing "{{x}}" is never expanded again.
      return text.replace(/\{\{(\w+)\}\}/g, (_all, key: string) => {
        const value = vars[key];
        if (value === undefined)
          throw new AppError('INTERNAL', `prompt ${name}: missing value for {{${key}}}`);
        return String(value);
      });
    },
  };
}

export async function loadPromptSet(dir: string = DEFAULT_PROMPTS_DIR): Promise<PromptSet> {
  const entries = await Promise.all(
    (Object.keys(FILES) as (keyof PromptSet)[]).map(async (key) => {
      const path = join(dir, FILES[key]);
      let source: string;
      try {
        source = await readFile(path, 'utf8');
      } catch (cause) {
        throw new AppError('CONFIG_INVALID', `找不到提示词模板 ${path}`, { cause });
      }
      return [key, parseTemplate(FILES[key], source)] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as PromptSet;
}
