import { parseArgs } from 'node:util';
import { createAskStep } from '../answer/ask-step.js';
import { buildAssistant } from '../app/build-assistant.js';
import { loadConfiguredAnswerer } from '../app/configured-answerer.js';
import { bookTitle } from '../text/citation-text.js';
import { exitWithError, loadCliConfig } from './cli-config.js';
import { endQuietlyWhenPipeCloses } from './closed-pipe.js';
import { createProgressBar } from './progress-bar.js';

const USAGE = 'usage: npm run ask -- [--index DIR] [--json] [--k N] "问题"';

async function main(): Promise<void> {
  endQuietlyWhenPipeCloses();
  const { values, positionals } = parseArgs({
    options: {
      index: { type: 'string' },
      json: { type: 'boolean', default: false },
      k: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const question = positionals.join(' ').trim();
  if (values.help || !question) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadCliConfig({ indexDir: values.index, logLevel: 'silent' });
  // The service's answerer: CHAT_PROVIDER=openai answers with the chat model (extractive fallback).
  const answererOver = await loadConfiguredAnswerer(config);
  const bar = createProgressBar();
  const assistant = await buildAssistant(config, {
    onProgress: (stage, done, total) => bar.update(stage, done, total),
  });
  bar.done();
  const step = createAskStep({
    retriever: assistant.retriever,
    answerer: answererOver(assistant.extractive),
    answerK: values.k ? Number(values.k) : config.retrievalK,
  });
  const { answer } = await step.ask({ question });
  if (values.json) {
    const citations = answer.citations.map(({ n, docId, title, start, end, quote }) => ({
      n,
      docId,
      title,
      start,
      end,
      quote,
    }));
    process.stdout.write(
      `${JSON.stringify({ answer: answer.answer, refused: answer.refused, provider: answer.provider, citations }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${answer.answer}\n`);
    if (answer.citations.length > 0) process.stdout.write('\n来源:\n');
    for (const c of answer.citations) {
      const number = c.docNumber ? `（${c.docNumber}）` : '';
      const date = c.date ? ` ${c.date}` : '';
      process.stdout.write(`[${c.n}] ${bookTitle(c.title)}${number}${date}\n    ${c.headingPath}\n`);
      process.stdout.write(`    “${c.quote.trim()}” (${c.docId} ${c.start}–${c.end})\n`);
    }
  }
  await assistant.close();
}

main().catch(exitWithError);
