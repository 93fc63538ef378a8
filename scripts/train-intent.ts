/**
 * Trains the reply-intent model from corpus/intent/*.train.jsonl (and seed.jsonl)
 * and writes corpus/intent/model.json. Deterministic: the same corpus gives the
 * same bytes. Hold-out files are never read here.
 *
 *   ./node_modules/.bin/node scripts/train-intent.ts [--data DIR] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { intents } from '../src/classify/classification.ts';
import { readCorpus } from '../src/classify/intent/corpus.ts';
import { serializeModel } from '../src/classify/intent/model-file.ts';
import { trainIntentModel } from '../src/classify/intent/train-intent-model.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '..', 'corpus', 'intent') },
    out: { type: 'string' },
  },
});
const dataDir = values.data!;
const out = values.out ?? join(dataDir, 'model.json');

const corpus = readCorpus(dataDir, 'train');
for (const p of corpus.problems) console.warn(`skipped ${p}`);
if (corpus.rows.length === 0) {
  console.error(`no training rows in ${dataDir}`);
  process.exit(1);
}
console.log(`training on ${corpus.rows.length} replies from ${corpus.files.join(', ')}`);
const started = performance.now();
const report = trainIntentModel(
  corpus.rows.map((r) => ({ text: r.text, intent: r.intent, lang: r.lang })),
  {},
  (line) => console.log(line),
);

// Cross-validated accuracy per class and language: where the model is weak before any hold-out is looked at.
const byLang = new Map<string, [number, number]>();
const byClass = new Map<string, [number, number]>();
corpus.rows.forEach((r, i) => {
  const ok = report.cvPredictions[i]!.predicted === r.intent ? 1 : 0;
  for (const [m, key] of [
    [byLang, r.lang],
    [byClass, r.intent],
  ] as const) {
    const acc = m.get(key) ?? [0, 0];
    m.set(key, [acc[0] + ok, acc[1] + 1]);
  }
});
const fmt = (m: Map<string, [number, number]>, keys: readonly string[]) =>
  keys
    .filter((k) => m.has(k))
    .map((k) => `${k} ${(m.get(k)![0] / m.get(k)![1]).toFixed(3)} (n=${m.get(k)![1]})`)
    .join(', ');
console.log(`cv accuracy by language: ${fmt(byLang, [...byLang.keys()].sort())}`);
console.log(`cv recall by class: ${fmt(byClass, intents)}`);

const text = serializeModel(report.model);
writeFileSync(out, text);
console.log(
  `training accuracy ${report.trainAccuracy.toFixed(4)}, cross-validated ${report.cvAccuracy.toFixed(4)}; ` +
    `${report.model.featureCount} features; wrote ${out} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB) ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
