/**
 * Learning from an org's corrections (SPEC §6.2, §12) without retraining the
 * shipped model:
 * - a small per-org weight delta, fitted by a few gradient steps on the
 *   corrections' features with the base model's logits held fixed and a strong
 *   L2 pull toward zero, each weight clipped: a house phrasing seen in a few
 *   corrections moves similar replies, one correction can't move everything;
 * - a near-duplicate override: a reply (almost) identical to a corrected one
 *   gets the corrected intent.
 *
 * The adapter is a pure function of the org's current corrections: rebuild it
 * whenever the list changes, and removing a correction undoes it. It looks at
 * reply text only, never at the sender, so no sender is pinned to an intent.
 */
import { type Intent, intents } from '../classification.ts';
import { extractFeatures, type Features } from './features.ts';
import { defaultIntentModel, modelLogits, type WeightDelta } from './intent-model.ts';
import type { IntentModel } from './model-file.ts';
import { softmaxInPlace } from './softmax-regression.ts';

export type Correction = { text: string; intent: Intent };

export type NearDuplicate = { intent: Intent; similarity: number; correctedText: string };

export type OrgAdapter = {
  /** How many corrections it was built from. */
  corrections: number;
  delta: WeightDelta;
  /** The corrected intent of the most similar corrected reply, when similar enough. */
  nearDuplicate(features: Features): NearDuplicate | null;
};

export type OrgAdapterOptions = {
  model?: IntentModel;
  steps?: number;
  learningRate?: number;
  /** L2 pull toward zero; high on purpose. */
  l2?: number;
  /** No single weight moves further than this. */
  maxDelta?: number;
  /** Jaccard similarity of the phrase features (words, bigrams, char n-grams) from which a reply is a near-duplicate. */
  duplicateThreshold?: number;
};

const defaults = { steps: 40, learningRate: 2, l2: 0.05, maxDelta: 3, duplicateThreshold: 0.8 };

/**
 * The features that come from the reply's words (not whole-text ones like its length): the only ones an
 * org delta may touch (a delta on "6–12 words" would move every reply of that length), and what
 * near-duplicates are compared on.
 */
function shingles(features: Features): Set<number> {
  const out = new Set<number>();
  for (let o = 0; o < features.occFeature.length; o++) {
    const width = features.occTokEnd[o]! - features.occTokStart[o]!;
    if (width >= 1) out.add(features.ids[features.occFeature[o]!]!);
  }
  return out;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export const emptyOrgAdapter: OrgAdapter = { corrections: 0, delta: new Map(), nearDuplicate: () => null };

export function buildOrgAdapter(
  corrections: readonly Correction[],
  options: OrgAdapterOptions = {},
): OrgAdapter {
  if (corrections.length === 0) return emptyOrgAdapter;
  const opts = { ...defaults, ...options };
  const model = options.model ?? defaultIntentModel();
  const k = intents.length;

  const examples = corrections.map((c) => {
    const features = extractFeatures(c.text, true);
    return {
      features,
      label: intents.indexOf(c.intent),
      base: modelLogits(model, features),
      shingles: shingles(features),
    };
  });

  const delta = new Map<number, Float64Array>();
  for (const e of examples)
    for (const id of e.shingles) if (!delta.has(id)) delta.set(id, new Float64Array(k));

  // Full-batch gradient descent in a fixed order: deterministic, and cheap (a few hundred features).
  const grad = new Map<number, Float64Array>();
  for (const id of delta.keys()) grad.set(id, new Float64Array(k));
  const p = new Float64Array(k);
  for (let step = 0; step < opts.steps; step++) {
    for (const [id, g] of grad) {
      const d = delta.get(id)!;
      for (let c = 0; c < k; c++) g[c] = opts.l2 * d[c]!;
    }
    for (const e of examples) {
      const { ids, values } = e.features;
      for (let c = 0; c < k; c++) p[c] = e.base[c]!;
      for (let j = 0; j < ids.length; j++) {
        const d = delta.get(ids[j]!);
        if (d !== undefined) for (let c = 0; c < k; c++) p[c]! += d[c]! * values[j]!;
      }
      for (let c = 0; c < k; c++) p[c]! /= model.temperature;
      softmaxInPlace(p);
      for (let j = 0; j < ids.length; j++) {
        const g = grad.get(ids[j]!);
        if (g === undefined) continue;
        for (let c = 0; c < k; c++) {
          g[c]! += ((p[c]! - (c === e.label ? 1 : 0)) * values[j]!) / (model.temperature * examples.length);
        }
      }
    }
    for (const [id, g] of grad) {
      const d = delta.get(id)!;
      for (let c = 0; c < k; c++) {
        d[c] = Math.max(-opts.maxDelta, Math.min(opts.maxDelta, d[c]! - opts.learningRate * g[c]!));
      }
    }
  }

  return {
    corrections: corrections.length,
    delta,
    nearDuplicate(features: Features): NearDuplicate | null {
      const mine = shingles(features);
      let best: NearDuplicate | null = null;
      // Later corrections win ties: the most recent word on a phrasing is the org's current view.
      examples.forEach((e, i) => {
        const similarity = jaccard(mine, e.shingles);
        if (similarity >= opts.duplicateThreshold && (best === null || similarity >= best.similarity)) {
          best = { intent: corrections[i]!.intent, similarity, correctedText: corrections[i]!.text };
        }
      });
      return best;
    },
  };
}
