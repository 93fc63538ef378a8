/**
 * The day (and time) a reply proposes to meet, resolved in the reply's own
 * calendar: "Thursday at 3 works" sent on Tuesday 10 March → 2026-03-12 15:00.
 *
 * Own rules first (day-mentions.ts, time-of-day.ts: they know the business-hour
 * reading of "at 3" and the forms chrono misses), chrono as the fallback for
 * anything they don't recognise. Time zones named in the text ("11am ET") are
 * ignored on purpose: the proposal is kept as written, in the writer's words.
 */
import type { Language, MeetingProposal } from '../classification.ts';
import { type DateReference, formatDate, formatTime, type LocalDate } from './calendar.ts';
import { chronoParse } from './chrono-parsers.ts';
import { prepareDateText } from './date-text.ts';
import { type DayMention, findDays } from './day-mentions.ts';
import { findTimes, type TimeMention } from './time-of-day.ts';

export type MeetingExtraction = { proposal: MeetingProposal; evidence: string };

/** A day followed by one of these is being ruled out ("Morgen is lastig, maandagochtend wel"). */
const ruledOutAfter =
  /^[\s,]*(?:is|ist|est|es|e|is voor mij|(?:does|do|will|would)(?: not|n't)|won't)?\s*(?:not|no|bad|tough|difficult|impossible|lastig|moeilijk|niet|geht nicht|passt nicht|klappt nicht|schlecht|ne (?:marche|va|me convient) pas|c'est complique|pas possible|no puedo|no me va|complicado|nao da|nao posso|dificil|non posso|non va|difficile|impossibile|full|booked|fully booked|is out|is gone)\b/;
const ruledOutBefore =
  /\b(?:not|nicht|niet|pas|non|nao|except|ausser|sauf|excepto|salvo|exceto|behalve|tranne)\s+(?:(?:on|am|op|le|la|el|o|a|il|de|den)\s+)?$/;

function ruledOut(text: string, day: DayMention): boolean {
  return (
    ruledOutAfter.test(text.slice(day.end, day.end + 40)) ||
    ruledOutBefore.test(text.slice(Math.max(0, day.index - 20), day.index))
  );
}

/** A time belongs to the day when it is this close (characters between them). */
const maxDayTimeDistance = 80;

function distance(a: { index: number; end: number }, b: { index: number; end: number }): number {
  if (a.end <= b.index) return b.index - a.end;
  if (b.end <= a.index) return a.index - b.end;
  return 0;
}

function chronoDays(text: string, ref: DateReference, language: Language | null): DayMention[] {
  return (
    chronoParse(text, ref, language)
      // Relative results ("15 min", "next week") name no day; the own rules already know "tomorrow".
      .filter((r) => !r.tags().has('result/relativeDate'))
      .filter((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))
      .map((r) => {
        const date: LocalDate = { y: r.start.get('year')!, m: r.start.get('month')!, d: r.start.get('day')! };
        return {
          index: r.index,
          end: r.index + r.text.length,
          kind: 'explicit' as const,
          date,
          text: r.text,
        };
      })
  );
}

export function extractMeetingProposal(
  text: string,
  ref: DateReference,
  language: Language | null = null,
): MeetingExtraction | null {
  const prepared = prepareDateText(text);
  let days = findDays(prepared, ref, language);
  if (days.length === 0) days = chronoDays(prepared, ref, language);
  if (days.length === 0) return null;
  // A day ruled out is no proposal ("any day but Wednesday"): with only such days, there is none.
  days = days.filter((d) => !ruledOut(prepared, d));
  if (days.length === 0) return null;
  const times = findTimes(prepared, language);

  // With several days named, the one a time is attached to is the proposal ("busy today, Thursday at 3?").
  let day = days[0]!;
  let time: TimeMention | undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const d of days) {
    for (const t of times) {
      const dist = distance(d, t);
      if (dist <= maxDayTimeDistance && dist < best) {
        best = dist;
        day = d;
        time = t;
      }
    }
  }
  const spans = [day, ...(time ? [time] : [])].sort((a, b) => a.index - b.index);
  const evidence = text.slice(spans[0]!.index, spans[spans.length - 1]!.end).replace(/\s+/g, ' ');
  return {
    proposal: { date: formatDate(day.date), time: time ? formatTime(time.hour, time.minute) : null },
    evidence:
      evidence.length <= 60 ? evidence : [day, time].map((s) => s && text.slice(s.index, s.end)).join(' … '),
  };
}
