/**
 * Scoring a reply with the trained intent model (corpus/intent/model.json, built
 * by scripts/train-intent.ts). The model is read once, on first use.
 *
 * Confidence is the temperature-scaled softmax probability of the winning
 * class; the temperature was fitted on cross-validated predictions, so a 0.8
 * means "right about 80 % of the time" on data like the training corpus.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Intent } from '../classification.ts';
import { evidencePhrases } from './evidence-phrases.ts';
import { extractFeatures, type Features } from './features.ts';
import { decodeModel, type IntentModel, type IntentModelFile } from './model-file.ts';

export const defaultModelPath = fileURLToPath(new URL('../../../corpus/intent/model.json', import.meta.url));

/** Per-feature adjustments to the logits (feature hash → one delta per class), e.g. an org's corrections. */
export type WeightDelta = ReadonlyMap<number, ArrayLike<number>>;

export type IntentScore = {
  intent: Intent;
  confidence: number;
  scores: Record<Intent, number>;
  evidence: string[];
};

export function loadIntentModel(path = defaultModelPath): IntentModel {
  return decodeModel(JSON.parse(readFileSync(path, 'utf8')) as IntentModelFile);
}

let cached: IntentModel | undefined;

/** The shipped model, loaded lazily and kept for the life of the process. */
export function defaultIntentModel(): IntentModel {
  cached ??= loadIntentModel();
  return cached;
}

/** Raw logits (before temperature) of a reply's features, with an optional delta added. */
export function modelLogits(model: IntentModel, features: Features, delta?: WeightDelta): Float64Array {
  const k = model.classes.length;
  const z = Float64Array.from(model.bias);
  for (let j = 0; j < features.ids.length; j++) {
    const id = features.ids[j]!;
    const v = features.values[j]!;
    const row = model.rows.get(id);
    if (row !== undefined) {
      const base = row * k;
      for (let c = 0; c < k; c++) z[c]! += model.weights[base + c]! * v;
    }
    const d = delta?.get(id);
    if (d !== undefined) for (let c = 0; c < k; c++) z[c]! += d[c]! * v;
  }
  return z;
}

/** Temperature-scaled probabilities from raw logits. */
export function probabilities(model: IntentModel, logits: Float64Array): Float64Array {
  const p = logits.map((v) => v / model.temperature);
  let max = Number.NEGATIVE_INFINITY;
  for (const v of p) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < p.length; c++) {
    p[c] = Math.exp(p[c]! - max);
    sum += p[c]!;
  }
  for (let c = 0; c < p.length; c++) p[c]! /= sum;
  return p;
}

/** Each feature's push toward `winner` over `runnerUp` (for evidence). */
function contributions(
  model: IntentModel,
  features: Features,
  winner: number,
  runnerUp: number,
  delta?: WeightDelta,
) {
  const k = model.classes.length;
  const out = new Float64Array(features.ids.length);
  for (let j = 0; j < features.ids.length; j++) {
    const id = features.ids[j]!;
    const row = model.rows.get(id);
    let diff = 0;
    if (row !== undefined) diff += model.weights[row * k + winner]! - model.weights[row * k + runnerUp]!;
    const d = delta?.get(id);
    if (d !== undefined) diff += d[winner]! - d[runnerUp]!;
    out[j] = diff * features.values[j]!;
  }
  return out;
}

export type ScoreOptions = { model?: IntentModel; delta?: WeightDelta; evidence?: boolean };

/** Scores already-extracted features (extract with spans when evidence is wanted). */
export function scoreFeatures(text: string, features: Features, opts: ScoreOptions = {}): IntentScore {
  const model = opts.model ?? defaultIntentModel();
  const p = probabilities(model, modelLogits(model, features, opts.delta));
  let winner = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[winner]!) winner = c;
  let runnerUp = winner === 0 ? 1 : 0;
  for (let c = 0; c < p.length; c++) if (c !== winner && p[c]! > p[runnerUp]!) runnerUp = c;

  const scores = {} as Record<Intent, number>;
  model.classes.forEach((c, i) => {
    scores[c] = p[i]!;
  });
  const evidence =
    opts.evidence === false
      ? []
      : evidencePhrases(text, features, contributions(model, features, winner, runnerUp, opts.delta));
  return { intent: model.classes[winner]!, confidence: p[winner]!, scores, evidence };
}

/** Scores a reply's text (quoted history and signature already stripped). */
export function scoreIntent(text: string, opts: ScoreOptions = {}): IntentScore {
  return scoreFeatures(text, extractFeatures(text, opts.evidence !== false), opts);
}
