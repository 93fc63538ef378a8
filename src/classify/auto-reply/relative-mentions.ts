import { addDays, compareDates, type LocalDate, mondayOf, onOrNextWorkingDay } from './calendar.ts';
import type { Mention, MentionContext } from './mention.ts';
import { uRegex } from './unicode-regex.ts';

/**
 * Relative expressions resolved against the message's own day. We do these
 * ourselves because chrono reads "next week" as "seven days from now" (an
 * out-of-office means the Monday of next week), has no notion of "this week"
 * as a span, and knows no "after the holidays" at all.
 */
const weekPhrases: { pattern: RegExp; which: 'this' | 'next' }[] = [
  {
    which: 'this',
    pattern: uRegex(
      String.raw`\b(?:(?:for )?the rest of (?:the|this) week|this week|all week|die ganze woche|diese woche|toute la semaine|cette semaine|toda la semana|esta semana|toda a semana|nesta semana|de hele week|deze week|tutta la settimana|questa settimana)\b`,
      'giu',
    ),
  },
  {
    which: 'next',
    pattern: uRegex(
      String.raw`\b(?:next week|the following week|(?:in der )?(?:nächsten|nächste|kommenden|kommende) woche|la semaine prochaine|la próxima semana|la semana que viene|la semana próxima|na próxima semana|a próxima semana|(?:na )?semana que vem|volgende week|komende week|la prossima settimana|la settimana prossima|settimana prossima)\b`,
      'giu',
    ),
  },
];

const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  einer: 1,
  einem: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  une: 1,
  un: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  uma: 1,
  um: 1,
  duas: 2,
  três: 3,
  quatro: 4,
  een: 1,
  twee: 2,
  drie: 3,
  due: 2,
  tre: 3,
  quattro: 4,
};
const count = String.raw`(\d{1,2}|a|an|one|two|three|four|einer|einem|zwei|drei|vier|une|un|deux|trois|quatre|una|uno|dos|tres|cuatro|uma|um|duas|três|quatro|een|twee|drie|due|tre|quattro)`;
const unit = `(days?|weeks?|tagen?|tage|wochen?|jours?|semaines?|días?|dias?|semanas?|dagen|dag|weken|week|giorni|giorno|settimane|settimana)`;
/** "in two weeks", "in zwei Wochen", "dans deux semaines", "over twee weken", "tra due settimane". */
const inCount = uRegex(
  String.raw`\b(?:in|within|dans|en|em|dentro de|over|binnen|tra|fra)\s+${count}\s+${unit}\b`,
  'giu',
);
/** "for two weeks", "für zwei Wochen", "pendant deux semaines", "voor twee weken", "per due settimane". */
const forCount = uRegex(
  String.raw`\b(?:for(?: the next)?|für(?: die nächsten)?|pendant(?: les)?|durante(?: las| as)?|por|voor|gedurende|per(?: le prossime)?)\s+${count}\s+${unit}\b`,
  'giu',
);

const days: { pattern: RegExp; offset: number }[] = [
  {
    offset: 2,
    pattern: uRegex(
      String.raw`\b(?:the day after tomorrow|übermorgen|après-demain|pasado mañana|depois de amanhã|overmorgen|dopodomani)\b`,
      'giu',
    ),
  },
  { offset: 0, pattern: uRegex(String.raw`\b(?:today|heute|aujourd['’]hui|hoy|hoje|vandaag|oggi)\b`, 'giu') },
  {
    offset: 1,
    // "Guten Morgen" / "heute Morgen" are mornings, not tomorrow.
    pattern: uRegex(
      String.raw`\b(?<!guten |heute |this )(?:tomorrow|morgen|demain|mañana|amanhã|domani)\b`,
      'giu',
    ),
  },
];

/**
 * "After the holidays" in December or early January: the first working day
 * after New Year's Day. Spain and Italy often close until Epiphany, so
 * phrases naming it ("después de Reyes", "dopo l'Epifania") give the first
 * working day after 6 January. Outside that season ("after the holidays" in
 * August) the phrase names no date and is ignored.
 */
