/**
 * The day to check in again for a "connect later" reply, in the reply's own
 * calendar (conventions from corpus/intent/README.md):
 * - a month named → its first day, the next one to come ("ping me in March"
 *   sent in March → March next year);
 * - Q1–Q4 / T1–T4 / "third quarter" → the quarter's first day; "next quarter" →
 *   the first day of the next quarter; "next month"/"next year" → their first day;
 * - "in two weeks", "dans deux semaines", "in drei Monaten", "after 2 months" →
 *   sentAt plus that much ("quinze jours" is two weeks);
 * - "after the summer", "nach den Sommerferien", "à la rentrée" → 1 September;
 *   seasons → their first month; "after the holidays" in Q4 → 1 January;
 * - a named day ("Monday", "on the 15th", "5 March") → that day.
 * With several, the last one wins: people give the reason first and the ask
 * last ("we launch next month. Try me again in June").
 *
 * chrono (2.10.3) misses most of these: months alone in de/fr ("im Juni", "en
 * septembre"), quarters ("Q3", "T3"; it reads "next quarter"/"nächsten Quartal"
 * as today + 3 months and "next year" as today + 1 year), "after the summer",
 * "nach den Ferien", "para o ano" (pt), "ds 3 semaines" (fr), "en quince días"
 * (es), and it takes "next year's budgets" for a date.
 */
import type { Language } from '../classification.ts';
import {
  addDays,
  addMonths,
  type DateReference,
  formatDate,
  type LocalDate,
  localNow,
  nextFirstOfMonth,
  weekdayOfNextWeek,
} from './calendar.ts';
import {
  ambiguousMonthWords,
  durationUnits,
  monthPrepositions,
  monthWords,
  numberWords,
} from './date-lexicon.ts';
import { prepareDateText } from './date-text.ts';
import { findDays } from './day-mentions.ts';

export type ConnectLaterExtraction = { date: string; evidence: string };

type Candidate = { index: number; end: number; date: LocalDate };

const alt = (words: string) =>
  words
    .trim()
    .split(/\s*\|\s*/)
    .join('|');

const durationPrepositions =
  alt(`in | within | after | for | the next | next | nach | in den nachsten | die nachsten |
  nachsten | dans | ds | d'ici | d ici | apres | pendant | les prochaines | en | dentro de | despues de | tras | las proximas |
  proximas | daqui a | daqui | depois de | apos | nas proximas | em | over | na | binnen | de komende | komende | tra | fra | dopo |
  entro | le prossime | prossime`);
const unitAlt = [...durationUnits.keys()].sort((a, b) => b.length - a.length).join('|');
const numberAlt = [...numberWords.keys()].sort((a, b) => b.length - a.length).join('|');

const nextQuarter =
  alt(`next quarter | the following quarter | nachsten quartal | nachstes quartal | kommenden quartal |
  folgenden quartal | prochain trimestre | trimestre prochain | proximo trimestre | trimestre que viene | trimestre que vem |
  volgend kwartaal | volgende kwartaal | komend kwartaal | prossimo trimestre | trimestre prossimo |
  after (?:the )?(?:end of (?:the )?quarter|quarter[- ]end) | nach (?:dem )?quartals(?:ende|abschluss)`);
const nextMonth =
  alt(`next month | nachsten monat | nachster monat | kommenden monat | le mois prochain | mois prochain |
  el mes que viene | mes que viene | el proximo mes | proximo mes | mes que vem | volgende maand | komende maand |
  il mese prossimo | mese prossimo | il prossimo mese | prossimo mese | after (?:the )?end of (?:the )?month |
  end of (?:the )?month | ende des monats | monatsende | fin du mois | fin de mes | final do mes | eind van de maand |
  fine mese | fine del mese`);
