import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { vectorWeightOf } from '../app/assemble-assistant.js';
import { buildAssistant } from '../app/build-assistant.js';
import {
  buildCalibrationSet,
  fitAnswerability,
  renderWeightsModule,
} from '../calibrate/fit-answerability.js';
import { seededRandom } from '../calibrate/random.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import { readManifest } from '../ingest/manifest.js';
import { createHybridRetriever } from '../retrieve/hybrid-retriever.js';
import { exitWithError, loadCliConfig } from './cli-config.js';

const USAGE = `usage: npm run calibrate -- --index DIR --outside DIR [--outside DIR]... [--samples 400] [--seed 7] [--write]
  Fits the answerability model on questions generated from the indexed corpus (answerable, other
  place, mismatched words) and from documents of the --outside folders that the index does not hold
  (absent topics). Prints cross-validated figures; --write replaces src/retrieve/answerability-weights.ts.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      outside: { type: 'string', multiple: true },
      samples: { type: 'string' },
      seed: { type: 'string' },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.index || !values.outside) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadCliConfig({ indexDir: values.index, logLevel: 'silent' });
  const assistant = await buildAssistant(config, {});
  try {
    const random = seededRandom(Number(values.seed ?? 7));
    const indexed = new Set((await assistant.store.listDocuments()).map((m) => m.id));
    // Only a sample of the outside documents is read: their ids come from the manifest when there is one.
    const ids = new Set<string>();
    for (const dir of values.outside) {
      for (const id of (await readManifest(dir)).rows.keys()) if (!indexed.has(id)) ids.add(id);
    }
    const sampled = new Set([...ids].filter(() => random.chance(Math.min(1, 600 / Math.max(1, ids.size)))));
    const outside = (
      await loadCorpus(values.outside, sampled.size > 0 ? { only: sampled } : {})
    ).documents.filter((d) => !indexed.has(d.id));
    const retriever = createHybridRetriever({
      store: assistant.store,
      tokenizer: assistant.tokenizer,
      embedder: assistant.embedder,
      vectorWeight: vectorWeightOf(config),
      deploymentRegion: config.deploymentRegion,
      gate: 'coverage',
    });
    const rows = await buildCalibrationSet({
      store: assistant.store,
      tokenizer: assistant.tokenizer,
      retriever,
      outside,
      samples: Number(values.samples ?? 400),
      random,
    });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    const { model, thresholds } = fitAnswerability(rows);
    const out = process.stdout;
    out.write(`questions: ${rows.length} (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})\n`);
    out.write(
      `weights: ${model.features.map((f, i) => `${f} ${model.weights[i]}`).join(', ')}; bias ${model.bias}\n`,
    );
    out.write(
      `thresholds (5-fold cross-validation): answer ≥ ${model.answerAt}, partial ≥ ${model.partialAt}; out-of-fold false refusals ${thresholds.falseRefusal.toFixed(3)}, refusal accuracy ${thresholds.refusalAccuracy.toFixed(3)}\n`,
    );
    for (const r of rows.slice(0, 12)) out.write(`  ${r.answerable ? '+' : '-'} ${r.kind}: ${r.question}\n`);
    if (values.write) {
      const path = new URL('../retrieve/answerability-weights.ts', import.meta.url);
      const provenance = [
        `Fitted ${new Date().toISOString().slice(0, 10)} on ${rows.length} generated questions`,
        `(${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}), index of ${indexed.size} documents,`,
        `seed ${values.seed ?? 7}; 5-fold out-of-fold false refusals ${thresholds.falseRefusal.toFixed(3)},`,
        `refusal accuracy ${thresholds.refusalAccuracy.toFixed(3)}.`,
      ];
      await writeFile(path, renderWeightsModule(model, provenance));
      out.write(`written: ${path.pathname}\n`);
    }
  } finally {
    await assistant.close();
  }
}

main().catch(exitWithError);
