import { describe, expect, it } from 'vitest';
import { isAttributionText, matchAttribution } from './attribution.ts';

// Attribution lines as the common clients write them, per language.
const ATTRIBUTIONS: [string, string][] = [
  ['gmail en', 'On Mon, Jan 6, 2025 at 10:15 AM John Smith <john@example.com> wrote:'],
  ['gmail de', 'Am Mo., 6. Jan. 2025 um 10:15 Uhr schrieb John Smith <john@example.com>:'],
  ['gmail fr', 'Le lun. 6 janv. 2025 à 10:15, John Smith <john@example.com> a écrit :'],
  ['gmail es', 'El lun, 6 ene 2025 a las 10:15, John Smith (<john@example.com>) escribió:'],
  ['gmail pt', 'Em seg., 6 de jan. de 2025 às 10:15, John Smith <john@example.com> escreveu:'],
  ['gmail nl', 'Op ma 6 jan 2025 om 10:15 schreef John Smith <john@example.com>:'],
  ['gmail it', 'Il giorno lun 6 gen 2025 alle ore 10:15 John Smith <john@example.com> ha scritto:'],
  ['gmail sv', 'Den mån 6 jan. 2025 kl 10:15 skrev John Smith <john@example.com>:'],
  ['gmail da', 'Den man. 6. jan. 2025 kl. 10.15 skrev John Smith <john@example.com>:'],
  ['gmail no', 'man. 6. jan. 2025 kl. 10:15 skrev John Smith <john@example.com>:'],
  ['gmail fi', 'ma 6. tammik. 2025 klo 10.15 John Smith (john@example.com) kirjoitti:'],
  ['gmail pl', 'pon., 6 sty 2025 o 10:15 John Smith <john@example.com> napisał(a):'],
  ['gmail ru', 'пн, 6 янв. 2025 г. в 10:15, John Smith <john@example.com>:'],
  ['gmail uk', 'пн, 6 січ. 2025 р. о 10:15 John Smith <john@example.com> пише:'],
  ['gmail zh', 'John Smith <john@example.com> 于2025年1月6日周一 10:15写道：'],
  ['gmail ja', '2025年1月6日(月) 10:15 John Smith <john@example.com>:'],
  ['apple en', 'On 6 Jan 2025, at 10:15, John Smith <john@example.com> wrote:'],
  ['apple de', 'Am 06.01.2025 um 10:15 schrieb John Smith <john@example.com>:'],
  ['apple nl', 'Op 6 jan. 2025 om 10:15 heeft John Smith <john@example.com> het volgende geschreven:'],
  ['apple it', 'Il giorno 6 gen 2025, alle ore 10:15, John Smith <john@example.com> ha scritto:'],
  ['apple pt', 'No dia 6 de jan. de 2025, às 10:15, John Smith <john@example.com> escreveu:'],
  ['apple sv', '6 jan. 2025 kl. 10:15 skrev John Smith <john@example.com>:'],
  ['thunderbird en', 'On 06/01/2025 10:15, John Smith wrote:'],
  ['thunderbird de', 'Am 06.01.25 um 10:15 schrieb John Smith:'],
  ['thunderbird fr', 'Le 06/01/2025 à 10:15, John Smith a écrit :'],
  ['yahoo', 'On Monday, January 6, 2025, 10:15:00 AM GMT+1, John Smith <john@example.com> wrote:'],
  ['lotus notes', 'John Smith/ACME wrote on 01/06/2025 10:15:00 AM:'],
  ['zoho', '---- On Mon, 06 Jan 2025 10:15:00 +0100 John Smith <john@example.com> wrote ----'],
  ['android', '---- John Smith wrote ----'],
  ['old gmail', '2013/7/20 sam via Discourse Meta <info@discourse.org>'],
];

const NOT_ATTRIBUTIONS = [
  'On the other hand, it could happen TWICE!',
  'On Monday we can meet at 10:00.',
  'On Jan 6 I wrote to your colleague, see below:',
  'I wrote to them on 3/4/2024 about the board:',
  'Call me at 0123-456789 or mail info@example.com',
  '12 people emailed me at bob@example.com',
  'Check https://example.com/blog/on-date-someone-wrote-about-parsing',
];

describe('isAttributionText', () => {
  it.each(ATTRIBUTIONS)('recognises %s', (_client, line) => {
    expect(isAttributionText(line)).toBe(true);
  });

  it.each(NOT_ATTRIBUTIONS)('leaves "%s" alone', (line) => {
    expect(isAttributionText(line)).toBe(false);
  });
});

describe('matchAttribution', () => {
  it('joins an attribution wrapped over three lines', () => {
    const lines = [
      'Thanks',
      '',
      'On Dec 16, 2011, at 12:47 PM, Corey Donohoe',
      '<reply@reply.github.com>',
      'wrote:',
      '> x',
    ];
    expect(matchAttribution(lines, 2)).toEqual({ start: 2, end: 5 });
  });

  it('does not pull the reply line above into the attribution', () => {
    const lines = [
      'On this day',
      'On So., 1. Jan. 2023 um 17:22 Uhr John Doe <',
      'areply@reply.github.com> wrote:',
    ];
    expect(matchAttribution(lines, 0)).toBeNull();
    expect(matchAttribution(lines, 1)).toEqual({ start: 1, end: 3 });
  });

  it('joins an address split across lines', () => {
    const lines = [
      'Em 10 de julho de 2017 às 16:32:35, John Doe - Stripe (',
      'contact@stripe.com) escreveu:',
    ];
    expect(matchAttribution(lines, 0)).toEqual({ start: 0, end: 2 });
  });
});
