import { describe, expect, it } from 'vitest';
import type { Language } from '../classification.ts';
import { extractConnectLaterDate } from './connect-later-date.ts';

// Tuesday 10 March 2026 (+01:00).
const ref = { sentAt: new Date('2026-03-10T09:15:00+01:00'), utcOffsetMinutes: 60 };

const cases: [Language, string, string | null][] = [
  ['en', 'Ping me in June.', '2026-06-01'],
  ['en', 'Try again next quarter.', '2026-04-01'],
  ['en', 'Reach out in Q3, budgets are set then.', '2026-07-01'],
  ['en', 'Circle back in two weeks?', '2026-03-24'],
  ['en', 'Maybe after the summer.', '2026-09-01'],
  ['en', "We're locked in until next year.", '2027-01-01'],
  ['en', 'Ping me in March.', '2027-03-01'],
  ['en', 'Let us reconnect next month.', '2026-04-01'],
  ['en', 'Follow up in 3 months please.', '2026-06-10'],
  ['en', "We're launching next month. Try me again in June.", '2026-06-01'],
  ['en', 'We may look at this later, not now.', null],
  ['en', "Let's revisit when next year's budgets are done in November.", '2026-11-01'],
  ['de', 'Melden Sie sich im Juni wieder.', '2026-06-01'],
  ['de', 'Bitte nach den Sommerferien nochmal.', '2026-09-01'],
  ['de', 'In drei Wochen gerne wieder.', '2026-03-31'],
  ['de', 'Im nächsten Quartal passt es besser.', '2026-04-01'],
  ['de', 'Nächstes Jahr vielleicht.', '2027-01-01'],
  ['fr', 'Recontactez-moi en septembre.', '2026-09-01'],
  ['fr', 'Revenez vers moi dans deux semaines.', '2026-03-24'],
  ['fr', 'Plutôt au T3.', '2026-07-01'],
  ['fr', "Après l'été, on verra.", '2026-09-01'],
  ['fr', 'Le mois prochain, ce sera plus simple.', '2026-04-01'],
  ['fr', "J'ai été très pris, revenez vers moi en mai.", '2026-05-01'],
  ['es', 'Escríbeme en octubre.', '2026-10-01'],
  ['es', 'Vuelve a contactarme dentro de un mes.', '2026-04-10'],
  ['es', 'Mejor el próximo trimestre.', '2026-04-01'],
  ['es', 'Después del verano lo vemos.', '2026-09-01'],
  ['es', 'Escríbeme en quince días.', '2026-03-24'],
  ['pt', 'Fale comigo em maio.', '2026-05-01'],
  ['pt', 'Volte a falar comigo daqui a duas semanas.', '2026-03-24'],
  ['pt', 'No próximo trimestre, talvez.', '2026-04-01'],
  ['pt', 'Depois do verão falamos.', '2026-09-01'],
  ['nl', 'Neem in september contact op.', '2026-09-01'],
  ['nl', 'Over twee weken past beter.', '2026-03-24'],
  ['nl', 'Na de zomer misschien.', '2026-09-01'],
  ['nl', 'Volgend kwartaal graag.', '2026-04-01'],
  ['it', 'Risentiamoci a settembre.', '2026-09-01'],
  ['it', 'Ricontattami tra due settimane.', '2026-03-24'],
  ['it', "Dopo l'estate, grazie.", '2026-09-01'],
  ['it', 'Il prossimo trimestre.', '2026-04-01'],
  ['it', 'Fra un mese ne riparliamo.', '2026-04-10'],
];

describe('extractConnectLaterDate', () => {
  it.each(cases)('%s: %s', (lang, text, date) => {
    expect(extractConnectLaterDate(text, ref, lang)?.date ?? null).toBe(date);
  });

  it('"after the holidays" late in the year means January', () => {
    const december = { sentAt: new Date('2026-12-01T10:00:00+01:00'), utcOffsetMinutes: 60 };
    expect(extractConnectLaterDate('Get back to me after the holidays.', december, 'en')?.date).toBe(
      '2027-01-01',
    );
    expect(extractConnectLaterDate('Nach den Feiertagen gerne.', december, 'de')?.date).toBe('2027-01-01');
  });

  it('"nach den Ferien" in summer means September', () => {
    const july = { sentAt: new Date('2026-07-14T10:00:00+02:00'), utcOffsetMinutes: 120 };
    expect(extractConnectLaterDate('Melden Sie sich nach den Ferien.', july, 'de')?.date).toBe('2026-09-01');
  });

  it('a quarter already under way means next year’s', () => {
    expect(extractConnectLaterDate('Try me in Q1.', ref, 'en')?.date).toBe('2027-01-01');
  });
});
