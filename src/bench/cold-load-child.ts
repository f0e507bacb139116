// Run by the bench in a fresh process (config from the environment the bench gives it): opens the
// index, answers one question, and prints one JSON line with the timings and the resident set.
import { buildAssistant } from '../app/build-assistant.js';
import { loadConfig } from '../config.js';

async function main(): Promise<void> {
  const question = process.argv[2] ?? '办理营业执照需要什么材料';
  const config = loadConfig();
  const t0 = performance.now();
  const assistant = await buildAssistant(config);
  const loaded = performance.now();
  const retrieval = await assistant.retriever.retrieve(question, { k: config.retrievalK });
  await assistant.extractive.answer(question, retrieval);
  const answered = performance.now();
  const line = {
    loadSeconds: (loaded - t0) / 1000,
    firstAnswerSeconds: (answered - loaded) / 1000,
    // performance.now() counts from process start: node, tsx and module loading included.
    processSeconds: answered / 1000,
    rssBytes: process.memoryUsage().rss,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  await assistant.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
