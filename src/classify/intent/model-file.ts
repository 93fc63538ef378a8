/**
 * The on-disk form of the intent model (corpus/intent/model.json) and its
 * in-memory form. Weights are quantised to int8 with one scale per class and
 * stored as base64, feature ids as delta-encoded varints: a 30k-feature model is
 * a few hundred kilobytes, and the file is a pure function of the trained weights
 * (no timestamps), so retraining the same corpus gives the same bytes.
 */
import type { Intent } from '../classification.ts';

export const modelFormat = 'nurture-intent/1';

export type ModelTrainingInfo = {
  examples: number;
  perClass: Record<string, number>;
  perLanguage: Record<string, number>;
  trainAccuracy: number;
  cvAccuracy: number;
  cvFolds: number;
  featuresBeforePruning: number;
  options: Record<string, number>;
};

export type IntentModelFile = {
  format: typeof modelFormat;
  classes: Intent[];
  /** Divides logits before the softmax; fitted on cross-validated predictions so confidence means something. */
  temperature: number;
  bias: number[];
  /** Per class: weight = int8 × scale. */
  scales: number[];
  featureCount: number;
  /** Sorted 32-bit feature hashes, delta-encoded as LEB128 varints, base64. */
  ids: string;
  /** int8, featureCount × classes, row-major in `ids` order, base64. */
  weights: string;
  training: ModelTrainingInfo;
};

export type IntentModel = {
  classes: Intent[];
  temperature: number;
  bias: Float64Array;
  /** Feature hash → row index into `weights` (row × classes). */
  rows: Map<number, number>;
  weights: Float32Array;
  training: ModelTrainingInfo;
};

/** Rounds for the JSON file, so the text is short and stable. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function encodeModel(args: {
  classes: Intent[];
  temperature: number;
  bias: ArrayLike<number>;
  /** Feature hash → float weights per class. */
  features: { id: number; weights: ArrayLike<number> }[];
  training: ModelTrainingInfo;
}): IntentModelFile {
  const k = args.classes.length;
  const sorted = [...args.features].sort((a, b) => a.id - b.id);
  const scales: number[] = [];
  for (let c = 0; c < k; c++) {
    let max = 0;
    for (const f of sorted) max = Math.max(max, Math.abs(f.weights[c]!));
    scales.push(max === 0 ? 1 : round6(max / 127) || 1e-6);
  }
  const q = new Int8Array(sorted.length * k);
  sorted.forEach((f, r) => {
    for (let c = 0; c < k; c++) {
      q[r * k + c] = Math.max(-127, Math.min(127, Math.round(f.weights[c]! / scales[c]!)));
    }
  });
  const bytes: number[] = [];
  let prev = 0;
  for (const f of sorted) {
    let delta = f.id - prev;
    prev = f.id;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    bytes.push(delta);
  }
  return {
    format: modelFormat,
    classes: args.classes,
    temperature: round6(args.temperature),
    bias: Array.from(args.bias, round6),
    scales,
    featureCount: sorted.length,
    ids: Buffer.from(bytes).toString('base64'),
    weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'),
    training: args.training,
  };
}

export function decodeModel(file: IntentModelFile): IntentModel {
  if (file.format !== modelFormat) throw new Error(`intent model: unknown format ${String(file.format)}`);
  const k = file.classes.length;
  const idBytes = Buffer.from(file.ids, 'base64');
  const rows = new Map<number, number>();
  let prev = 0;
  let at = 0;
  for (let r = 0; r < file.featureCount; r++) {
    let delta = 0;
    let mul = 1;
    for (;;) {
      const b = idBytes[at++]!;
      delta += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    prev += delta;
    rows.set(prev, r);
  }
  const raw = Buffer.from(file.weights, 'base64');
  const q = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  if (q.length !== file.featureCount * k) throw new Error('intent model: weights do not match featureCount');
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * file.scales[i % k]!;
  return {
    classes: file.classes,
    temperature: file.temperature,
    bias: Float64Array.from(file.bias),
    rows,
    weights,
    training: file.training,
  };
}

/** JSON text for the file: stable key order (as built above) plus a trailing newline. */
export function serializeModel(file: IntentModelFile): string {
  return `${JSON.stringify(file)}\n`;
}
