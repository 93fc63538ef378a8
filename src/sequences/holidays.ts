/**
 * Public holidays of a country as local calendar dates (SPEC §5.3: no sends on
 * the public holidays of the lead's country). Pure apart from a cache: the
 * calendar of a country and year never changes while the process runs.
 */
import Holidays from 'date-holidays';

/** Local 'YYYY-MM-DD' → the holiday's name. */
export type HolidayDates = Map<string, string>;

/** How far ahead the calendar reaches: as far as nextWindowOpening looks. */
export const holidayHorizonDays = 400;

const byCountryYear = new Map<string, HolidayDates>();
let supported: Set<string> | undefined;

function isSupportedCountry(country: string): boolean {
  supported ??= new Set(Object.keys(new Holidays().getCountries()));
  return supported.has(country);
}

const DAY_MS = 86_400_000;

/** National public holidays only: bank, school and optional days are working days for a sales email. */
function yearCalendar(country: string, year: number): HolidayDates {
  const key = `${country}:${year}`;
  let dates = byCountryYear.get(key);
  if (dates) return dates;
  dates = new Map();
  const hd = new Holidays(country, { types: ['public'] });
  for (const h of hd.getHolidays(year, 'en')) {
    if (h.type !== 'public') continue;
    // `date` is the first local day ('YYYY-MM-DD hh:mm:ss'); a few holidays last several days.
    const [y, m, d] = h.date.slice(0, 10).split('-').map(Number) as [number, number, number];
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < days; i++) {
      const day = new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
      if (!dates.has(day)) dates.set(day, h.name);
    }
  }
  byCountryYear.set(key, dates);
  return dates;
}

/**
 * The public holidays of `country` (ISO 3166 alpha-2) from the local date of
 * `from` for the next holidayHorizonDays, or an empty map for a country the
 * calendar does not know.
 */
export function holidaysAhead(country: string, from: Date, days = holidayHorizonDays): HolidayDates {
  const code = country.toUpperCase();
  const out: HolidayDates = new Map();
  if (!isSupportedCountry(code)) return out;
  // A day of slack either side: the lead's local date may differ from UTC's.
  const first = new Date(from.getTime() - DAY_MS).toISOString().slice(0, 10);
  const last = new Date(from.getTime() + (days + 1) * DAY_MS).toISOString().slice(0, 10);
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    for (const [date, name] of yearCalendar(code, year))
      if (date >= first && date <= last) out.set(date, name);
  }
  return out;
}
