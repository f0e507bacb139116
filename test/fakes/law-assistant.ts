import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assistant } from '../../src/app/assistant.js';
import { buildAssistant } from '../../src/app/build-assistant.js';
import { loadConfig } from '../../src/config.js';

/** A small regulation on disk: its id (file name), title, region and Markdown text. */
export interface SmallLaw {
  id: string;
  title: string;
  region: string;
  text: string;
}

/**
 * The real assistant (jieba, BM25, hnswlib) over a few small regulations written to a fresh temp
 * dir with their manifest; `dispose` closes it and removes the dir.
 */
export async function lawAssistant(
  prefix: string,
  laws: readonly SmallLaw[],
): Promise<{ assistant: Assistant; dispose: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const corpus = join(root, 'corpus');
  await mkdir(corpus, { recursive: true });
  for (const law of laws) await writeFile(join(corpus, `${law.id}.md`), law.text);
  const manifest = laws.map(({ id, title, region }) => JSON.stringify({ id, title, region, type: '法规' }));
  await writeFile(join(corpus, 'manifest.jsonl'), `${manifest.join('\n')}\n`);
  const assistant = await buildAssistant(
    loadConfig({ INDEX_DIR: join(root, 'index'), CORPUS_DIRS: corpus, UPLOAD_DIR: join(root, 'up') }),
  );
  return {
    assistant,
    dispose: async () => {
      await assistant.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
