/**
 * Days named in a reply, in the seven languages, resolved to calendar dates:
 * "today"/"morgen"/"pasado mañana", weekdays (also German and Dutch compounds
 * like "Mittwochnachmittag"), "next week Tuesday", ordinals ("the 14th",
 * "am 4."), day + month ("5th March", "den 3. März", "17 de marzo") and
 * numeric dates ("17.3.", "12/03").
 *
 * Written because chrono misses, per locale: "Mittwochnachmittag", "am 4." and
 * "am 21." (de), "nächste Woche Montag" (de: gives Wednesday of next week),
 * "the 14th"/"the 15th" (en), "Morgen um 11" (de: day not marked certain), "il
 * giorno 21" (it), "esta tarde" as a day (es: time only); it reads "Guten
 * Morgen" as tomorrow, "Dienstag, 17.3." as 17:00, "martedì" sent on a Tuesday
 * as that same day, and "15 min" as a date.
 * Weekdays resolve to their next occurrence after the reply ("Monday" on a
 * Monday is a week later), "next Monday" likewise; a weekday with "next week"
 * falls in the Monday-based week after the current one.
 */
import {
  addDays,
  type DateReference,
  type LocalDate,
  localNow,
  nextDayOfMonth,
  nextMonthDay,
  nextWeekday,
  weekdayOf,
  weekdayOfNextWeek,
} from './calendar.ts';
import {
  ambiguousMonthWords,
  compoundWeekdayStems,
  monthPrepositions,
  monthWords,
  morningNotTomorrow,
  nextWeekPhrases,
  relativeDayPhrases,
  weekdayWords,
} from './date-lexicon.ts';

export type DayKind = 'relative' | 'weekday' | 'dayOfMonth' | 'explicit';
export type DayMention = { index: number; end: number; kind: DayKind; date: LocalDate; text: string };

const englishAbbreviations = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri']);
const monthAlt = [...monthWords.keys()].sort((a, b) => b.length - a.length).join('|');
const ordinal = '(?:st|nd|rd|th|er|e|eme|º|°|\\.)';

function isMonthWordHere(text: string, index: number, word: string, nearNumber: boolean): boolean {
  if (!ambiguousMonthWords.has(word) || nearNumber) return true;
  const before = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, index - 20), index));
  return before !== null && monthPrepositions.has(before[1]!);
}

/** US-style month/day first only for English replies written from the Americas. */
function monthFirst(language: string | null, ref: DateReference): boolean {
  return language === 'en' && ref.utcOffsetMinutes <= -180;
}