const nextYear =
  alt(`next year(?!'s| s\\b) | the new year | early next year | beginning of next year | nachstes jahr |
  nachsten jahr | nachsten jahres | im neuen jahr | neuen jahr | l'annee prochaine | annee prochaine | l'an prochain |
  an prochain | el ano que viene | ano que viene | el proximo ano | proximo ano | ano que vem | volgend jaar |
  volgende jaar | het nieuwe jaar | para o ano | o ano que vem | no proximo ano | l'anno prossimo | anno prossimo | il prossimo anno | prossimo anno | nuovo anno |
  after (?:the )?year[- ]end | nach dem jahreswechsel | nach dem jahresende`);
const nextWeek =
  alt(`next week | nachste woche | nachsten woche | kommende woche | la semaine prochaine | semaine prochaine |
  la semana que viene | semana que viene | la proxima semana | proxima semana | semana que vem | volgende week |
  komende week | la settimana prossima | settimana prossima | la prossima settimana | prossima settimana`);
const afterWords =
  alt(`after | nach | apres | despues de | despues del | tras | depois de | depois do | depois da | apos |
  na de | na | dopo`);
const summerHolidays =
  alt(`sommerferien | sommerpause | summer holidays | summer break | summer vacation | vacances d'ete |
  vacaciones de verano | ferias de verao | zomervakantie | zomerstop | vacanze estive | ferie estive`);
const christmas =
  alt(`christmas | xmas | holidays | the holidays | weihnachten | feiertagen | neujahr | noel | les fetes |
  fetes | navidad | las fiestas | fiestas | natal | as festas | festas | kerst | de feestdagen | feestdagen | natale |
  le feste | feste`);
const vacation = alt(
  `ferien | urlaub | vacances | vacaciones | ferias | vakantie | vacanze | ferie | holiday | vacation`,
);
/** Season words → the month they start in. */
const seasons: [string, number][] = [
  ['spring|fruhling|fruhjahr|printemps|primavera|voorjaar|lente', 3],
  // French "été" is also "been" ("j'ai été"): only with an article.
  ["summer|sommer|l'ete|cet ete|verano|verao|zomer|estate", 6],
  ['autumn|(?<=\\b(?:the|this|in|next) )fall|herbst|automne|otono|outono|najaar|herfst|autunno', 9],
  ['winter|hiver|invierno|inverno|inverno', 12],
];

function quarterStart(today: LocalDate, quarter: number): LocalDate {
  const month = (quarter - 1) * 3 + 1;
  return nextFirstOfMonth(today, month);
}

