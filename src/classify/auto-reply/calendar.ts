/**
 * Calendar-day arithmetic for return dates. An out-of-office text talks about
 * days on the sender's wall calendar, so everything here works on plain
 * year/month/day values and never on instants, which keeps DST and the
 * process's own time zone out of the picture.
 */
export type LocalDate = { year: number; month: number; day: number };

const msPerDay = 86_400_000;

export function toEpochDay(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / msPerDay;
}

export function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * msPerDay);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`. */
export function weekdayOf(date: LocalDate): number {
  return new Date(toEpochDay(date) * msPerDay).getUTCDay();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const probe = fromEpochDay(toEpochDay({ year, month, day }));
  return probe.month === month && probe.day === day;
}

export function isoDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Saturday and Sunday move to the following Monday; other days stay. */
export function onOrNextWorkingDay(date: LocalDate): LocalDate {
  const wd = weekdayOf(date);
  if (wd === 6) return addDays(date, 2);
  if (wd === 0) return addDays(date, 1);
  return date;
}

/** Monday of the week containing `date` (ISO weeks start on Monday). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

const offsetPattern = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * The wall-calendar day of `instant` in `timeZone` (an IANA name or a fixed
 * offset such as "+02:00" or "-0500"). An unknown zone falls back to UTC
 * rather than throwing: a return date a day off beats no classification.
 */
export function localDateIn(instant: Date, timeZone: string): LocalDate {
  const offset = offsetPattern.exec(timeZone.trim());
  if (offset) {
    const sign = offset[1] === '-' ? -1 : 1;
    const minutes = sign * (Number(offset[2]) * 60 + Number(offset[3]));
    const shifted = new Date(instant.getTime() + minutes * 60_000);
    return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  }
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return { year: get('year'), month: get('month'), day: get('day') };
  } catch {
    return localDateIn(instant, '+00:00');
  }
}

/**
 * The fixed offset written in an RFC 5322 Date header ("Mon, 4 Jan 2010
 * 16:02:30 +0000" → "+00:00"), or null when it has none. Obsolete zone names
 * (EDT, GMT…) are mapped because old mailers still send them.
 */
export function zoneFromDateHeader(raw: string): string | null {
  const numeric = /\s([+-])(\d{2})(\d{2})(?:\s|\(|$)/.exec(raw);
  if (numeric) return `${numeric[1]}${numeric[2]}:${numeric[3]}`;
  const named: Record<string, string> = {
    UT: '+00:00',
    GMT: '+00:00',
    Z: '+00:00',
    EST: '-05:00',
    EDT: '-04:00',
    CST: '-06:00',
    CDT: '-05:00',
    MST: '-07:00',
    MDT: '-06:00',
    PST: '-08:00',
    PDT: '-07:00',
  };
  const name = /\d{1,2}:\d{2}(?::\d{2})?\s+([A-Z]{1,3})\b/.exec(raw)?.[1];
  return name ? (named[name] ?? null) : null;
}
