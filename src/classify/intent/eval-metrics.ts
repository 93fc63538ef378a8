/**
 * Classification metrics for the intent evaluation: confusion matrix,
 * per-class precision/recall/F1, macro-F1, and accuracy by group.
 */
import { type Intent, intents } from '../classification.ts';

export type ClassMetrics = { intent: Intent; precision: number; recall: number; f1: number; support: number };

export type Metrics = {
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[truth][predicted] */
  confusion: number[][];
};

export function computeMetrics(pairs: readonly { truth: Intent; predicted: Intent }[]): Metrics {
  const k = intents.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const p of pairs) confusion[intents.indexOf(p.truth)]![intents.indexOf(p.predicted)]!++;
  const perClass = intents.map((intent, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((s, v) => s + v, 0);
    const predicted = confusion.reduce((s, row) => s + row[c]!, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, precision, recall, f1, support };
  });
  const present = perClass.filter((m) => m.support > 0);
  const correct = intents.reduce((s, _, c) => s + confusion[c]![c]!, 0);
  return {
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1: present.length === 0 ? 0 : present.reduce((s, m) => s + m.f1, 0) / present.length,
    perClass,
    confusion,
  };
}

export function formatMetrics(m: Metrics): string {
  const lines = ['class            precision  recall     f1  support'];
  for (const c of m.perClass) {
    lines.push(
      `${c.intent.padEnd(16)} ${c.precision.toFixed(3).padStart(9)} ${c.recall.toFixed(3).padStart(7)} ` +
        `${c.f1.toFixed(3).padStart(6)} ${String(c.support).padStart(8)}`,
    );
  }
  lines.push(`accuracy ${m.accuracy.toFixed(4)}   macro-F1 ${m.macroF1.toFixed(4)}`);
  return lines.join('\n');
}

export function formatConfusion(m: Metrics): string {
  const abbrev = ['stop', 'meet', 'info', 'later', 'notint', 'wrong', 'other'];
  const lines = [`truth \\ predicted ${abbrev.map((a) => a.padStart(7)).join('')}`];
  m.confusion.forEach((row, c) => {
    lines.push(`${intents[c]!.padEnd(17)} ${row.map((v) => String(v).padStart(7)).join('')}`);
  });
  return lines.join('\n');
}

/** Accuracy per key (e.g. language), keys sorted. */
export function accuracyBy<T>(
  items: readonly T[],
  key: (t: T) => string,
  ok: (t: T) => boolean,
): { key: string; accuracy: number; n: number }[] {
  const groups = new Map<string, [number, number]>();
  for (const t of items) {
    const g = groups.get(key(t)) ?? [0, 0];
    groups.set(key(t), [g[0] + (ok(t) ? 1 : 0), g[1] + 1]);
  }
  return [...groups.keys()]
    .sort()
    .map((k) => ({ key: k, accuracy: groups.get(k)![0] / groups.get(k)![1], n: groups.get(k)![1] }));
}
