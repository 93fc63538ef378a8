import type { Language } from '../classification.ts';
import type { LocalDate } from './calendar.ts';

/**
 * A date expression found in an out-of-office text, before we know what it
 * means for the return. Weekdays and year-less dates stay unresolved here
 * because "back on Monday" and "out until Monday" resolve the same word
 * differently (see `resolve-mention.ts`).
 */
export type MentionValue =
  /** `alternative` holds the month-first reading of an ambiguous English numeric date. */
  | {
      type: 'date';
      year: number | null;
      month: number;
      day: number;
      alternative: { month: number; day: number } | null;
    }
  | { type: 'weekday'; weekday: number }
  /** "the 21st", "den 21.", "le 21": a day of whichever month comes next. */
  | { type: 'dayOfMonth'; day: number }
  /** Already-resolved relative expressions: "today", "this week", "in two weeks". */
  | { type: 'span'; from: LocalDate; to: LocalDate };

export type Mention = {
  start: number;
  end: number;
  text: string;
  value: MentionValue;
  /** Second half of a range ("10–21 July", "vom 3. bis 14."): the last day away. */
  rangeEnd: boolean;
  /** First half of such a range: the first day away, never the return. */
  rangeStart: boolean;
  /** Phrases that only ever name the return ("after the holidays"). */
  impliesReturn: boolean;
};

export type MentionContext = {
  /** The message's own calendar day. */
  today: LocalDate;
  language: Language | null;
  timeZone: string;
};

export function overlapsAny(mentions: readonly Mention[], start: number, end: number): boolean {
  return mentions.some((m) => start < m.end && m.start < end);
}
