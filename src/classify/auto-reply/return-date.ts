/**
 * The first day an out-of-office sender is back (SPEC §6.2 item 2, §11:
 * `returnDate`, YYYY-MM-DD, resolved against the message's Date header in
 * its own zone).
 *
 * Rules, applied to every date expression found in the body, then the subject:
 * - "back on X" / "returning X" / "zurück am X" / "de retour le X" /
 *   "regreso el X" / "retorno em X" / "terug op X" / "rientro il X", and
 *   "from X I'm back" ("ab dem 3. wieder", "vanaf maandag weer",
 *   "a partir del lunes estaré de vuelta", "dal 5 maggio sarò disponibile")
 *   → X itself, even on a weekend.
 * - "until X" / "bis (einschließlich) X" / "jusqu'au X" / "hasta el X" /
 *   "até X" / "tot (en met) X" / "fino al X", and the end of a range
 *   ("10–21 July", "du 3 au 14 mars") → X is the last day away: the return is
 *   the next day, moved to Monday when that is a Saturday or Sunday. One rule
 *   for every language, since "until" is inclusive in most OOO texts.
 *   Exception: "not back until X" / "will not return until X" → X.
 * - A date in a clause that only describes the absence ("out of the office
 *   Friday", "heute und morgen auf einer Messe") → the day after the last such
 *   day, moved off the weekend the same way.
 * - "back on X" wins over "until Y", which wins over a bare absence day:
 *   Lotus Notes says "until 05/01/2010 … returning 5th Jan" and means the 5th.
 * - A year-less date is the next occurrence on or after the message's day
 *   (one from the last 60 days is a stale auto-reply → null). Weekdays: "back
 *   on Monday" is the next Monday strictly after the message's day; "until
 *   Friday" may be today. "next week" is that week's Monday; "this week" ends
 *   on Friday; "after the holidays" in Nov 15–Jan 6 is the first working day
 *   after 1 January (after 6 January for "después de Reyes").
 * - Numeric dates are day-first except in English, where an ambiguous one is
 *   decided by plausibility, then by a month-name date in the same text, then
 *   by zone (North American zones → month-first); see `date-mentions.ts`.
 * - A return date before the message's day is dropped (stale auto-reply).
 *
 * What chrono-node 2.10 misses, handled here: German year-less dotted dates
 * ("bis 21.03.", "28.2.") and dates like "vom 28.07. bis …"; Dutch "25-04";
 * bare ordinals ("until the 21st", "ab dem 3.", "jusqu'au 21"); "next week"
 * (chrono: +7 days); "this week"; "in/for two weeks" in the seven languages;
 * "after the holidays"; and everything about *meaning* — chrono reads dates,
 * never "until" vs "back on", so all cues live in `return-cues.ts`.
 */
import {
  addDays,
  compareDates,
  isoDate,
  type LocalDate,
  localDateIn,
  onOrNextWorkingDay,
  weekdayOf,
} from './calendar.ts';
import { findMentions, inferYear } from './date-mentions.ts';
import type { Mention, MentionContext } from './mention.ts';
import { guessLanguage } from './ooo-language.ts';
import {
  absenceWords,
  backCue,
  fromCue,
  negatedReturnBeforeUntil,
  negationBefore,
  notBeforeCue,
  presenceWords,
  untilCue,
} from './return-cues.ts';
import { clauseAround, clauseCuts, stripQuotedHistory } from './text-windows.ts';

export type ReturnDateResult = { returnDate: string | null; evidence: string | null };

type Role = 'back' | 'through' | 'absentOn';

const maxScannedChars = 6000;
type Candidate = { role: Role; date: LocalDate; evidence: string };

