import { isValidDate } from './calendar.ts';
import type { Mention, MentionContext } from './mention.ts';
import { monthAlternatives, monthNameFollows, monthNamePrecedes, monthNumber } from './month-names.ts';
import { uRegex } from './unicode-regex.ts';

/**
 * Numeric dates, parsed here rather than by chrono because chrono
 * - ignores German year-less dotted dates ("bis 21.03.", "bis 28.2.") and
 *   Dutch dashed ones ("25-04 t/m 05-05");
 * - fixes day/month order by locale, while an English out-of-office needs a
 *   decision per message (see `resolveAmbiguousDates`).
 */
const isoLike = /(?<![\p{N}./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{N}]|[./-]\p{N})/gu;
const dayMonth =
  /(?<![\p{L}\p{N}./+-])(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2})(?![\p{N}]))?(\.)?(?![\p{N}]|[./-]\p{N})/gu;
/** Times, amounts and units that look like d.m: "10.30 Uhr", "2.5 days", "14.15h". */
const notADate = uRegex(
  String.raw`^\s*(?:uhr|h\b|hrs?\b|am\b|pm\b|%|€|\$|days?\b|tage?\b|jours?\b|días?\b|dias?\b|dagen\b|giorni\b)`,
);
/** A dotted d.m without year or final dot is only a date right after a date word. */
const dateWordBefore = uRegex(
  String.raw`\b(?:bis|ab|am|vom|zum|dem|den|an|until|till|through|on|from|by|le|au|du|el|al|del|il|dal|dia|até|a|de|tot|t/m|vanaf|op|hasta|fino al|jusqu['’]au|zurück)\s*$`,
);
/** "the 21st", "den 21.", "le 21", "el 21", "dia 21", "de 21e", "il 21". */
const ordinalDay = [
  /(?<![\p{L}\p{N}])(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?![\p{L}\p{N}])/giu,
  /(?<=(?:^|[^\p{L}])(?:dem|den|zum|am|vom|bis|ab)\s+)(\d{1,2})\.(?![\p{N}])/giu,
  /(?<=(?:^|[^\p{L}])(?:le|au|du|dès le|jusqu['’]au)\s+)(\d{1,2})(?:er)?(?![\p{L}\p{N}]|[./-]\p{N})/giu,
  /(?<=(?:^|[^\p{L}])(?:el|al|del|día|dia|o dia|no dia|ao dia|il|dal|fino al)\s+)(\d{1,2})(?![\p{L}\p{N}]|[./-]\p{N})/giu,
  /(?<=(?:^|[^\p{L}])(?:de|op de)\s+)(\d{1,2})(?:e|ste|de)(?![\p{L}\p{N}])/giu,
];

/**
 * "15 al 19 de julio", "5 a 9 de agosto", "22 e 26 de julho", "1 t/m 5 juli",
 * "3.–14. März": the mention is the range's last day (chrono-es reads the
 * Spanish form as a time range; others drop the first day).
 */
const dayRangeWithMonth = uRegex(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th|er|e|\.)?\s*(?:-|–|to|until|till|through|and|bis|und|au|et|al|y|a|à|e|até|t/m|tot(?:\s+en\s+met)?|en)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|er|e|\.)?\s+(?:of\s+|de\s+)?(${monthAlternatives})\b(?:,?\s+(?:de\s+)?(\d{4})\b)?`,
  'giu',
);

export function findDayRanges(text: string): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(dayRangeWithMonth)) {
    const month = monthNumber(m[3] ?? '');
    const day = Number(m[2]);
    const year = m[4] ? Number(m[4]) : null;
    if (!month || !isValidDate(year ?? 2000, month, day)) continue;
    const found1 = mention(m.index, m[0], { type: 'date', year, month, day, alternative: null });
    found.push({ ...found1, rangeEnd: true });
  }
  return found;
}

function mention(start: number, text: string, value: Mention['value']): Mention {
  return {
    start,
    end: start + text.length,
    text,
    value,
    rangeEnd: false,
    rangeStart: false,
    impliesReturn: false,
  };
}

function twoDigitYear(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

export function findNumericDates(text: string, ctx: MentionContext): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(isoLike)) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (isValidDate(year, month, day)) {
      found.push(mention(m.index, m[0], { type: 'date', year, month, day, alternative: null }));
    }
  }
  for (const m of text.matchAll(dayMonth)) {
    const start = m.index;
    if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(start + m[0].length);
    // "10-12 March" and "March 3-7" are day ranges inside one month: chrono's job.
    if (monthNameFollows(after) || monthNamePrecedes(before)) continue;
    if (notADate.test(after)) continue;
    const [, first, separator, second, rawYear, finalDot] = m;
    if (
      separator === '.' &&
      rawYear === undefined &&
      finalDot === undefined &&
      !dateWordBefore.test(before)
    ) {
      continue;
    }
    const year = twoDigitYear(rawYear);
    const value = orderDayMonth(Number(first), Number(second), year, ctx);
    if (value) found.push(mention(start, m[0], value));
  }
  return found;
}

/** Day-first everywhere except English, where a both-≤12 date keeps its US reading as an alternative. */
function orderDayMonth(first: number, second: number, year: number | null, ctx: MentionContext) {
  const probeYear = year ?? 2000; // a leap year, so 29.02 is accepted before year inference
  const dmy = isValidDate(probeYear, second, first);
  const mdy = isValidDate(probeYear, first, second);
  const english = ctx.language === 'en' || ctx.language === null;
  if (dmy && mdy && english && first !== second) {
    return {
      type: 'date' as const,
      year,
      month: second,
      day: first,
      alternative: { month: first, day: second },
    };
  }
  if (dmy) return { type: 'date' as const, year, month: second, day: first, alternative: null };
  if (mdy) return { type: 'date' as const, year, month: first, day: second, alternative: null };
  return null;
}

export function findOrdinalDays(text: string, taken: readonly Mention[]): Mention[] {
  const found: Mention[] = [];
  for (const pattern of ordinalDay) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      const all = [...taken, ...found];
      if (all.some((f) => start < f.end && f.start < end)) continue;
      if (
        monthNameFollows(text.slice(end)) ||
        monthNamePrecedes(text.slice(Math.max(0, start - 16), start))
      ) {
        continue;
      }
      const day = Number(m[1]);
      if (day >= 1 && day <= 31) found.push(mention(start, m[0], { type: 'dayOfMonth', day }));
    }
  }
  return found;
}
