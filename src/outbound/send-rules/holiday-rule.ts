import { type HolidayDates, holidaysAhead } from '../../sequences/holidays.ts';
import { nextWindowOpening, zonedParts } from '../../sequences/send-window.ts';
import { guessCountry } from '../../sequences/time-zone-guess.ts';
import type { Lead } from './send-rule.ts';
import { defineRule } from './send-rule.ts';
import { describeWindow } from './send-window-rule.ts';

type Prepared = { countryOf: Map<string, string | null>; calendars: Map<string, HolidayDates> };

/** The lead's country for its holidays: the stated one (code or name), else what phone or domain say. */
export const leadCountry = (lead: Pick<Lead, 'country' | 'phone' | 'email'>): string | null =>
  guessCountry({ country: lead.country, phone: lead.phone, email: lead.email });

const localDate = (instant: Date, zone: string): string => {
  const p = zonedParts(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/**
 * No sends on a public holiday of the lead's country, judged by the lead's
 * local date (SPEC §5.3): the email waits for the next window opening that is
 * not a holiday. Asked after the send window, so it only sees messages the
 * window lets go now. An explicit first-send time overrides it, as it does
 * the window; sandbox mail that may ignore the window may ignore this too.
 */
export const holidayRule = defineRule<Prepared>({
  name: 'holiday',
  async prepare(_ctx, batch) {
    const countryOf = new Map<string, string | null>();
    const calendars = new Map<string, HolidayDates>();
    for (const lead of batch.leads.values()) {
      const country = leadCountry(lead);
      countryOf.set(lead.id, country);
      if (country && !calendars.has(country)) calendars.set(country, holidaysAhead(country, batch.now));
    }
    return { countryOf, calendars };
  },
  check({ message, lead, assistant }, { countryOf, calendars }, batch, ctx) {
    if (message.explicitTime) return null;
    const country = countryOf.get(lead.id);
    const holidays = country ? calendars.get(country) : undefined;
    if (!country || !holidays?.size) return null;
    const zone = lead.timeZone ?? 'UTC';
    const today = localDate(batch.now, zone);
    const holiday = holidays.get(today);
    if (!holiday) return null;
    const window = {
      days: assistant.sendDays,
      startMinute: assistant.sendStartMinute,
      endMinute: assistant.sendEndMinute,
    };
    let opening: Date;
    try {
      opening = nextWindowOpening(batch.now, window, zone, new Set(holidays.keys()));
    } catch {
      // Every allowed day a holiday for 400 days: holidays cannot be what holds it back.
      return null;
    }
    const evidence = { holiday, country, date: today, timeZone: zone };
    // Nested, so it sits beside the window rule's note instead of overwriting it.
    if (ctx.config.SANDBOX_SENDS_ANYTIME && batch.usesSandbox(assistant))
      return {
        kind: 'note',
        evidence: {
          publicHoliday: {
            sandbox: 'sent on a public holiday: sandbox mail is not held back',
            ...evidence,
            wouldWaitUntil: opening.toISOString(),
          },
        },
      };
    return {
      kind: 'defer',
      until: opening,
      reason: `${today} is a public holiday in ${country} (${holiday}); waits for the next working day's window`,
      evidence: { ...evidence, window: describeWindow(window) },
    };
  },
});
