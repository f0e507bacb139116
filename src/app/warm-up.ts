import { generalRarity } from '../text/general-rarity.js';
import { loadLexicon } from '../text/lexicon-files.js';
import { verbCompounds } from '../text/verb-compounds.js';

/**
 * Does, before the service listens, what the first requests would otherwise wait for on the event
 * loop (measured 2026-11-30 with src/hardening/responsiveness.ts: the first /healthz after listening
 * took 255–412 ms, while a first build started beside it):
 * - the general word frequencies, read from jieba's main dictionary as a word table (built once per
 *   installed nodejieba and cached in the temp dir, then mapped in milliseconds);
 * - the widget and console bundles (esbuild, then a gzip for their size), which start building when
 *   the routes are made and finish here instead of in the middle of serving;
 * - the router's matcher, which Hono compiles on the first match;
 * - the lexicon (LEXICON_FILES besides the built-in ones; ~75 ms of parsing and validation), which
 *   the index's tokenizer needs once a first build on a worker thread is done;
 * - the dictionary's two-character verbs by character and its idioms by their halves (one ~0.15 s
 *   pass, verb-compounds.ts), which the first question with a one-character verb (晒被子) would read.
 * jieba's segmenter itself is never loaded whole on the service's thread (`keepDictionariesScoped`):
 * each new question loads the dictionary words it contains, in milliseconds, so neither a first
 * build nor a reload ends in a ~1.5 s load (a 1.45 s stall after a first build, measured the same
 * way, is gone).
 */
export async function warmUp(
  app: { router: { match(method: string, path: string): unknown } },
  bundles: Promise<void>,
  lexiconFiles: readonly string[],
): Promise<void> {
  generalRarity('政务');
  loadLexicon(lexiconFiles);
  verbCompounds('晒');
  app.router.match('GET', '/healthz');
  await bundles;
}
