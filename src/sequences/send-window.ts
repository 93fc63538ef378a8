/**
 * Local-time send windows: when may a step go out for a lead in a given IANA time zone.
 * Pure functions over Intl; no database, no clock reads (callers pass the instant).
 */

export type SendWindow = {
  /** Allowed local weekdays, 0 = Sunday .. 6 = Saturday. */
  days: number[];
  /** Minutes since local midnight, inclusive. */
  startMinute: number;
  /** Minutes since local midnight, exclusive (1440 = until midnight). */
  endMinute: number;
};

export type ZonedParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
};

const DAY_MS = 86_400_000;
/** How far nextWindowOpening looks ahead; a year plus slack covers any yearly holiday calendar. */
export const MAX_SEARCH_DAYS = 400;

// Constructing a DateTimeFormat costs far more than formatting with one, and the
// scheduler converts many instants in few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        numberingSystem: 'latn',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new RangeError(`Invalid time zone: ${JSON.stringify(timeZone)}`, { cause });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

type FullParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function fullParts(ms: number, timeZone: string): FullParts {
  const out: FullParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in out) out[part.type as keyof FullParts] = Number(part.value);
  }
  // Some ICU versions still print midnight as 24 despite h23.
  if (out.hour === 24) out.hour = 0;
  return out;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const p = fullParts(ms, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // The formatter drops milliseconds, so compare against the instant truncated to the second.
  return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Local calendar date and wall-clock time of an instant in a zone. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const p = fullParts(instant.getTime(), timeZone);
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    weekday: weekdayOf(p.year, p.month, p.day),
  };
}

/**
 * Every instant whose wall clock in the zone reads the given time, earliest first:
 * one normally, two in a fall-back overlap, none in a spring-forward gap.
 * Assumes at most one offset change within a day either side, as all real zones do.
 */
