import type { Tokenizer } from '../../src/text/tokenizer.js';

/**
 * A trivial tokenizer for index tests (no jieba load): CJK runs become overlapping character
 * bigrams (a lone character stays a unigram), Latin/digit runs stay whole and lower-cased.
 * `synonyms` maps a query term to alternatives for `tokenizeQuery`.
 */
export class CharBigramTokenizer implements Tokenizer {
  readonly id = 'char-bigram-test-1';
  private readonly synonyms: Record<string, string[]>;

  constructor(synonyms: Record<string, string[]> = {}) {
    this.synonyms = synonyms;
  }

  tokenize(text: string): string[] {
    const out: string[] = [];
    for (const run of text.toLowerCase().match(/[\u4e00-\u9fff]+|[0-9a-z]+(?:[.-][0-9a-z]+)*/g) ?? []) {
      if (!/[\u4e00-\u9fff]/.test(run)) out.push(run);
      else if (run.length === 1) out.push(run);
      else for (let i = 0; i + 1 < run.length; i += 1) out.push(run.slice(i, i + 2));
    }
    return out;
  }

  tokenizeQuery(text: string): string[][] {
    return [...new Set(this.tokenize(text))].map((t) => [t, ...(this.synonyms[t] ?? [])]);
  }
}
