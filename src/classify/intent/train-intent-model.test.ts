import { describe, expect, it } from 'vitest';
import type { Intent } from '../classification.ts';
import { scoreIntent } from './intent-model.ts';
import { decodeModel, serializeModel } from './model-file.ts';
import { type TrainingExample, trainIntentModel } from './train-intent-model.ts';

const tiny: TrainingExample[] = (
  [
    ['stop', 'Please unsubscribe me.'],
    ['stop', 'Remove me from your list.'],
    ['stop', 'Stop emailing me.'],
    ['stop', 'Bitte abmelden.'],
    ['meeting', 'Thursday at 3 works for me.'],
    ['meeting', "Sure, let's talk on Monday."],
    ['meeting', 'Happy to meet next week, send an invite.'],
    ['meeting', 'Gerne, Dienstag um 10 Uhr.'],
    ['info_request', 'Can you send me the brochure?'],
    ['info_request', 'What does it cost?'],
    ['info_request', 'Please send more information and pricing.'],
    ['info_request', 'Haben Sie eine Broschüre?'],
    ['other', 'Thanks, got it.'],
    ['other', 'Who is this?'],
    ['other', 'Received, thank you.'],
    ['other', 'Danke.'],
  ] as [Intent, string][]
).map(([intent, text]) => ({ intent, text, lang: 'en' }));

const options = { cvFolds: 2, epochs: 8, minCount: 1 };

describe('trainIntentModel', () => {
  it('gives a byte-identical model for the same corpus', () => {
    const a = serializeModel(trainIntentModel(tiny, options).model);
    const b = serializeModel(trainIntentModel(tiny, options).model);
    expect(a).toBe(b);
  });

  it('depends on the seed (so the equality above is not vacuous)', () => {
    const a = serializeModel(trainIntentModel(tiny, options).model);
    const b = serializeModel(trainIntentModel(tiny, { ...options, seed: 1 }).model);
    expect(a).not.toBe(b);
  });

  it('learns the training set, and the quantised model still separates it', () => {
    const report = trainIntentModel(tiny, options);
    expect(report.trainAccuracy).toBe(1);
    const model = decodeModel(JSON.parse(serializeModel(report.model)));
    const right = tiny.filter((e) => scoreIntent(e.text, { model, evidence: false }).intent === e.intent);
    expect(right.length).toBeGreaterThanOrEqual(tiny.length - 1);
  });

  it('keeps at most maxFeatures features', () => {
    expect(trainIntentModel(tiny, { ...options, maxFeatures: 50 }).model.featureCount).toBeLessThanOrEqual(
      50,
    );
  });

  it('records what it was trained on, without timestamps', () => {
    const { training } = trainIntentModel(tiny, options).model;
    expect(training.examples).toBe(16);
    expect(training.perClass).toMatchObject({
      stop: 4,
      meeting: 4,
      info_request: 4,
      other: 4,
      wrong_person: 0,
    });
    expect(JSON.stringify(training)).not.toMatch(/20\d\d-\d\d-\d\d/);
  });
});
