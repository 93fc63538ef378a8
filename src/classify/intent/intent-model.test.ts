import { describe, expect, it } from 'vitest';
import { intents } from '../classification.ts';
import { defaultIntentModel, scoreIntent } from './intent-model.ts';

describe('scoreIntent (shipped model)', () => {
  it('gives a probability per intent', () => {
    const r = scoreIntent('Can you send me the brochure and your prices?');
    expect(Object.keys(r.scores).sort()).toEqual([...intents].sort());
    expect(Object.values(r.scores).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(r.confidence).toBe(r.scores[r.intent]);
    expect(r.intent).toBe('info_request');
  });

  it('quotes 1–4 phrases of the original text as evidence', () => {
    const text = 'Hi Tom,\n\nI LEFT the company in December — please contact Jürgen Groß instead.\n\nBest';
    const r = scoreIntent(text);
    expect(r.evidence.length).toBeGreaterThanOrEqual(1);
    expect(r.evidence.length).toBeLessThanOrEqual(4);
    for (const phrase of r.evidence) expect(text.replace(/\s+/g, ' ')).toContain(phrase);
  });

  it('loads the model once', () => {
    expect(defaultIntentModel()).toBe(defaultIntentModel());
  });

  it('is fast: thousands of replies a second', () => {
    const texts = [
      'Thursday at 3 works for me.',
      'Bitte nehmen Sie mich aus dem Verteiler.',
      'Pas pour le moment, revenez vers moi en septembre.',
    ];
    scoreIntent(texts[0]!);
    const start = performance.now();
    for (let i = 0; i < 600; i++) scoreIntent(texts[i % 3]!);
    const perSecond = 600 / ((performance.now() - start) / 1000);
    expect(perSecond).toBeGreaterThan(1000);
  });
});
