/**
 * Multinomial logistic regression on sparse rows, trained with Adagrad and an
 * L2 penalty. Shuffling uses a seeded generator and every sum runs in a fixed
 * order, so the same rows and options give bit-identical weights.
 */

export type SparseRow = {
  /** Dense feature indices (0..features-1), unique within the row. */
  idx: Int32Array;
  val: Float32Array;
  label: number;
  /** Per-example weight (class balancing); 1 when absent. */
  weight?: number;
};

export type SoftmaxOptions = {
  classes: number;
  features: number;
  epochs: number;
  learningRate: number;
  /** L2 strength, applied to the weights an example touches (lazy, as is usual for sparse SGD). */
  l2: number;
  seed: number;
};

export type LinearModel = {
  classes: number;
  features: number;
  /** Row-major: weights[f * classes + c]. */
  weights: Float64Array;
  bias: Float64Array;
};

/** mulberry32: tiny, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}

/** Softmax in place, numerically stable. */
export function softmaxInPlace(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
  return z;
}

export function rowLogits(
  model: LinearModel,
  row: SparseRow,
  out = new Float64Array(model.classes),
): Float64Array {
  const k = model.classes;
  for (let c = 0; c < k; c++) out[c] = model.bias[c]!;
  for (let j = 0; j < row.idx.length; j++) {
    const base = row.idx[j]! * k;
    const v = row.val[j]!;
    for (let c = 0; c < k; c++) out[c]! += model.weights[base + c]! * v;
  }
  return out;
}

export function trainSoftmax(rows: readonly SparseRow[], opts: SoftmaxOptions): LinearModel {
  const k = opts.classes;
  const model: LinearModel = {
    classes: k,
    features: opts.features,
    weights: new Float64Array(opts.features * k),
    bias: new Float64Array(k),
  };
  const g2 = new Float64Array(opts.features * k);
  const g2Bias = new Float64Array(k);
  const eps = 1e-8;
  const random = seededRandom(opts.seed);
  const order = rows.map((_, i) => i);
  const p = new Float64Array(k);

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const r of order) {
      const row = rows[r]!;
      const w = row.weight ?? 1;
      softmaxInPlace(rowLogits(model, row, p));
      for (let c = 0; c < k; c++) {
        const gb = w * (p[c]! - (c === row.label ? 1 : 0));
        g2Bias[c]! += gb * gb;
        model.bias[c]! -= (opts.learningRate * gb) / Math.sqrt(g2Bias[c]! + eps);
      }
      for (let j = 0; j < row.idx.length; j++) {
        const base = row.idx[j]! * k;
        const v = row.val[j]!;
        for (let c = 0; c < k; c++) {
          const at = base + c;
          const g = w * (p[c]! - (c === row.label ? 1 : 0)) * v + opts.l2 * model.weights[at]!;
          g2[at]! += g * g;
          model.weights[at]! -= (opts.learningRate * g) / Math.sqrt(g2[at]! + eps);
        }
      }
    }
  }
  return model;
}

/** Temperature that minimises the log-loss of held-out logits (golden-section search on log T). */
export function fitTemperature(logits: Float64Array[], labels: number[]): number {
  const nll = (t: number) => {
    let loss = 0;
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i]!.map((v) => v / t);
      softmaxInPlace(z);
      loss -= Math.log(Math.max(z[labels[i]!]!, 1e-12));
    }
    return loss;
  };
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let iter = 0; iter < 60; iter++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}