const afterHolidays = uRegex(
  String.raw`\b(?:after (?:the )?(?:christmas |holiday |festive |winter )?(?:holidays|break|season)|after (?:christmas|the new year|new year['’]?s?)|in the new year|nach (?:den )?(?:feiertagen|weihnachtsferien|weihnachten|dem jahreswechsel|neujahr)|im neuen jahr|après (?:les )?(?:fêtes|vacances de noël|le nouvel an|le jour de l['’]an)|(?:después de|tras) (?:las )?(?:fiestas|navidades|vacaciones de navidad|año nuevo)|(?:depois|após) (?:d?as )?(?:festas|o ano novo|do ano novo)|no ano novo|na (?:de )?(?:feestdagen|kerst|nieuwjaar|jaarwisseling)|in het nieuwe jaar|dopo (?:le )?(?:feste|festività|natale|capodanno)|nel nuovo anno)\b`,
  'giu',
);
const afterEpiphany = uRegex(
  String.raw`\b(?:(?:después de|tras) (?:los )?reyes|dopo (?:l['’])?epifania|dopo la befana|after epiphany)\b`,
  'giu',
);

function spanMention(m: RegExpMatchArray, from: LocalDate, to: LocalDate, impliesReturn = false): Mention {
  const start = m.index ?? 0;
  return {
    start,
    end: start + m[0].length,
    text: m[0],
    value: { type: 'span', from, to },
    rangeEnd: false,
    rangeStart: false,
    impliesReturn,
  };
}

function holidayReturn(today: LocalDate, lastHoliday: { month: number; day: number }): LocalDate | null {
  const inSeason =
    today.month === 12 || (today.month === 11 && today.day >= 15) || (today.month === 1 && today.day <= 6);
  if (!inSeason) return null;
  const year = today.month === 1 ? today.year : today.year + 1;
  const back = onOrNextWorkingDay(addDays({ year, ...lastHoliday }, 1));
  return compareDates(back, today) > 0 ? back : onOrNextWorkingDay(addDays(today, 1));
}

export function findRelativeMentions(text: string, ctx: MentionContext): Mention[] {
  const { today } = ctx;
  const found: Mention[] = [];
  const take = (mention: Mention) => {
    if (!found.some((f) => mention.start < f.end && f.start < mention.end)) found.push(mention);
  };
  for (const m of text.matchAll(afterEpiphany)) {
    const back = holidayReturn(today, { month: 1, day: 6 });
    if (back) take(spanMention(m, back, back, true));
  }
  for (const m of text.matchAll(afterHolidays)) {
    const back = holidayReturn(today, { month: 1, day: 1 });
    if (back) take(spanMention(m, back, back, true));
  }
  for (const { pattern, which } of weekPhrases) {
    for (const m of text.matchAll(pattern)) {
      if (which === 'next') {
        const monday = addDays(mondayOf(today), 7);
        take(spanMention(m, monday, addDays(monday, 4)));
      } else {
        const friday = addDays(mondayOf(today), 4);
        take(spanMention(m, today, compareDates(friday, today) >= 0 ? friday : today));
      }
    }
  }
  const amount = (word: string, unitWord: string) => {
    const n = numberWords[word.toLowerCase()] ?? Number(word);
    return /^(?:w|se|we)/i.test(unitWord) ? n * 7 : n;
  };
  for (const m of text.matchAll(inCount)) {
    const target = addDays(today, amount(m[1] ?? '', m[2] ?? ''));
    take(spanMention(m, target, target));
  }
  for (const m of text.matchAll(forCount)) {
    const n = amount(m[1] ?? '', m[2] ?? '');
    if (n > 0) take(spanMention(m, today, addDays(today, n - 1)));
  }
  for (const { pattern, offset } of days) {
    for (const m of text.matchAll(pattern)) {
      const day = addDays(today, offset);
      take(spanMention(m, day, day));
    }
  }
  return found;
}
