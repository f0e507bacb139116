import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAssistant } from '../app/build-assistant.js';
import { heldBy } from '../retrieve/held-terms.js';
import { searchTargets, unmatchedTargets } from '../text/lexicon-audit.js';
import { BUILT_IN_LEXICON_FILES, readLexiconRows } from '../text/lexicon-files.js';
import { exitWithError, loadCliConfig } from './cli-config.js';

const USAGE = 'usage: npm run lexicon-audit -- [--index DIR] [--strict]';

/**
 * Lists the lexicon targets (built-in files and LEXICON_FILES) that no passage of an index holds:
 * rows that search for nothing there. Run it after editing a lexicon file and re-ingesting; with
 * --strict it exits 1 when any target is unmatched. Targets are checked against the index as built,
 * so an all-of target is held only when every part is a word of the index's cut.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadCliConfig({ indexDir: values.index, logLevel: 'silent' });
  const rows = readLexiconRows([...BUILT_IN_LEXICON_FILES, ...config.lexiconFiles]);
  const targets = searchTargets(rows);
  const assistant = await buildAssistant(config);
  try {
    const held = await heldBy((terms) => assistant.store.idf(terms), targets);
    const unmatched = unmatchedTargets(rows, held);
    for (const u of unmatched)
      process.stdout.write(`${relative(process.cwd(), u.file)}:${u.line}\t${u.from}\t${u.target}\n`);
    const { documents } = await assistant.store.stats();
    process.stdout.write(
      `${unmatched.length} of ${targets.length} targets match no passage of ${documents} documents (${config.indexDir})\n`,
    );
    if (values.strict && unmatched.length > 0) process.exitCode = 1;
  } finally {
    await assistant.close();
  }
}

main().catch(exitWithError);
