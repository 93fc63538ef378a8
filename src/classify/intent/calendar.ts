/**
 * Plain calendar dates in the reply's own zone. Dates in a reply ("Thursday",
 * "in two weeks") mean the writer's calendar, so the reference is the message's
 * Date header shifted by its UTC offset, and all arithmetic is on y-m-d values
 * (UTC under the hood only to borrow the Gregorian rules, never a time zone).
 */

export type LocalDate = { y: number; m: number; d: number };

export type DateReference = {
  sentAt: Date;
  /** The reply's UTC offset (e.g. +60 for 10:00+01:00). */
  utcOffsetMinutes: number;
};

/** The calendar date (and hour) the writer saw when writing. */
export function localNow(ref: DateReference): LocalDate & { hour: number; minute: number } {
  const shifted = new Date(ref.sentAt.getTime() + ref.utcOffsetMinutes * 60_000);
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function toUtc(date: LocalDate): Date {
  return new Date(Date.UTC(date.y, date.m - 1, date.d));
}

function fromUtc(d: Date): LocalDate {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds calendar months, clamping the day (31 January + 1 month → 28/29 February). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return toUtc(date).getUTCDay();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The next date strictly after `from` falling on `weekday` (0 = Sunday). */
export function nextWeekday(from: LocalDate, weekday: number): LocalDate {
  const diff = (weekday - weekdayOf(from) + 7) % 7;
  return addDays(from, diff === 0 ? 7 : diff);
}

/** `weekday` in the (Monday-based) week after the one containing `from`. */
export function weekdayOfNextWeek(from: LocalDate, weekday: number): LocalDate {
  const mondayOffset = (weekdayOf(from) + 6) % 7;
  const nextMonday = addDays(from, 7 - mondayOffset);
  return addDays(nextMonday, (weekday + 6) % 7);
}

/** The first of `month` not before `from` (this year if still to come, else next year). */
export function nextFirstOfMonth(from: LocalDate, month: number): LocalDate {
  const y = month > from.m ? from.y : from.y + 1;
  return { y, m: month, d: 1 };
}

/** The next date on or after `from` with day-of-month `day` (skipping months too short for it). */
export function nextDayOfMonth(from: LocalDate, day: number): LocalDate | null {
  let y = from.y;
  let m = from.m;
  for (let i = 0; i < 13; i++) {
    if (day <= daysInMonth(y, m) && (i > 0 || day >= from.d)) return { y, m, d: day };
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return null;
}

/** `month`/`day` this year, or next year when that date has already passed. */
export function nextMonthDay(from: LocalDate, month: number, day: number): LocalDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  for (const y of [from.y, from.y + 1]) {
    if (day > daysInMonth(y, month)) continue;
    const date = { y, m: month, d: day };
    if (compareDates(date, from) >= 0) return date;
  }
  return null;
}

export function formatDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

export function formatTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** UTC offset in minutes from an ISO timestamp's suffix ("+01:00", "-0500", "Z"); null when absent. */
export function offsetOfIso(iso: string): number | null {
  const m = /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(iso.trim());
  if (!m) return null;
  if (m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
