/**
 * Phrase → reason tables. Each entry is a lower-case substring, or a RegExp
 * for phrases with a variable middle ("account X does not exist"). The
 * reason engine (reason.ts) decides in which order the tables are consulted;
 * this file only says which words point at which reason.
 *
 * The vocabulary follows sisimai's reason names. The phrases were collected
 * from MTA documentation, provider postmaster pages and the development split
 * of the public test corpora — they are generic server wordings, never
 * per-message answers.
 */

import { PHRASES_RECIPIENT } from './reason-phrases-recipient.ts';
import { PHRASES_SENDER } from './reason-phrases-sender.ts';
import { PHRASES_TRANSPORT } from './reason-phrases-transport.ts';

export type Phrase = string | RegExp;

export const PHRASES: Record<string, readonly Phrase[]> = {
  ...PHRASES_RECIPIENT,
  ...PHRASES_SENDER,
  ...PHRASES_TRANSPORT,
};

const cache = new Map<string, { subs: string[]; res: RegExp[] }>();

function compiled(reason: string): { subs: string[]; res: RegExp[] } {
  let c = cache.get(reason);
  if (!c) {
    const list = PHRASES[reason] ?? [];
    c = {
      subs: list.filter((p): p is string => typeof p === 'string'),
      res: list.filter((p): p is RegExp => p instanceof RegExp),
    };
    cache.set(reason, c);
  }
  return c;
}

/** The first phrase of `reason` found in `lowerText`, or null. `lowerText` must already be lower-cased. */
export function matchPhrase(reason: string, lowerText: string): string | null {
  if (!lowerText) return null;
  const { subs, res } = compiled(reason);
  for (const s of subs) if (lowerText.includes(s)) return s;
  for (const r of res) {
    const m = r.exec(lowerText);
    if (m) return m[0];
  }
  return null;
}
