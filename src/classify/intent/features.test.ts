import { describe, expect, it } from 'vitest';
import { extractFeatures, handFeatureId } from './features.ts';
import { normalizeText, originalSpan } from './normalize-text.ts';

describe('normalizeText', () => {
  it('lower-cases, folds accents and splits apostrophes', () => {
    const n = normalizeText("Très BIEN, don't worry — Grüße, ß");
    expect(n.tokens.map((t) => t.text)).toEqual(['tres', 'bien', 'don', 't', 'worry', 'grusse', 'ss']);
  });

  it('replaces URLs, addresses and digit runs with placeholders', () => {
    const n = normalizeText('Mail jo@acme.io or see https://acme.io/x at 14:30, 3pm');
    expect(n.tokens.map((t) => t.text)).toEqual([
      'mail',
      '_email_',
      'or',
      'see',
      '_url_',
      'at',
      '0',
      '0',
      '0pm',
    ]);
  });

  it('maps normalised spans back to the original text', () => {
    const text = 'Grüße, Jürgen: https://x.de/abc ok';
    const n = normalizeText(text);
    const url = n.tokens.find((t) => t.text === '_url_')!;
    const [from, to] = originalSpan(n, url.start, url.end);
    expect(text.slice(from, to)).toBe('https://x.de/abc');
    const name = n.tokens[1]!;
    expect(text.slice(...originalSpan(n, name.start, name.end))).toBe('Jürgen');
  });
});

describe('extractFeatures', () => {
  it('is deterministic', () => {
    const a = extractFeatures('Thursday at 3 works for me, thanks!');
    const b = extractFeatures('Thursday at 3 works for me, thanks!');
    expect([...a.ids]).toEqual([...b.ids]);
    expect([...a.values]).toEqual([...b.values]);
  });

  it('ignores case and accents', () => {
    expect([...extractFeatures('Désabonnez-moi').ids]).toEqual([...extractFeatures('desabonnez-MOI').ids]);
  });

  it('keeps char n-grams inside words: word order changes only bigrams', () => {
    const a = new Set(extractFeatures('remove me').ids);
    const b = new Set(extractFeatures('me remove').ids);
    const onlyA = [...a].filter((id) => !b.has(id));
    expect(onlyA).toHaveLength(1); // the bigram "remove me"
  });

  it('marks words in the scope of a negation, and negation near a removal keyword', () => {
    const plain = extractFeatures('please unsubscribe me');
    const negated = extractFeatures('please do not unsubscribe me');
    const flag = handFeatureId('negation-near:removal');
    expect(plain.ids).not.toContain(flag);
    expect(negated.ids).toContain(flag);
    // Punctuation ends the scope: "No. Unsubscribe me." is a plain request.
    expect(extractFeatures('No. Unsubscribe me.').ids).not.toContain(flag);
  });

  it('has question, length and time-shape hand features', () => {
    const f = extractFeatures('Thursday at 3pm?');
    expect(f.ids).toContain(handFeatureId('question'));
    expect(f.ids).toContain(handFeatureId('len:3-5'));
    expect(f.ids).toContain(handFeatureId('time-shape'));
    expect(extractFeatures('ok').ids).toContain(handFeatureId('len:1-2'));
  });

  it('maps multilingual synonyms to one concept', () => {
    const remove = handFeatureId('k:REMOVE');
    for (const text of [
      'please remove me',
      'bitte löschen',
      'bórrame',
      'supprimez mes données',
      'verwijder mij',
    ]) {
      expect(extractFeatures(text).ids).toContain(remove);
    }
  });

  it('records token spans only when asked', () => {
    expect(extractFeatures('hello there').occFeature).toHaveLength(0);
    const f = extractFeatures('hello there', true);
    expect(f.occFeature.length).toBeGreaterThan(0);
    expect(Math.max(...f.occTokEnd)).toBe(2);
  });
});
