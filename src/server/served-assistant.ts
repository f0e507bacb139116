import type { SearchStore } from '../index/search-store.js';
import type { Indexer } from '../ingest/indexer.js';
import type { Retriever } from '../retrieve/retriever.js';

/**
 * What the routes use of the assembled pipeline. The composition root (app/) builds more than this
 * and hands it in; the server names only what it needs, so it never imports the layer that builds it.
 */
export interface ServedAssistant {
  store: SearchStore;
  retriever: Retriever;
  indexer: Indexer;
}
