/**
 * Send Time Optimization (SPEC §5.3), pure. From the times a lead opened
 * earlier emails (human opens only: the machine filter ran before), estimate
 * when it reads mail and send the next step 15–30 minutes before, inside the
 * send window. A lead that opened none of its first three emails gets a
 * different time of day from the one they went at.
 *
 * Minutes are minutes after local midnight in the lead's zone (0..1439).
 */
import { zonedParts, zonedTimeToUtc } from './send-window.ts';

/** How many of the latest human opens say when a lead reads. */
export const READING_SAMPLE = 5;
/** A step is moved only when the chosen minute is this far ahead; closer, it just goes. */
export const MOVE_THRESHOLD_MINUTES = 30;
/** Emails without any open before a lead gets a new time of day. */
export const UNOPENED_BEFORE_SHIFT = 3;

const DAY = 1440;
const mod = (m: number) => ((m % DAY) + DAY) % DAY;

export function localMinute(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return p.hour * 60 + p.minute;
}

export const hhmm = (m: number): string =>
  `${String(Math.floor(mod(m) / 60)).padStart(2, '0')}:${String(mod(m) % 60).padStart(2, '0')}`;

/** Shortest distance between two minutes of the day, across midnight. */
export const circularDistance = (a: number, b: number): number => {
  const d = Math.abs(mod(a) - mod(b));
  return Math.min(d, DAY - d);
};

/**
 * The minute closest to all the others around the clock (a circular median:
 * 23:50 and 00:10 are 20 minutes apart, not 23 hours). Ties go to the earlier
 * sample in the list, so callers pass the most recent first.
 */
export function circularMedian(minutes: number[]): number | null {
  let best: { m: number; cost: number } | null = null;
  for (const m of minutes) {
    const cost = minutes.reduce((s, o) => s + circularDistance(m, o), 0);
    if (!best || cost < best.cost) best = { m: mod(m), cost };
  }
  return best?.m ?? null;
}

/** A stable number per lead, so its choices don't change between rounds or workers. */
export function leadHash(leadId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < leadId.length; i++) {
    h ^= leadId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** How long before its reading time a lead's step goes: 15–30 minutes, fixed per lead. */
export const leadMinutes = (leadId: string): number => 15 + (leadHash(leadId) % 16);

/** When the lead usually reads: the circular median of its latest human opens, in its zone. */
export function readingMinute(opens: Date[], timeZone: string): number | null {
  const latest = [...opens].sort((a, b) => b.getTime() - a.getTime()).slice(0, READING_SAMPLE);
  return circularMedian(latest.map((o) => localMinute(o, timeZone)));
}

/** The minute the next step would ideally go, before any window (stored on the lead). */
export function preferredSendMinute(leadId: string, opens: Date[], timeZone: string): number | null {
  const r = readingMinute(opens, timeZone);
  return r === null ? null : mod(r - leadMinutes(leadId));
}

export type Window = { days: number[]; startMinute: number; endMinute: number };

export type SendTimeChoice =
  | { basis: 'reading_time'; observed: number[]; readingMinute: number; minute: number }
  | { basis: 'no_opens'; unopened: number; usualMinute: number; minute: number };

/**
 * The minute of the day this lead's next step should go, or null when there
 * is nothing to go on (no human open yet and fewer than three emails sent).
 */
export function chooseSendMinute(input: {
  leadId: string;
  timeZone: string;
  window: Window;
  humanOpens: Date[];
  /** When the lead's earlier emails went (only used when it never opened one). */
  previousSends: Date[];
}): SendTimeChoice | null {
  const { window, timeZone } = input;
  const clamp = (m: number) => Math.min(Math.max(m, window.startMinute), window.endMinute - 1);
  if (input.humanOpens.length) {
    const latest = [...input.humanOpens].sort((a, b) => b.getTime() - a.getTime()).slice(0, READING_SAMPLE);
    const observed = latest.map((o) => localMinute(o, timeZone));
    const reading = circularMedian(observed)!;
    // Reading before the window opens means "first thing": the window's start.
    const ideal = reading - leadMinutes(input.leadId);
    return { basis: 'reading_time', observed, readingMinute: reading, minute: clamp(ideal < 0 ? 0 : ideal) };
  }
  if (input.previousSends.length < UNOPENED_BEFORE_SHIFT) return null;
  const span = window.endMinute - window.startMinute;
  // Too narrow a window has no other time of day to offer.
  if (span < 120) return null;
  const usual = circularMedian(input.previousSends.map((s) => localMinute(s, timeZone)))!;
  // Half the window away (± up to 30 minutes, fixed per lead), wrapping inside the window.
  const jitter = (leadHash(input.leadId) % 61) - 30;
  const offset =
    Math.floor(span / 2) + Math.max(-Math.floor(span / 4), Math.min(jitter, Math.floor(span / 4)));
  const fromStart = (((clamp(usual) - window.startMinute + offset) % span) + span) % span;
  return {
    basis: 'no_opens',
    unopened: input.previousSends.length,
    usualMinute: usual,
    minute: window.startMinute + fromStart,
  };
}

export type SendTimeDecision =
  | { kind: 'now'; why: 'at_time' | 'passed' }
  | { kind: 'later'; at: Date; day: 'today' | 'next_allowed_day' };

/**
 * Given the chosen minute, go now or later. A step is moved only forward and
 * only when the minute is more than 30 minutes ahead today. When today's
 * minute has passed, a reading-time step goes now (moving it to tomorrow
 * could starve it: tomorrow something else may delay it past the minute
 * again). A never-opened lead's new time of day, when already past, moves the
 * step to the next allowed day — once: a step already due at that time goes.
 */
export function decideSendTime(input: {
  now: Date;
  dueAt: Date;
  timeZone: string;
  window: Window;
  choice: SendTimeChoice;
}): SendTimeDecision {
  const { now, timeZone, choice } = input;
  const c = localMinute(now, timeZone);
  const p = zonedParts(now, timeZone);
  const at = (dayOffset: number) =>
    zonedTimeToUtc(
      p.year,
      p.month,
      p.day + dayOffset,
      Math.floor(choice.minute / 60),
      choice.minute % 60,
      timeZone,
    );
  if (choice.minute - c > MOVE_THRESHOLD_MINUTES) return { kind: 'later', at: at(0), day: 'today' };
  const why = c - choice.minute > MOVE_THRESHOLD_MINUTES ? 'passed' : 'at_time';
  if (choice.basis === 'reading_time' || why === 'at_time') return { kind: 'now', why };
  if (circularDistance(localMinute(input.dueAt, timeZone), choice.minute) <= MOVE_THRESHOLD_MINUTES)
    return { kind: 'now', why: 'passed' };
  for (let d = 1; d <= 7; d++) {
    const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day + d)).getUTCDay();
    if (input.window.days.includes(weekday)) return { kind: 'later', at: at(d), day: 'next_allowed_day' };
  }
  return { kind: 'now', why: 'passed' };
}
