import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Thanks for reaching out, but we are not interested at the moment.'],
    ['de', 'Vielen Dank, aber wir haben leider kein Interesse.'],
    ['fr', 'Merci pour votre message, je ne suis pas intéressé pour le moment.'],
    ['es', 'Gracias por el correo, pero no nos interesa por ahora.'],
    ['pt', 'Obrigado pelo contato, mas não temos interesse no momento.'],
    ['nl', 'Bedankt voor je bericht, maar we hebben geen interesse.'],
    ['it', 'Grazie per la mail, ma al momento non siamo interessati.'],
    ['de', 'Donnerstag um 14 Uhr passt mir.'],
    ['nl', 'Ik ben dinsdag de hele middag vrij.'],
  ])('%s: %s', (lang, text) => {
    expect(detectLanguage(text).language).toBe(lang);
  });

  it('gives null when a reply is too short to tell', () => {
    expect(detectLanguage('STOP').language).toBeNull();
    expect(detectLanguage('👍').language).toBeNull();
  });
});
