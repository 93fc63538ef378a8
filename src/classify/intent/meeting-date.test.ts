import { describe, expect, it } from 'vitest';
import type { Language } from '../classification.ts';
import { extractMeetingProposal } from './meeting-date.ts';

// Tuesday 10 March 2026, 09:15 in Berlin/Paris/Madrid/Rome/Amsterdam (+01:00).
const ref = { sentAt: new Date('2026-03-10T09:15:00+01:00'), utcOffsetMinutes: 60 };

const cases: [Language, string, string | null, string | null][] = [
  ['en', 'Thursday at 3 works for me.', '2026-03-12', '15:00'],
  ['en', 'How about Friday at 10am?', '2026-03-13', '10:00'],
  ['en', 'Can we do next Tuesday, 2:30pm?', '2026-03-17', '14:30'],
  ['en', 'Tomorrow at noon?', '2026-03-11', '12:00'],
  ['en', "Let's talk on the 20th at 11.", '2026-03-20', '11:00'],
  ['en', 'I could do March 24 at 9:30.', '2026-03-24', '09:30'],
  ['en', 'Happy to chat - Wednesday afternoon?', '2026-03-11', null],
  ['en', 'Monday 16th, 4pm UK time', '2026-03-16', '16:00'],
  ['en', 'Sure, call me on 0207 946 0018 on Thursday', '2026-03-12', null],
  ['en', 'Thursday is bad for me, but Friday at 2 works', '2026-03-13', '14:00'],
  ['en', 'Sure, send me a calendar invite.', null, null],
  ['de', 'Donnerstag um 14 Uhr passt.', '2026-03-12', '14:00'],
  ['de', 'Wie wäre es mit Freitag, 9:30 Uhr?', '2026-03-13', '09:30'],
  ['de', 'Am 18.3. um 10 Uhr bin ich im Büro.', '2026-03-18', '10:00'],
  ['de', 'Gerne nächste Woche Mittwoch gegen 11.', '2026-03-18', '11:00'],
  ['de', 'Morgen Nachmittag um halb drei?', '2026-03-11', '14:30'],
  ['de', 'Guten Morgen, Freitagvormittag hätte ich Zeit.', '2026-03-13', null],
  ['de', 'Dienstag, 17.3. um 10:30?', '2026-03-17', '10:30'],
  ['fr', 'Jeudi à 15h, ça vous va ?', '2026-03-12', '15:00'],
  ['fr', 'Je suis dispo mardi prochain à 10h30.', '2026-03-17', '10:30'],
  ['fr', 'Le 19 mars à 14h ?', '2026-03-19', '14:00'],
  ['fr', 'Demain matin vers 9h ?', '2026-03-11', '09:00'],
  ['fr', 'Vendredi après-midi, disons 16 heures.', '2026-03-13', '16:00'],
  ['es', '¿Te va bien el jueves a las 11?', '2026-03-12', '11:00'],
  ['es', 'Podemos hablar el lunes 16 a las 10:30.', '2026-03-16', '10:30'],
  ['es', 'Mañana por la tarde, sobre las 5.', '2026-03-11', '17:00'],
  ['es', 'El 25 de marzo a las 12 me viene bien.', '2026-03-25', '12:00'],
  ['es', 'Quedamos el viernes a las diez y media.', '2026-03-13', '10:30'],
  ['pt', 'Pode ser quinta-feira às 14h?', '2026-03-12', '14:00'],
  ['pt', 'Na sexta às 10:00 fica ótimo.', '2026-03-13', '10:00'],
  ['pt', 'Amanhã às 9h30?', '2026-03-11', '09:30'],
  ['pt', 'Dia 20 às 15h, combinado.', '2026-03-20', '15:00'],
  ['pt', 'Segunda de manhã fica bom.', '2026-03-16', null],
  ['nl', 'Donderdag om 15.00 uur schikt mij.', '2026-03-12', '15:00'],
  ['nl', 'Volgende week dinsdag om 10 uur?', '2026-03-17', '10:00'],
  ['nl', 'Morgen rond half elf?', '2026-03-11', '10:30'],
  ['nl', 'Vrijdagmiddag kan ik.', '2026-03-13', null],
  ['nl', 'Op 23 maart om 14u ben ik vrij.', '2026-03-23', '14:00'],
  ['it', 'Giovedì alle 11 va bene.', '2026-03-12', '11:00'],
  ['it', 'Possiamo sentirci lunedì 16 alle 15:30?', '2026-03-16', '15:30'],
  ['it', 'Domani pomeriggio verso le 4?', '2026-03-11', '16:00'],
  ['it', 'Il 27 marzo alle ore 10.', '2026-03-27', '10:00'],
  ['it', 'Venerdì mattina alle 9 e mezza?', '2026-03-13', '09:30'],
];

describe('extractMeetingProposal', () => {
  it.each(cases)('%s: %s', (lang, text, date, time) => {
    const got = extractMeetingProposal(text, ref, lang);
    if (date === null) expect(got).toBeNull();
    else expect(got?.proposal).toEqual({ date, time });
  });

  it('resolves in the writer’s zone, not UTC', () => {
    // 23:30 on Monday 9 March in New York is already Tuesday in UTC; "tomorrow" is still Tuesday.
    const ny = { sentAt: new Date('2026-03-10T03:30:00Z'), utcOffsetMinutes: -240 };
    expect(extractMeetingProposal('Tomorrow at 10am?', ny, 'en')?.proposal).toEqual({
      date: '2026-03-10',
      time: '10:00',
    });
  });

  it('a weekday on that same weekday means next week', () => {
    expect(extractMeetingProposal('Tuesday at 11?', ref, 'en')?.proposal.date).toBe('2026-03-17');
  });

  it('quotes the day and time as evidence', () => {
    expect(extractMeetingProposal('Ok. Thursday at 3 works for me.', ref, 'en')?.evidence).toBe(
      'Thursday at 3',
    );
  });
});
