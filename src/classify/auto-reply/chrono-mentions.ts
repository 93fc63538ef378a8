import * as chrono from 'chrono-node';
import type { Language } from '../classification.ts';
import type { LocalDate } from './calendar.ts';
import type { Mention, MentionContext, MentionValue } from './mention.ts';
import { overlapsAny } from './mention.ts';
import { uRegex } from './unicode-regex.ts';

/**
 * Month-name and weekday expressions, read by chrono's locale parsers
 * ("Monday 24 March", "12. Mai", "lundi 16 juin", "jueves 15 de mayo",
 * "quinta-feira", "maandag 24 maart", "lunedì 24 marzo", ranges such as
 * "du 28 juillet au 22 août"). English uses chrono's default (US) parser, not
 * en-GB: numeric dates never reach chrono (see `numeric-dates.ts`), and en-GB
 * reads "Monday, October 20" as October 2020, while the default parser reads
 * both "24 March" and "March 24".
 */
const parsers: Record<Language, chrono.Chrono> = {
  en: chrono.en.casual,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  nl: chrono.nl.casual,
  it: chrono.it.casual,
};

/** A modifier makes chrono's own weekday arithmetic authoritative ("next Friday"). */
const weekdayModifier = uRegex(
  String.raw`^(?:next|this|coming|nächste[nrs]?|kommende[nrs]?|diese[nrs]?|prochain|ce|próximo|próxima|este|esta|volgende|komende|deze|prossimo|prossima|questo|questa)\b`,
);

type Components = chrono.ParsedResult['start'];

function mentionValueOf(components: Components, text: string): MentionValue | null {
  const dayKnown = components.isCertain('day');
  const monthKnown = components.isCertain('month');
  if (dayKnown && monthKnown) {
    const year = components.isCertain('year') ? components.get('year') : null;
    const month = components.get('month') ?? 0;
    const day = components.get('day') ?? 0;
    return { type: 'date', year, month, day, alternative: null };
  }
  if (components.isCertain('weekday')) {
    if (weekdayModifier.test(text.trim())) {
      const date: LocalDate = {
        year: components.get('year') ?? 0,
        month: components.get('month') ?? 0,
        day: components.get('day') ?? 0,
      };
      return { type: 'span', from: date, to: date };
    }
    return { type: 'weekday', weekday: components.get('weekday') ?? 0 };
  }
  return null;
}

/** Runs the message language's parser, then English, skipping text earlier finders already claimed. */
export function findChronoMentions(text: string, ctx: MentionContext, taken: readonly Mention[]): Mention[] {
  // A reference at local noon of the message's own day: chrono fills implied
  // components from the process's zone, and noon keeps any offset from
  // shifting the calendar day.
  const reference = new Date(ctx.today.year, ctx.today.month - 1, ctx.today.day, 12, 0, 0);
  const languages: Language[] = ctx.language && ctx.language !== 'en' ? [ctx.language, 'en'] : ['en'];
  const found: Mention[] = [];
  for (const language of languages) {
    for (const result of parsers[language].parse(text, reference)) {
      const start = result.index;
      const end = start + result.text.length;
      if (overlapsAny(taken, start, end) || overlapsAny(found, start, end)) continue;
      const last = result.end ?? result.start;
      const value = mentionValueOf(last, result.text);
      if (!value) continue;
      found.push({
        start,
        end,
        text: result.text,
        value,
        rangeEnd: Boolean(result.end),
        rangeStart: false,
        impliesReturn: false,
      });
    }
  }
  return found;
}
