import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readIdList } from '../ingest/id-list.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import { formatMinedLexicon, mineLexicon } from '../text/lexicon-mining.js';
import { exitWithError, loadCliConfig } from './cli-config.js';

const USAGE = 'usage: npm run mine-lexicon -- [--corpus DIR]... [--only IDS.txt] [--out lexicon/mined.tsv]';

/**
 * Mines abbreviation ↔ full-name pairs and defined terms from the corpus into a lexicon file
 * (default lexicon/mined.tsv, which the service loads). Re-run it when the corpus changes much;
 * a changed file changes the dictionary, so the next ingest rebuilds the index.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      only: { type: 'string' },
      out: { type: 'string', default: 'lexicon/mined.tsv' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadCliConfig({ corpusDirs: values.corpus, logLevel: 'silent' });
  const only = values.only ? readIdList(values.only) : undefined;
  const { documents } = await loadCorpus(config.corpusDirs, { only });
  const pairs = mineLexicon(documents);
  const abbreviations = pairs.filter((p) => p.relation === '=').length;
  const header = [
    'Mined from the corpus by `npm run mine-lexicon` (src/text/lexicon-mining.ts); edit colloquial.tsv, not this file.',
    `${documents.length} documents; ${abbreviations} abbreviation pairs (=), ${pairs.length - abbreviations} defined terms (:).`,
    'SOURCE doc:ID+N: the first document stating the pair and how many more do.',
  ];
  writeFileSync(values.out, formatMinedLexicon(pairs, header));
  process.stdout.write(
    `${values.out}: ${abbreviations} abbreviation pairs, ${pairs.length - abbreviations} defined terms\n`,
  );
}

main().catch(exitWithError);
