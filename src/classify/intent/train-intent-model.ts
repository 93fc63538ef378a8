/**
 * Training the intent model: features → document-frequency pruning → softmax
 * regression (Adagrad, L2, seeded) → k-fold cross-validation for an honest
 * accuracy and a fitted temperature → top-K pruning by weight → int8 model file.
 *
 * Pure and deterministic: the same examples in the same order and the same
 * options give the same IntentModelFile, byte for byte once serialised.
 */
import { type Intent, intents } from '../classification.ts';
import { extractFeatures } from './features.ts';
import { encodeModel, type IntentModelFile } from './model-file.ts';
import {
  fitTemperature,
  type LinearModel,
  rowLogits,
  type SparseRow,
  seededRandom,
  shuffleInPlace,
  softmaxInPlace,
  trainSoftmax,
} from './softmax-regression.ts';

export type TrainingExample = { text: string; intent: Intent; lang?: string };

export type TrainOptions = {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** A feature must occur in at least this many examples to be learned at all. */
  minCount: number;
  /** Features kept after training, by largest |weight| over the classes. */
  maxFeatures: number;
  cvFolds: number;
  /** Weigh examples so every class counts equally in the loss. */
  balanceClasses: boolean;
};

export const defaultTrainOptions: TrainOptions = {
  epochs: 12,
  learningRate: 0.2,
  l2: 1e-4,
  seed: 20260310,
  minCount: 2,
  maxFeatures: 30000,
  cvFolds: 5,
  balanceClasses: true,
};

export type TrainReport = {
  model: IntentModelFile;
  trainAccuracy: number;
  cvAccuracy: number;
  /** Out-of-fold predictions (index-aligned with the examples) for further reporting. */
  cvPredictions: { predicted: Intent; confidence: number; scores: Record<Intent, number> }[];
};

type Prepared = { rows: SparseRow[]; hashes: Uint32Array; featuresBeforePruning: number };

function prepare(examples: readonly TrainingExample[], opts: TrainOptions): Prepared {
  const feats = examples.map((e) => extractFeatures(e.text));
  const df = new Map<number, number>();
  for (const f of feats) for (const id of f.ids) df.set(id, (df.get(id) ?? 0) + 1);
  const kept = [...df].filter(([, n]) => n >= opts.minCount).map(([id]) => id);
  kept.sort((a, b) => a - b);
  const dense = new Map<number, number>();
  for (const [i, id] of kept.entries()) dense.set(id, i);

  const perClass = new Map<Intent, number>();
  for (const e of examples) perClass.set(e.intent, (perClass.get(e.intent) ?? 0) + 1);
  const present = perClass.size;

  const rows = feats.map((f, i) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (let j = 0; j < f.ids.length; j++) {
      const d = dense.get(f.ids[j]!);
      if (d === undefined) continue;
      idx.push(d);
      val.push(f.values[j]!);
    }
    const e = examples[i]!;
    const weight = opts.balanceClasses ? examples.length / (present * perClass.get(e.intent)!) : 1;
    return {
      idx: Int32Array.from(idx),
      val: Float32Array.from(val),
      label: intents.indexOf(e.intent),
      weight,
    };
  });
  return { rows, hashes: Uint32Array.from(kept), featuresBeforePruning: df.size };
}

/** Zeroes all but the `maxFeatures` rows with the largest max |weight| (ties broken by index). */
function pruneTopK(model: LinearModel, maxFeatures: number): number[] {
  const k = model.classes;
  const strength = new Float64Array(model.features);
  for (let f = 0; f < model.features; f++) {
    let m = 0;
    for (let c = 0; c < k; c++) m = Math.max(m, Math.abs(model.weights[f * k + c]!));
    strength[f] = m;
  }
  const order = Array.from({ length: model.features }, (_, f) => f).filter((f) => strength[f]! > 0);
  order.sort((a, b) => strength[b]! - strength[a]! || a - b);
  const keep = order.slice(0, maxFeatures).sort((a, b) => a - b);
  const keepSet = new Set(keep);
  for (let f = 0; f < model.features; f++) {
    if (keepSet.has(f)) continue;
    for (let c = 0; c < k; c++) model.weights[f * k + c] = 0;
  }
  return keep;
}

function argmax(z: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < z.length; c++) if (z[c]! > z[best]!) best = c;
  return best;
}