export function findDays(text: string, ref: DateReference, language: string | null = null): DayMention[] {
  const today = localNow(ref);
  const found: DayMention[] = [];
  const push = (index: number, end: number, kind: DayKind, date: LocalDate | null) => {
    if (date === null) return;
    if (found.some((f) => index < f.end && end > f.index)) return;
    found.push({ index, end, kind, date, text: text.slice(index, end) });
  };

  // Explicit dates first, so their numbers aren't read again as ordinals.
  for (const m of text.matchAll(/\b(20\d\d)-(\d{1,2})-(\d{1,2})\b/g)) {
    push(m.index, m.index + m[0].length, 'explicit', { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
  }
  for (const m of text.matchAll(
    new RegExp(`\\b(\\d{1,2})${ordinal}?\\s*(?:de\\s+|of\\s+)?(${monthAlt})\\b\\.?`, 'g'),
  )) {
    const month = monthWords.get(m[2]!)!;
    push(m.index, m.index + m[0].length, 'explicit', nextMonthDay(today, month, Number(m[1])));
  }
  for (const m of text.matchAll(
    new RegExp(
      `\\b(${monthAlt})\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?::\\d|h\\d|uhr|uur|am\\b|pm\\b))`,
      'g',
    ),
  )) {
    if (!isMonthWordHere(text, m.index, m[1]!, true)) continue;
    push(
      m.index,
      m.index + m[0].length,
      'explicit',
      nextMonthDay(today, monthWords.get(m[1]!)!, Number(m[2])),
    );
  }
  for (const m of text.matchAll(/(?<![\d.:/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(\.)?(?![\d:])/g)) {
    const sep = m[2]!;
    const hasYear = m[4] !== undefined;
    if (sep === '.' && !hasYear && m[5] === undefined) continue; // "10.30" is a time; "17.3." a date
    let day = Number(m[1]);
    let month = Number(m[3]);
    if ((monthFirst(language, ref) && day <= 12) || (day <= 12 && month > 12)) [day, month] = [month, day];
    let date: LocalDate | null;
    if (hasYear) {
      const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
      date = month >= 1 && month <= 12 && day >= 1 ? { y, m: month, d: day } : null;
    } else date = nextMonthDay(today, month, day);
    push(m.index, m.index + m[0].length, 'explicit', date);
  }

  // Ordinals without a month: "the 14th", "Monday 8th", "am 4.", "le 17", "el día 17", "il 17".
  for (const m of text.matchAll(/\b(\d{1,2})(st|nd|rd|th)\b/g)) {
    push(m.index, m.index + m[0].length, 'dayOfMonth', nextDayOfMonth(today, Number(m[1])));
  }
  for (const m of text.matchAll(
    /\b(?:am|den|vom|le|el|el dia|dia|il|il giorno|giorno|op|de)\s+(\d{1,2})(\.|e\b|er\b|º)?(?!\s*(?:uhr|uur|h\b|heures?|horas?|:|\d|%|€|min|tag|jour|dia|dag|giorn|woche|semaine|semana|week|settiman))/g,
  )) {
    const word = m[0].split(/\s+/)[0]!;
    // Italian "verso le 9", "dopo le 16": "le" there is the hour's article, not French "le 9".
    if (
      word === 'le' &&
      /\b(?:verso|dopo|tra|fra|per|entro|prima|dalle|alle|sulle|delle)\s+$/.test(text.slice(0, m.index))
    )
      continue;
    // German "am 4" needs the ordinal dot; Dutch "de 17" its "e": otherwise they are just numbers.
    if ((word === 'am' || word === 'den' || word === 'vom') && m[2] !== '.') continue;
    if (word === 'de' && m[2] !== 'e') continue;
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    push(m.index, m.index + m[0].length, 'dayOfMonth', nextDayOfMonth(today, day));
  }

  for (const [phrase, offset] of relativeDayPhrases) {
    for (const m of text.matchAll(new RegExp(`\\b${phrase}\\b`, 'g'))) {
      if ((phrase === 'morgen' || phrase === 'manana') && morningNotTomorrow.test(text.slice(0, m.index)))
        continue;
      push(m.index, m.index + m[0].length, 'relative', addDays(today, offset));
    }
  }

  for (const m of text.matchAll(/[\p{L}]+(?:-feira)?/gu)) {
    const word = m[0];
    let weekday = weekdayWords.get(word);
    // "mon" is also French for "my": the short English forms only in English replies.
    if (weekday !== undefined && englishAbbreviations.has(word) && language !== 'en') continue;
    if (weekday === undefined) {
      for (const [stem, wd] of compoundWeekdayStems) if (word.startsWith(stem)) weekday = wd;
    }
    if (weekday === undefined) continue;
    // "martes 17", "Monday 8": a bare number after a weekday is its day of the month when the two agree.
    const dayAfter =
      /^,?\s*(\d{1,2})(?:st|nd|rd|th|\.)?(?![\d:.])(?!\s*(?:h\b|h\d|uhr|uur|am\b|pm\b|heures?|horas?|ore))/.exec(
        text.slice(m.index + word.length),
      );
    if (dayAfter) {
      const date = nextDayOfMonth(today, Number(dayAfter[1]));
      if (date !== null && weekdayOf(date) === weekday) {
        push(m.index, m.index + word.length + dayAfter[0].length, 'explicit', date);
        continue;
      }
    }
    const around = text.slice(Math.max(0, m.index - 25), m.index + word.length + 25);
    const nextWeek = nextWeekPhrases.some((p) => around.includes(p));
    const date = nextWeek ? weekdayOfNextWeek(today, weekday) : nextWeekday(today, weekday);
    push(m.index, m.index + word.length, 'weekday', date);
  }

  found.sort((a, b) => a.index - b.index);
  return mergeWeekdayWithDate(text, found);
}

/** "Monday the 19th", "Mittwoch, den 9. Dezember", "martes 17": one day, the explicit date wins. */
function mergeWeekdayWithDate(text: string, found: DayMention[]): DayMention[] {
  const out: DayMention[] = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    if (prev !== undefined) {
      const gap = text.slice(prev.end, f.index);
      const adjacent = /^[\s,]*(?:the|den|der|le|el|il|de|o|dia|op)?[\s,]*$/.test(gap) && gap.length <= 8;
      const pair = [prev.kind, f.kind];
      if (adjacent && pair.includes('weekday') && pair.some((k) => k === 'dayOfMonth' || k === 'explicit')) {
        const dated = prev.kind === 'weekday' ? f : prev;
        out[out.length - 1] = {
          ...dated,
          index: prev.index,
          end: f.end,
          text: text.slice(prev.index, f.end),
        };
        continue;
      }
    }
    out.push(f);
  }
  return out;
}
