import { addDays, compareDates, isValidDate, type LocalDate, toEpochDay } from './calendar.ts';
import { findChronoMentions } from './chrono-mentions.ts';
import type { Mention, MentionContext } from './mention.ts';
import { findDayRanges, findNumericDates, findOrdinalDays } from './numeric-dates.ts';
import { findRelativeMentions } from './relative-mentions.ts';
import { uRegex } from './unicode-regex.ts';

/**
 * All date expressions of one text, in order. Finders run from the most
 * specific to the most general, each skipping text an earlier one claimed:
 * day ranges and numeric dates, relative phrases, chrono, then bare ordinal days.
 */
export function findMentions(text: string, ctx: MentionContext): Mention[] {
  const ranges = findDayRanges(text);
  const numeric = [
    ...ranges,
    ...findNumericDates(text, ctx).filter((n) => !ranges.some((r) => n.start < r.end && r.start < n.end)),
  ];
  const relative = findRelativeMentions(text, ctx).filter(
    (r) => !numeric.some((n) => r.start < n.end && n.start < r.end),
  );
  const explicit = [...numeric, ...relative];
  const viaChrono = findChronoMentions(text, ctx, explicit);
  const ordinal = findOrdinalDays(text, [...explicit, ...viaChrono]);
  const mentions = [...explicit, ...viaChrono, ...ordinal].sort((a, b) => a.start - b.start);
  markRanges(text, mentions);
  resolveAmbiguousDates(mentions, ctx);
  return mentions;
}

/** What may stand between the two ends of a range: "10 - 21", "vom 3. bis 14.", "du 3 au 14", "van 3 t/m 14". */
const rangeGap = uRegex(
  String.raw`^\s*(?:-|–|—|to|till|until|through|thru|and|bis(?:\s+(?:zum|einschließlich|einschl\.|inkl\.|inklusive))?|und|au|et|al|y|a|à|e|até|t/m|tot(?:\s+en\s+met)?|en|fino\s+al)\s*(?:the|dem|den|le|el|o|il|l['’])?\s*$`,
);

function markRanges(text: string, mentions: Mention[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const previous = mentions[i - 1];
    const current = mentions[i];
    if (previous && current && rangeGap.test(text.slice(previous.end, current.start))) {
      previous.rangeStart = true;
      current.rangeEnd = true;
    }
  }
}

/**
 * A year-less date is the next occurrence on or after the message's day,
 * except that one from the last 60 days is a stale auto-reply (the sender
 * forgot to switch it off), not a return a year away: it resolves to null.
 */
export function inferYear(
  month: number,
  day: number,
  year: number | null,
  today: LocalDate,
): LocalDate | null {
  if (year !== null) return isValidDate(year, month, day) ? { year, month, day } : null;
  for (let y = today.year; y <= today.year + 4; y++) {
    if (!isValidDate(y, month, day)) continue;
    const candidate = { year: y, month, day };
    if (compareDates(candidate, today) >= 0) return candidate;
    if (toEpochDay(today) - toEpochDay(candidate) <= 60) return null;
  }
  return null;
}

/** Zones where an English writer most likely puts the month first. */
const monthFirstZones =
  /^(?:US\/|Canada\/|Pacific\/Honolulu$|Asia\/Manila$|America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Adak|Boise|Detroit|Juneau|Indiana|Kentucky|North_Dakota|Menominee|Nome|Sitka|Metlakatla|Yakutat|Toronto|Vancouver|Edmonton|Winnipeg|Halifax|Regina|St_Johns|Moncton|Whitehorse|Yellowknife|Puerto_Rico))/;

export function prefersMonthFirst(timeZone: string): boolean {
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(timeZone.trim());
  if (offset) {
    const hours = Number(offset[2]) * (offset[1] === '-' ? -1 : 1);
    return hours <= -4 && hours >= -10;
  }
  return monthFirstZones.test(timeZone);
}

/**
 * An English "05/01/2010" could be either order. Decide by, in turn:
 * 1. plausibility: only one reading lies between the message day and about
 *    a year later ("away until 05/07/2010" sent on 5 July 2010);
 * 2. the text itself: another date written with a month name matches one
 *    reading ("returning 05/01/2010 … returning 5th Jan");
 * 3. the sender's zone: North American zones write month first.
 */
function resolveAmbiguousDates(mentions: Mention[], ctx: MentionContext): void {
  const named = mentions.flatMap((m) =>
    m.value.type === 'date' && m.value.alternative === null ? [m.value] : [],
  );
  for (const mention of mentions) {
    const value = mention.value;
    if (value.type !== 'date' || !value.alternative) continue;
    const dayFirst = { month: value.month, day: value.day };
    const monthFirst = value.alternative;
    const plausible = (reading: { month: number; day: number }) => {
      const date = inferYear(reading.month, reading.day, value.year, ctx.today);
      return (
        date !== null &&
        compareDates(date, addDays(ctx.today, -1)) >= 0 &&
        compareDates(date, addDays(ctx.today, 400)) <= 0
      );
    };
    const echoes = (reading: { month: number; day: number }) =>
      named.some((n) => n.month === reading.month && n.day === reading.day);
    let chosen = prefersMonthFirst(ctx.timeZone) ? monthFirst : dayFirst;
    if (plausible(dayFirst) !== plausible(monthFirst)) chosen = plausible(dayFirst) ? dayFirst : monthFirst;
    else if (echoes(dayFirst) !== echoes(monthFirst)) chosen = echoes(dayFirst) ? dayFirst : monthFirst;
    mention.value = { ...value, month: chosen.month, day: chosen.day, alternative: null };
  }
}