function possibleInstants(wallAsUtc: number, timeZone: string): number[] {
  const before = offsetAt(wallAsUtc - DAY_MS, timeZone);
  const after = offsetAt(wallAsUtc + DAY_MS, timeZone);
  const found: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wallAsUtc - offset;
    if (offsetAt(candidate, timeZone) === offset && !found.includes(candidate)) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

function wallToUtcMs(wallAsUtc: number, timeZone: string): number {
  const found = possibleInstants(wallAsUtc, timeZone);
  if (found[0] !== undefined) return found[0];
  // Gap: reading the wall time with the pre-transition offset lands exactly one gap
  // length later (02:30 EST = 03:30 EDT), which keeps the step's spacing from its start.
  return wallAsUtc - offsetAt(wallAsUtc - DAY_MS, timeZone);
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time.
 * - Nonexistent time (spring-forward gap): shifted forward by the gap length, so
 *   02:30 on the US spring-forward day gives 03:30 EDT (07:30Z).
 * - Ambiguous time (fall-back overlap): the earlier instant (01:30 EDT, not 01:30 EST).
 * Out-of-range fields roll over as in Date.UTC (day 32 is the next month's first).
 */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  return new Date(wallToUtcMs(Date.UTC(year, month - 1, day, hour, minute), timeZone));
}

function localDateKey(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Judged by the local wall clock, to the minute; a window that can never open is simply never inside. */
export function isInsideWindow(
  instant: Date,
  window: SendWindow,
  timeZone: string,
  offDates?: Set<string>,
): boolean {
  const p = zonedParts(instant, timeZone);
  if (!window.days.includes(p.weekday)) return false;
  if (offDates?.has(localDateKey(p.year, p.month, p.day))) return false;
  const minuteOfDay = p.hour * 60 + p.minute;
  return minuteOfDay >= window.startMinute && minuteOfDay < window.endMinute;
}

function assertUsableWindow(window: SendWindow): void {
  if (window.days.length === 0) throw new RangeError('Send window has no days; it would never open');
  for (const d of window.days) {
    if (!Number.isInteger(d) || d < 0 || d > 6) {
      throw new RangeError(`Send window day ${d} is not a weekday number 0 (Sunday)..6 (Saturday)`);
    }
  }
  const { startMinute: start, endMinute: end } = window;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 1440) {
    throw new RangeError(`Send window minutes must be integers within 0..1440 (got ${start}..${end})`);
  }
  if (start >= end) {
    throw new RangeError(`Send window start (${start}) must be before its end (${end}); it would never open`);
  }
}

/** First instant in (fromMs, toMs] whose offset differs from the one at fromMs, to the second. */
function findTransition(fromMs: number, toMs: number, timeZone: string): number | undefined {
  const initial = offsetAt(fromMs, timeZone);
  if (offsetAt(toMs, timeZone) === initial) return undefined;
  let lo = fromMs;
  let hi = toMs;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo) break;
    if (offsetAt(mid, timeZone) === initial) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * `instant` itself when the window is open then, else the earliest later instant at which it opens.
 * Throws a RangeError for a window that can never open, an invalid zone, or when nothing opens
 * within MAX_SEARCH_DAYS (every allowed day is an off date).
 */
export function nextWindowOpening(
  instant: Date,
  window: SendWindow,
  timeZone: string,
  offDates?: Set<string>,
): Date {
  assertUsableWindow(window);
  if (isInsideWindow(instant, window, timeZone, offDates)) return new Date(instant.getTime());

  const from = instant.getTime();
  const today = zonedParts(instant, timeZone);
  const startHour = Math.floor(window.startMinute / 60);
  const startMin = window.startMinute % 60;

  for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
    // Walk calendar dates in UTC arithmetic so month/year rollovers are free.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!window.days.includes(date.getUTCDay())) continue;
    if (offDates?.has(localDateKey(y, m, d))) continue;

    const candidates = possibleInstants(Date.UTC(y, m - 1, d, startHour, startMin), timeZone);
    // A DST change can move the wall clock into the window without passing its start:
    // a spring-forward gap swallowing the start, or a fall-back repeating open hours.
    const dayStart = wallToUtcMs(Date.UTC(y, m - 1, d), timeZone);
    const dayEnd = wallToUtcMs(Date.UTC(y, m - 1, d + 1), timeZone);
    const transition = findTransition(dayStart, dayEnd, timeZone);
    if (transition !== undefined) candidates.push(transition);

    let best: number | undefined;
    for (const c of candidates) {
      if (c < from || (best !== undefined && c >= best)) continue;
      if (isInsideWindow(new Date(c), window, timeZone, offDates)) best = c;
    }
    if (best !== undefined) return new Date(best);
  }
  throw new RangeError(
    `Send window never opens within ${MAX_SEARCH_DAYS} days in ${timeZone}; are all allowed days off dates?`,
  );
}

/**
 * The same local wall-clock time `days` calendar days later (or earlier, if negative) in the zone,
 * so a 09:00 send stays at 09:00 across a DST change. A target time that falls in a gap is
 * shifted forward by the gap; an ambiguous one takes the earlier instant (see zonedTimeToUtc).
 */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  if (!Number.isInteger(days))
    throw new RangeError(`addLocalDays needs a whole number of days (got ${days})`);
  const ms = instant.getTime();
  // Re-resolving the wall time could move an instant in the repeated fall-back hour.
  if (days === 0) return new Date(ms);
  const p = fullParts(ms, timeZone);
  const subSecond = ((ms % 1000) + 1000) % 1000;
  const wall = Date.UTC(p.year, p.month - 1, p.day + days, p.hour, p.minute, p.second);
  return new Date(wallToUtcMs(wall, timeZone) + subSecond);
}

let supportedZones: Set<string> | undefined;

/**
 * True for names Intl can resolve: the canonical list plus the aliases it omits
 * (Intl.supportedValuesOf lists neither 'UTC' nor 'Asia/Kolkata' on current ICU).
 */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '' || tz !== tz.trim()) return false;
  supportedZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (supportedZones.has(tz)) return true;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}
