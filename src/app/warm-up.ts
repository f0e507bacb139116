import type { Config } from '../config.js';
import { peekStore } from '../index/open-store.js';
import { generalRarity } from '../text/general-rarity.js';
import { indexTokenizer } from './open-index.js';

/**
 * Loads, before the service listens, what the first query would otherwise load on the event loop
 * while requests wait: jieba's whole dictionary with the stored index's terms (a native, synchronous
 * load of ~2 s; the index opened later makes a tokenizer with the same dictionary, which is then
 * loaded already; without this the first questions are cut on small scoped dictionaries and the
 * whole one loads in the middle of serving, once enough text was cut: a 1.7 s stall) and the general word frequencies (~0.4–0.9 s). Measured 2026-11-30 with
 * responsiveness.ts: the first search after start held the loop 3.7 s (jieba 2.2 s, frequencies
 * 0.9 s at load average 10). Without a stored index (a first build) jieba is left for later: the
 * build mines the terms its dictionary needs, and loading it twice would cost twice.
 */
export async function warmUp(config: Config): Promise<void> {
  generalRarity('政务');
  // A missing or damaged index is reported by the load that follows, with its own message.
  // Only the local index is peeked here: a database peek would hold the start on the connection
  // (the postgres service loads its dictionary after the index opens, before it reports ready).
  if (config.store !== 'local') return;
  const peek = await peekStore(config).catch(() => undefined);
  if (peek) indexTokenizer(config, peek).tokenizer.loadDictionary();
}