export function extractReturnDate(
  text: string,
  subject: string,
  messageDate: Date,
  timeZone: string,
): ReturnDateResult {
  const today = localDateIn(messageDate, timeZone);
  // An absence notice states its return near the top; the cap bounds the work on huge bodies.
  const body = stripQuotedHistory(text).slice(0, maxScannedChars);
  const ctx: MentionContext = { today, language: guessLanguage(`${subject}\n${body}`), timeZone };
  const candidates = [...candidatesIn(body, ctx), ...candidatesIn(subject, ctx)];
  const pick = (role: Role) => candidates.filter((c) => c.role === role);
  const chosen =
    pick('back')[0] ??
    pick('through')[0] ??
    pick('absentOn').sort((a, b) => compareDates(b.date, a.date))[0] ??
    null;
  return chosen
    ? { returnDate: isoDate(chosen.date), evidence: chosen.evidence }
    : { returnDate: null, evidence: null };
}

function candidatesIn(text: string, ctx: MentionContext): Candidate[] {
  if (!text.trim()) return [];
  const mentions = findMentions(text, ctx);
  const cuts = clauseCuts(text, mentions, ctx.language);
  const candidates: Candidate[] = [];
  for (const mention of mentions) {
    const clause = clauseAround(cuts, mention, text.length);
    const role = roleOf(text, clause, mention);
    if (!role) continue;
    const day = resolve(mention, role, ctx.today);
    if (!day) continue;
    const date = role === 'back' ? day : onOrNextWorkingDay(addDays(day, 1));
    if (compareDates(date, ctx.today) < 0) continue;
    candidates.push({
      role,
      date,
      evidence: text.slice(clause.start, clause.end).replace(/\s+/g, ' ').trim(),
    });
  }
  return candidates;
}

function roleOf(text: string, clause: { start: number; end: number }, mention: Mention): Role | null {
  if (mention.impliesReturn) return 'back';
  if (mention.rangeEnd) return 'through';
  if (mention.rangeStart) return null;
  const before = text.slice(clause.start, mention.start);
  if (notBeforeCue.test(before)) return 'back';
  const until = untilCue.exec(before);
  if (until) return negatedReturnBeforeUntil.test(before.slice(0, until.index)) ? 'back' : 'through';
  if (backCue.test(before)) return 'back';
  const predicate = nearestPredicate(text, clause, mention);
  if (fromCue.test(before)) return predicate === 'presence' ? 'back' : null;
  if (predicate === 'presence') return 'back';
  if (predicate === 'absence') return 'absentOn';
  return null;
}

/** Whether the words closest to the date talk about being back or being away. */
function nearestPredicate(
  text: string,
  clause: { start: number; end: number },
  mention: Mention,
): 'presence' | 'absence' | null {
  const scope = text.slice(clause.start, clause.end);
  const found: { kind: 'presence' | 'absence'; distance: number }[] = [];
  const collect = (pattern: RegExp, kind: 'presence' | 'absence') => {
    for (const m of scope.matchAll(pattern)) {
      const start = clause.start + m.index;
      const end = start + m[0].length;
      if (start < mention.end && mention.start < end) continue;
      // "nicht erreichbar", "niet op kantoor": a negated presence word describes the absence.
      const negated = kind === 'presence' && negationBefore.test(scope.slice(0, m.index));
      const distance = end <= mention.start ? mention.start - end : start - mention.end;
      found.push({ kind: negated ? 'absence' : kind, distance });
    }
  };
  collect(presenceWords, 'presence');
  collect(absenceWords, 'absence');
  found.sort((a, b) => a.distance - b.distance);
  return found[0]?.kind ?? null;
}

function resolve(mention: Mention, role: Role, today: LocalDate): LocalDate | null {
  const value = mention.value;
  switch (value.type) {
    case 'date':
      return inferYear(value.month, value.day, value.year, today);
    case 'span':
      return role === 'back' ? value.from : value.to;
    case 'weekday': {
      // Someone writing "back on Monday" on a Monday means next week's.
      const ahead = (value.weekday - weekdayOf(today) + 7) % 7;
      return addDays(today, role === 'back' && ahead === 0 ? 7 : ahead);
    }
    case 'dayOfMonth': {
      for (let i = 0; i < 3; i++) {
        const month = ((today.month - 1 + i) % 12) + 1;
        const year = today.year + Math.floor((today.month - 1 + i) / 12);
        const date = inferYear(month, value.day, year, today);
        if (date && compareDates(date, today) >= 0) return date;
      }
      return null;
    }
  }
}
