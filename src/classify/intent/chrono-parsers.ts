/**
 * chrono-node parsers per reply language, used as the fallback for days the
 * own rules (day-mentions.ts, time-of-day.ts) don't recognise. English uses the
 * en.GB parser (day before month) except for replies written from the
 * Americas; `forwardDate` makes "Thursday" the coming one.
 */
import * as chrono from 'chrono-node';
import type { Language } from '../classification.ts';
import type { DateReference } from './calendar.ts';

const byLanguage: Record<Language, chrono.Chrono> = {
  en: chrono.en.GB,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  nl: chrono.nl.casual,
  it: chrono.it.casual,
};

export function chronoParse(
  text: string,
  ref: DateReference,
  language: Language | null,
): chrono.ParsedResult[] {
  const parser =
    language === null || (language === 'en' && ref.utcOffsetMinutes <= -180)
      ? chrono.en.casual
      : byLanguage[language];
  return parser.parse(text, { instant: ref.sentAt, timezone: ref.utcOffsetMinutes }, { forwardDate: true });
}
