import type { SearchStore, StoredDocument } from '../index/search-store.js';

/** A document by id, as the store gives it. */
export type ReadDocument = (id: string) => Promise<StoredDocument | undefined>;

/** The store's documents, each read at most once by the reader returned. */
export function readOnce(store: Pick<SearchStore, 'getDocument'>): ReadDocument {
  const read = new Map<string, Promise<StoredDocument | undefined>>();
  return (id) => {
    let doc = read.get(id);
    if (!doc) {
      doc = store.getDocument(id);
      read.set(id, doc);
    }
    return doc;
  };
}
