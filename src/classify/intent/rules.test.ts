import { describe, expect, it } from 'vitest';
import { type Intent, intents } from '../classification.ts';
import { applyRules, findRemovalRequests } from './rules.ts';

function input(text: string, intent: Intent, confidence = 0.6, hasProposedDay = false) {
  const scores = Object.fromEntries(
    intents.map((c) => [c, c === intent ? confidence : (1 - confidence) / 6]),
  );
  // Give the runner-up a clear identity for the negation rule.
  if (intent === 'stop') scores.info_request! += 0.01;
  return { text, intent, confidence, scores: scores as Record<Intent, number>, hasProposedDay };
}

describe('explicit removal requests', () => {
  it.each([
    'unsubscribe',
    'STOP',
    'Remove me.',
    'please take me off your list',
    'Abmelden.',
    'Bitte keine Mails mehr.',
    'Désabonnez-moi',
    'Darme de baja, gracias',
    'Quero descadastrar meu e-mail',
    'Uitschrijven a.u.b.',
    'Disiscrivetemi',
  ])('a short "%s" is stop with high confidence, whatever the model said', (text) => {
    const out = applyRules(input(text, 'other'));
    expect(out.intent).toBe('stop');
    expect(out.confidence).toBeGreaterThanOrEqual(0.95);
    expect(out.evidence[0]).toMatch(/^rule: explicit removal request "/);
  });

  it.each([
    'Ich bin nicht mehr in der Firma, bitte diese Adresse löschen.',
    "Hi, I'm no longer at this company. Please remove this address from your list.",
    'Buongiorno, sono in pensione. Vi prego di cancellare questo indirizzo.',
    'No thanks - please remove my details.',
  ])('a removal aimed at the writer is stop in a longer reply too: %s', (text) => {
    expect(applyRules(input(text, 'wrong_person')).intent).toBe('stop');
  });

  it.each([
    'Do not unsubscribe me, send the deck.',
    "Don't remove me lol, I'm interested.",
    'Bitte nicht abmelden, ich bin interessiert!',
    'Ne me désabonnez pas, envoyez la plaquette.',
    'No me deis de baja, mandadme el catálogo.',
    'Niet afmelden hoor, stuur het deck maar.',
    'No need to remove me, just send less.',
  ])('a negated removal is never stop: %s', (text) => {
    const out = applyRules(input(text, 'stop', 0.7));
    expect(out.intent).not.toBe('stop');
    expect(out.evidence.join()).toMatch(/negated/);
  });

  it('finds plain and negated requests separately, quoting the original', () => {
    expect(findRemovalRequests('Please do NOT unsubscribe me')).toEqual({
      plain: [],
      negated: ['unsubscribe'],
    });
    expect(findRemovalRequests('Désabonnez-moi').plain).toEqual(['Désabonnez']);
  });

  it('"How did you get my email?" is not a removal request', () => {
    expect(applyRules(input('¿De dónde habéis sacado mi correo?', 'other')).intent).toBe('other');
  });
});

describe('meeting needs an acceptance or a proposed day', () => {
  it('keeps confidence when a day was proposed or the writer accepts', () => {
    expect(applyRules(input('Thursday at 3 works.', 'meeting', 0.9, true)).confidence).toBe(0.9);
    expect(applyRules(input('Sure, send me an invite.', 'meeting', 0.9)).confidence).toBe(0.9);
    expect(applyRules(input('Gerne, lassen Sie uns telefonieren.', 'meeting', 0.9)).confidence).toBe(0.9);
  });

  it('cuts confidence (toward review) when neither is there', () => {
    const out = applyRules(input('What is the meeting about?', 'meeting', 0.9));
    expect(out.intent).toBe('meeting');
    expect(out.confidence).toBeLessThan(0.8);
    expect(out.evidence).toContain('rule: meeting without an acceptance or a proposed day');
  });
});
