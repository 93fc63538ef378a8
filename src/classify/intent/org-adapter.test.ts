import { describe, expect, it } from 'vitest';
import type { Intent } from '../classification.ts';
import { extractFeatures } from './features.ts';
import { scoreIntent } from './intent-model.ts';
import { decodeModel } from './model-file.ts';
import { buildOrgAdapter, type Correction } from './org-adapter.ts';
import { trainIntentModel } from './train-intent-model.ts';

// A small base model, so these tests don't move when the shipped model is retrained.
const base: [Intent, string][] = [
  ['stop', 'Please unsubscribe me.'],
  ['stop', 'Remove me from your list.'],
  ['stop', 'Stop emailing me.'],
  ['meeting', "Let's talk on Monday at 10."],
  ['meeting', 'Happy to talk, Thursday at 3 works.'],
  ['meeting', "Sure, let's set up a call next week."],
  ['meeting', 'Glad to meet, send an invite for Friday.'],
  ['connect_later', 'Ping me in March.'],
  ['connect_later', 'Try again next quarter.'],
  ['connect_later', 'Not now, reach out after the summer.'],
  ['other', 'Thanks, got it.'],
  ['other', 'Who is this?'],
  ['other', 'Received.'],
];
const model = decodeModel(
  trainIntentModel(
    base.map(([intent, text]) => ({ intent, text })),
    { cvFolds: 2, epochs: 10, minCount: 1 },
  ).model,
);

const house: Correction[] = [
  { text: "Let's talk after our board meeting.", intent: 'connect_later' },
  { text: 'Happy to talk once the board meeting is done.', intent: 'connect_later' },
  { text: 'We can set up a call after the board meets.', intent: 'connect_later' },
  { text: "Let's find a time after our next board meeting, thanks!", intent: 'connect_later' },
];

const score = (text: string, adapter?: ReturnType<typeof buildOrgAdapter>) =>
  scoreIntent(text, { model, delta: adapter?.delta, evidence: false });

describe('buildOrgAdapter', () => {
  it('is a no-op without corrections', () => {
    const adapter = buildOrgAdapter([], { model });
    expect(adapter.delta.size).toBe(0);
    expect(score('Thursday at 3 works.', adapter)).toEqual(score('Thursday at 3 works.'));
  });

  it('learns a house phrasing from a few corrections', () => {
    const text = 'Glad to talk once our board meeting is behind us.';
    const before = score(text);
    const after = score(text, buildOrgAdapter(house, { model }));
    expect(before.intent).toBe('meeting');
    expect(after.intent).toBe('connect_later');
    expect(after.scores.connect_later).toBeGreaterThan(before.scores.connect_later + 0.3);
  });

  it('leaves unrelated replies alone', () => {
    const adapter = buildOrgAdapter(house, { model });
    for (const text of ['Please unsubscribe me.', 'Thursday at 3 works for me.', 'Who is this?']) {
      expect(score(text, adapter).intent).toBe(score(text).intent);
    }
  });

  it('one correction cannot override everything: weights are bounded and pulled toward zero', () => {
    const one = buildOrgAdapter([{ text: 'Thanks, got it.', intent: 'stop' }], { model, maxDelta: 3 });
    for (const d of one.delta.values())
      for (const v of Array.from(d)) expect(Math.abs(v)).toBeLessThanOrEqual(3);
    expect(score('Thanks for the invite, see you Monday at 10.', one).intent).toBe('meeting');
  });

  it('overrides near-duplicates of a corrected reply, and only those', () => {
    const adapter = buildOrgAdapter([{ text: 'Thanks, got it.', intent: 'not_interested' }], { model });
    expect(adapter.nearDuplicate(extractFeatures('thanks,  GOT it!', true))?.intent).toBe('not_interested');
    expect(adapter.nearDuplicate(extractFeatures('Thanks, see you Monday at 10.', true))).toBeNull();
  });

  it('is rebuilt from the current list: removing a correction undoes it', () => {
    const corrections: Correction[] = [...house, { text: 'Who is this?', intent: 'stop' }];
    const withIt = buildOrgAdapter(corrections, { model });
    expect(withIt.nearDuplicate(extractFeatures('Who is this?', true))?.intent).toBe('stop');
    const without = buildOrgAdapter(corrections.slice(0, -1), { model });
    expect(without.nearDuplicate(extractFeatures('Who is this?', true))).toBeNull();
    expect(score('Who is this?', without).intent).toBe('other');
  });

  it('later corrections of the same text win', () => {
    const adapter = buildOrgAdapter(
      [
        { text: 'Noted.', intent: 'not_interested' },
        { text: 'Noted.', intent: 'other' },
      ],
      { model },
    );
    expect(adapter.nearDuplicate(extractFeatures('Noted.', true))?.intent).toBe('other');
  });

  it('is deterministic', () => {
    const a = buildOrgAdapter(house, { model });
    const b = buildOrgAdapter(house, { model });
    expect([...a.delta].map(([k, v]) => [k, Array.from(v)])).toEqual(
      [...b.delta].map(([k, v]) => [k, Array.from(v)]),
    );
  });
});