/** Stratified folds: each class's examples, shuffled with the seed, dealt round-robin. */
function foldsOf(rows: SparseRow[], folds: number, seed: number): number[] {
  const random = seededRandom(seed ^ 0x5eed);
  const fold = new Array<number>(rows.length).fill(0);
  for (let c = 0; c < intents.length; c++) {
    const members = rows.flatMap((r, i) => (r.label === c ? [i] : []));
    shuffleInPlace(members, random);
    members.forEach((i, n) => {
      fold[i] = n % folds;
    });
  }
  return fold;
}

export function trainIntentModel(
  examples: readonly TrainingExample[],
  options: Partial<TrainOptions> = {},
  log: (line: string) => void = () => {},
): TrainReport {
  const opts = { ...defaultTrainOptions, ...options };
  const { rows, hashes, featuresBeforePruning } = prepare(examples, opts);
  const softmaxOpts = {
    classes: intents.length,
    features: hashes.length,
    epochs: opts.epochs,
    learningRate: opts.learningRate,
    l2: opts.l2,
    seed: opts.seed,
  };
  log(`features: ${featuresBeforePruning} distinct, ${hashes.length} with count ≥ ${opts.minCount}`);

  // Cross-validation: honest accuracy, and out-of-fold logits to fit the temperature on.
  const fold = foldsOf(rows, opts.cvFolds, opts.seed);
  const oofLogits: Float64Array[] = new Array(rows.length);
  let cvCorrect = 0;
  for (let f = 0; f < opts.cvFolds; f++) {
    const trainRows = rows.filter((_, i) => fold[i] !== f);
    if (trainRows.length === 0) continue;
    const m = trainSoftmax(trainRows, softmaxOpts);
    pruneTopK(m, opts.maxFeatures);
    rows.forEach((r, i) => {
      if (fold[i] !== f) return;
      const z = rowLogits(m, r);
      oofLogits[i] = z;
      if (argmax(z) === r.label) cvCorrect++;
    });
  }
  const cvAccuracy = rows.length === 0 ? 0 : cvCorrect / rows.length;
  const evaluated = rows.flatMap((_, i) => (oofLogits[i] ? [i] : []));
  const temperature =
    evaluated.length > 0
      ? fitTemperature(
          evaluated.map((i) => oofLogits[i]!),
          evaluated.map((i) => rows[i]!.label),
        )
      : 1;
  const cvPredictions = rows.map((_, i) => {
    const z = oofLogits[i] ?? new Float64Array(intents.length);
    const p = softmaxInPlace(z.map((v) => v / temperature));
    const scores = Object.fromEntries(intents.map((c, j) => [c, p[j]!])) as Record<Intent, number>;
    const best = argmax(p);
    return { predicted: intents[best]!, confidence: p[best]!, scores };
  });
  log(
    `cross-validated accuracy (${opts.cvFolds}-fold): ${cvAccuracy.toFixed(4)}; temperature ${temperature.toFixed(3)}`,
  );

  const final = trainSoftmax(rows, softmaxOpts);
  const keep = pruneTopK(final, opts.maxFeatures);
  let trainCorrect = 0;
  for (const r of rows) if (argmax(rowLogits(final, r)) === r.label) trainCorrect++;
  const trainAccuracy = rows.length === 0 ? 0 : trainCorrect / rows.length;
  log(`training accuracy: ${trainAccuracy.toFixed(4)}; kept ${keep.length} features`);

  const perClass: Record<string, number> = {};
  for (const c of intents) perClass[c] = examples.filter((e) => e.intent === c).length;
  const perLanguage: Record<string, number> = {};
  for (const l of [...new Set(examples.map((e) => e.lang ?? '?'))].sort()) {
    perLanguage[l] = examples.filter((e) => (e.lang ?? '?') === l).length;
  }
  const k = intents.length;
  const model = encodeModel({
    classes: [...intents],
    temperature,
    bias: final.bias,
    features: keep.map((f) => ({ id: hashes[f]!, weights: final.weights.subarray(f * k, f * k + k) })),
    training: {
      examples: examples.length,
      perClass,
      perLanguage,
      trainAccuracy: Math.round(trainAccuracy * 1e4) / 1e4,
      cvAccuracy: Math.round(cvAccuracy * 1e4) / 1e4,
      cvFolds: opts.cvFolds,
      featuresBeforePruning,
      options: {
        epochs: opts.epochs,
        learningRate: opts.learningRate,
        l2: opts.l2,
        seed: opts.seed,
        minCount: opts.minCount,
        maxFeatures: opts.maxFeatures,
      },
    },
  });
  return { model, trainAccuracy, cvAccuracy, cvPredictions };
}
