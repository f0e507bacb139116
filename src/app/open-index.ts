import type { Config } from '../config.js';
import { createEmbedder } from '../index/create-embedder.js';
import type { IdfTable } from '../index/idf-table.js';
import { indexIdentity } from '../index/index-manifest.js';
import { openConfiguredStore, type StorePeek } from '../index/open-store.js';
import { createJiebaTokenizer, type JiebaTokenizer } from '../text/jieba-tokenizer.js';
import { loadLexicon } from '../text/lexicon-files.js';
import { EXTRA_EMBEDDER_IDF, EXTRA_MINED_TERMS, type IndexParts } from './index-parts.js';

/**
 * Opens the index the configured store holds, with the tokenizer and embedder it was built with
 * (remade from the dictionary terms and idf table kept beside it). A configuration that no longer
 * matches the index (another embedder, dimensions, dictionary) is an INDEX_MISMATCH error.
 */
export async function openIndex(config: Config, peek: StorePeek): Promise<IndexParts> {
  const { minedTerms, tokenizer } = indexTokenizer(config, peek);
  const idf = peek.extra[EXTRA_EMBEDDER_IDF] as IdfTable | undefined;
  const embedder = createEmbedder(config.embedder, { tokenizer, idf });
  const store = await openConfiguredStore(config, { identity: indexIdentity(embedder, tokenizer) });
  return { tokenizer, embedder, store, minedTerms, idf };
}

/** The tokenizer of the stored index: jieba with the dictionary terms kept beside it. */
export function indexTokenizer(
  config: Config,
  peek: StorePeek,
): { minedTerms: string[]; tokenizer: JiebaTokenizer } {
  const minedTerms = (peek.extra[EXTRA_MINED_TERMS] as string[] | undefined) ?? [];
  const tokenizer = createJiebaTokenizer({
    extraTerms: minedTerms,
    lexicon: loadLexicon(config.lexiconFiles),
  });
  return { minedTerms, tokenizer };
}
