import type { Language } from '../classification.ts';
import type { Mention } from './mention.ts';
import { uRegex } from './unicode-regex.ts';

/**
 * Splitting an out-of-office text into clauses, so a date is read together
 * with the words of its own statement: in "out of the office starting
 * October 9 and will not return until October 20" the first date belongs to
 * "out of the office", the second to "will not return".
 */

/** Where the auto-reply ends and the quoted original message begins. */
const quoteStart = uRegex(
  String.raw`^(?:>|-{2,}\s*(?:original message|ursprüngliche nachricht|message d['’]origine|mensaje original|mensagem original|oorspronkelijk bericht|messaggio originale)|_{8,}|(?:from|von|de|da|van|envoyé|sent|gesendet|enviado|verzonden|inviato)\s?:\s.*@|on .{0,120} wrote:|am .{0,80} schrieb|le .{0,80} a écrit|el .{0,80} escribió|em .{0,80} escreveu|op .{0,80} schreef|il .{0,80} ha scritto)`,
  'imu',
);

export function stripQuotedHistory(text: string): string {
  const match = quoteStart.exec(text);
  return match && match.index > 0 ? text.slice(0, match.index) : text;
}

/** A period after these does not end a sentence: "bis inkl. 21.03.", "z.B.". */
const abbreviation = uRegex(
  String.raw`(?:^|[\s(])(?:inkl|einschl|bzw|ca|evtl|voraussichtl|ggf|hr|fr|mr|mrs|ms|dr|st|approx|incl|sr|sra|dott|sig|nr|tel|ext|z\.b|e\.g|i\.e|u\.a|\p{L})$`,
);
const inclusive = uRegex(String.raw`^(?:met|including|inclusive|incl|einschließlich|einschl|inkl)\b`);
const sentenceEnd = /[.!?;]+(?=\s|$)|\n\s*\n/gu;

/** Conjunctions start a new clause; "en"/"e"/"y" only in the language where they are one. */
const conjunctions: Record<Language | 'any', string> = {
  any: 'and|but|however',
  en: 'and|but|however',
  de: 'und|aber|sowie',
  fr: 'et|mais',
  es: 'y|pero',
  pt: 'e|mas',
  nl: 'en|maar',
  it: 'e|ma',
};

/** Positions where a clause ends, computed once per text. */
export function clauseCuts(text: string, mentions: readonly Mention[], language: Language | null): number[] {
  // Dates carry their own dots ("21.03.", "z. B."): blank them so they never end a sentence.
  const parts: string[] = [];
  let from = 0;
  for (const m of mentions) {
    if (m.start < from) continue;
    parts.push(text.slice(from, m.start), '0'.repeat(m.end - m.start));
    from = m.end;
  }
  parts.push(text.slice(from));
  const masked = parts.join('');
  const cuts: number[] = [];
  for (const m of masked.matchAll(sentenceEnd)) {
    if (m[0].startsWith('.') && abbreviation.test(masked.slice(Math.max(0, m.index - 12), m.index))) continue;
    cuts.push(m.index + m[0].length);
  }
  const words = language ? `${conjunctions.any}|${conjunctions[language]}` : conjunctions.any;
  const conjunction = uRegex(String.raw`,?\s\b(?:${words})\b\s`, 'giu');
  for (const m of masked.matchAll(conjunction)) {
    // "today and tomorrow", "3 y 4 de mayo": a list of dates, not two clauses.
    const after = m.index + m[0].length;
    const dateBefore = mentions.some((o) => o.end <= m.index && /^[\s,]*$/.test(text.slice(o.end, m.index)));
    const dateAfter = mentions.some((o) => o.start >= after && /^\s*$/.test(text.slice(after, o.start)));
    // "tot en met", "up to and including", "entre 22 e 26": one expression, not two clauses.
    const inExpression =
      /(?:\d\.?|\btot|\bup to)$/iu.test(text.slice(Math.max(0, m.index - 8), m.index)) ||
      inclusive.test(text.slice(after, after + 20));
    if (!(dateBefore && dateAfter) && !inExpression) cuts.push(m.index + 1);
  }
  return cuts.sort((a, b) => a - b);
}

/** The clause (between two cuts) that contains the mention. */
export function clauseAround(
  cuts: readonly number[],
  mention: Mention,
  textLength: number,
): { start: number; end: number } {
  let start = 0;
  let end = textLength;
  for (const cut of cuts) {
    if (cut <= mention.start && cut > start) start = cut;
    if (cut >= mention.end && cut < end) end = cut;
  }
  return { start, end };
}
