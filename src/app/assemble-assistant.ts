import { createChatModel } from '../answer/chat-registry.js';
import { createExtractiveAnswerer } from '../answer/extractive-answerer.js';
import { createPolicyRewritingRetriever } from '../answer/policy-query-rewrite.js';
import type { Config } from '../config.js';
import { UploadPreparer } from '../ingest/upload-preparer.js';
import { createHybridRetriever } from '../retrieve/hybrid-retriever.js';
import { createReranker } from '../retrieve/rerank/create-reranker.js';
import type { Assistant } from './assistant.js';
import type { IndexParts } from './index-parts.js';
import { createIndexer } from './indexer.js';

/**
 * Weight of the vector list in the fusion: VECTOR_WEIGHT, else 0.2 under the offline hashing
 * embedder (a weak, lexical list: seed-dev hit@1 0.86 at 0.2, see docs/design.md › Fusion) and 1
 * with an embedding model.
 */
export function vectorWeightOf(config: Config): number {
  return config.vectorWeight ?? (config.embedder.kind === 'hashing' ? 0.2 : 1);
}

/**
 * The pipeline around an opened index: the hybrid retriever (with the reranker and, when
 * configured, the model's query rewrite), the offline answerer and the indexer for live changes.
 */
export function assembleAssistant(
  config: Config,
  { tokenizer, embedder, store, minedTerms, idf }: IndexParts,
  {
    uploadWorker,
    log,
  }: { uploadWorker: boolean; log: (message: string, fields?: Record<string, unknown>) => void },
): Assistant {
  const reranker = createReranker(config.rerank, (err) =>
    log('rerank: failed, offline order used', { code: err.code }),
  );
  const hybrid = createHybridRetriever({
    store,
    tokenizer,
    embedder,
    k: config.retrievalK,
    vectorWeight: vectorWeightOf(config),
    deploymentRegion: config.deploymentRegion,
    reranker,
    rerankCandidates: config.rerankCandidates,
  });
  const rewriteChat = config.queryRewrite ? createChatModel(config.chat) : undefined;
  const retriever = rewriteChat
    ? createPolicyRewritingRetriever({
        retriever: hybrid,
        chat: rewriteChat,
        onFallback: () => log('query rewrite: model failed, question searched alone'),
      })
    : hybrid;
  const extractive = createExtractiveAnswerer({ tokenizer, store, referralLine: config.referralLine });
  // An upload worker makes its own tokenizer and embedder from the terms and idf the index keeps.
  const preparer = uploadWorker
    ? new UploadPreparer({
        extraTerms: minedTerms,
        embedder: config.embedder,
        idf,
        preparedWith: `${tokenizer.id}|${embedder.id}`,
      })
    : undefined;
  const indexer = createIndexer({ store, tokenizer, embedder, uploadDir: config.uploadDir, preparer });
  return {
    config,
    tokenizer,
    embedder,
    store,
    retriever,
    extractive,
    indexer,
    close: async () => {
      await preparer?.close();
      await store.close();
    },
  };
}
