// A worker thread that chunks and tokenizes documents for the ingest pipeline (see
// parallel-prepare.ts). It loads its own jieba dictionary with the same extra terms as the main
// thread's tokenizer, so the terms it emits are the same.
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceDocument } from '../domain.js';
import { createJiebaTokenizer } from '../text/jieba-tokenizer.js';
import { loadLexicon } from '../text/lexicon-files.js';
import { prepareDocuments } from './ingest-pipeline.js';
import { type PrepareReply, packTokens } from './prepare-protocol.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker must run in a worker thread');
const { extraTerms, lexiconFiles = [] } = workerData as { extraTerms: string[]; lexiconFiles?: string[] };
const tokenizer = createJiebaTokenizer({ extraTerms, lexicon: loadLexicon(lexiconFiles) });
// Load the dictionary now (jieba loads lazily), so the first batch is not slow.
tokenizer.tokenize('政务服务');
port.postMessage({ type: 'ready', tokenizerId: tokenizer.id } satisfies PrepareReply);

port.on('message', (message: { type: 'batch'; id: number; docs: SourceDocument[] }) => {
  const t = performance.now();
  const prepared = prepareDocuments(message.docs, tokenizer);
  const reply: PrepareReply = {
    type: 'done',
    id: message.id,
    docs: prepared.map((p) => ({ chunks: p.chunks, tokens: p.tokens.map(packTokens) })),
    seconds: (performance.now() - t) / 1000,
  };
  port.postMessage(reply);
});