function collect(text: string, ref: DateReference, language: Language | null): Candidate[] {
  const today = localNow(ref);
  const out: Candidate[] = [];
  const add = (m: RegExpMatchArray, date: LocalDate | null) => {
    if (date !== null) out.push({ index: m.index!, end: m.index! + m[0].length, date });
  };
  const each = (re: string, f: (m: RegExpMatchArray) => LocalDate | null) => {
    for (const m of text.matchAll(new RegExp(re, 'g'))) add(m, f(m));
  };

  each(
    `\\b(?:${durationPrepositions})\\s+(?:a\\s+|about\\s+|ca\\.?\\s+|etwa\\s+)?(\\d{1,2}|${numberAlt})(?:\\s+of)?\\s+(${unitAlt})\\b`,
    (m) => {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : numberWords.get(m[1]!)!;
      const unit = durationUnits.get(m[2]!)!;
      return unit.months ? addMonths(today, n * unit.months) : addDays(today, n * unit.days!);
    },
  );
  each(`\\b(?:a fortnight|quinze jours|quince dias|quinze dias|quindici giorni)\\b`, () =>
    addDays(today, 14),
  );
  each(`\\b(?:q|t)([1-4])\\b`, (m) => quarterStart(today, Number(m[1])));
  each(
    '\\b(?:(1st|first|erste[nms]?|premier|1er|primer|primeiro|eerste|primo)|(2nd|second|zweite[nms]?|deuxieme|second|segundo|tweede|secondo)|(3rd|third|dritte[nms]?|troisieme|tercer|terceiro|derde|terzo)|(4th|fourth|vierte[nms]?|quatrieme|cuarto|quarto|vierde))\\s+(?:quarter|quartal|trimestre|kwartaal)\\b',
    (m) => quarterStart(today, [1, 2, 3, 4].find((q) => m[q] !== undefined)!),
  );
  each(`\\b(?:${nextQuarter})\\b`, () => {
    const q = Math.floor((today.m - 1) / 3);
    return addMonths({ y: today.y, m: q * 3 + 1, d: 1 }, 3);
  });
  each(`\\b(?:${nextMonth})\\b`, () => addMonths({ ...today, d: 1 }, 1));
  // "the budget for next year" names what, not when.
  each(`\\b(?:${nextYear})\\b`, (m) =>
    /\b(?:for|fur|pour|para|voor|per|des|del|do|van)\s+$/.test(text.slice(Math.max(0, m.index! - 8), m.index))
      ? null
      : { y: today.y + 1, m: 1, d: 1 },
  );
  each(`\\b(?:${nextWeek})\\b`, () => weekdayOfNextWeek(today, 1));
  each(`\\b(?:in|im|ab|from|en|em|nel|in het|a partir de)\\s+(20\\d\\d)\\b`, (m) =>
    Number(m[1]) > today.y ? { y: Number(m[1]), m: 1, d: 1 } : null,
  );
  each(
    `\\b(?:${afterWords})\\s+(?:the |den |dem |der |l'|les |el |las |los |o |a |as |de |la |le )?(?:${summerHolidays})\\b|\\b(?:${summerHolidays})\\b|\\brentree\\b`,
    () => nextFirstOfMonth(today, 9),
  );
  each(
    `\\b(?:${afterWords})\\s+(?:the |den |dem |der |l'|les |el |las |los |o |a |as |de |la |le )?(?:${christmas}|${vacation})\\b`,
    (m) => {
      const christmasWord = new RegExp(`(?:${christmas})$`).test(m[0]);
      if (today.m >= 10 || (christmasWord && today.m <= 1)) return nextFirstOfMonth(today, 1);
      if (!christmasWord && today.m >= 5 && today.m <= 8) return nextFirstOfMonth(today, 9);
      return null;
    },
  );
  for (const [words, month] of seasons) {
    each(`\\b(?:(${afterWords})\\s+)?(?:the |dem |den |l'|el |o |de |la |le )?(?:${words})\\b`, (m) => {
      const after = m[1] !== undefined;
      return nextFirstOfMonth(today, after ? (month % 12) + 3 : month);
    });
  }

  // Month names: "in March", "im Juni", "en septembre", "a settembre", "bis April", "März 2027".
  for (const m of text.matchAll(/[\p{L}]+/gu)) {
    const month = monthWords.get(m[0]);
    if (month === undefined) continue;
    const before = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, m.index - 20), m.index));
    if (ambiguousMonthWords.has(m[0]) && (before === null || !monthPrepositions.has(before[1]!))) continue;
    const year = /^\s+(20\d\d)\b/.exec(text.slice(m.index + m[0].length));
    add(m, year ? { y: Number(year[1]), m: month, d: 1 } : nextFirstOfMonth(today, month));
  }

  // Named days: "Monday", "on the 15th", "5 March" (explicit dates beat the bare month above: same start).
  for (const d of findDays(text, ref, language)) {
    if (d.kind === 'relative' && formatDate(d.date) === formatDate(today)) continue;
    out.push({ index: d.index, end: d.end, date: d.date });
  }
  return out;
}

export function extractConnectLaterDate(
  text: string,
  ref: DateReference,
  language: Language | null = null,
): ConnectLaterExtraction | null {
  const prepared = prepareDateText(text);
  const candidates = collect(prepared, ref, language);
  if (candidates.length === 0) return null;
  // The last mention wins; at the same place, the longest (most specific) phrase.
  candidates.sort((a, b) => b.index - a.index || b.end - a.end);
  // Prefer whichever candidate ends last among those overlapping the last start.
  const lastStart = Math.max(...candidates.map((c) => c.index));
  const overlapping = candidates.filter((c) => c.end > lastStart);
  overlapping.sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index);
  const pick = overlapping[0]!;
  return {
    date: formatDate(pick.date),
    evidence: text.slice(pick.index, pick.end).replace(/\s+/g, ' ').trim(),
  };
}
