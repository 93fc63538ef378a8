import { uRegex } from './unicode-regex.ts';

/**
 * Month names of the supported languages. chrono reads most month-name dates
 * itself; these serve the cases it gets wrong: telling a day range
 * ("10-12 March") from a numeric date ("10-12"), and day ranges such as
 * "del 15 al 19 de julio", which chrono-es reads as 15:00–19:00.
 */
const monthWords: [number, string][] = [
  [1, 'january|jan|januar|jänner|janvier|enero|janeiro|januari|gennaio'],
  [2, 'february|feb|februar|février|fevrier|febrero|fevereiro|februari|febbraio'],
  [3, 'march|mar|märz|mars|marzo|março|marco|maart'],
  [4, 'april|apr|avril|abril|aprile'],
  [5, 'may|mai|mayo|maio|mei|maggio'],
  [6, 'june|jun|juni|juin|junio|junho|giugno'],
  [7, 'july|jul|juli|juillet|julio|julho|luglio'],
  [8, 'august|aug|août|aout|agosto|augustus'],
  [9, 'september|sep|sept|septembre|septiembre|setiembre|setembro|settembre'],
  [10, 'october|oct|oktober|octobre|octubre|outubro|ottobre'],
  [11, 'november|nov|novembre|noviembre|novembro'],
  [12, 'december|dec|dezember|décembre|decembre|diciembre|dezembro|dicembre'],
];

export const monthAlternatives = monthWords.map(([, words]) => words).join('|');

const byWord = new Map<string, number>(
  monthWords.flatMap(([n, words]) => words.split('|').map((w) => [w, n] as [string, number])),
);

export function monthNumber(word: string): number | null {
  return byWord.get(word.toLowerCase()) ?? null;
}

const monthAfter = uRegex(String.raw`^[\s.,]*(?:of\s+|de\s+)?(?:${monthAlternatives})\b`);
const monthBefore = uRegex(String.raw`\b(?:${monthAlternatives})[\s.,]*$`);

export function monthNameFollows(text: string): boolean {
  return monthAfter.test(text);
}

export function monthNamePrecedes(text: string): boolean {
  return monthBefore.test(text);
}
