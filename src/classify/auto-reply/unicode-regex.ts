/**
 * `\b` and `\w` in JavaScript regexes are ASCII-only even with the `u` flag,
 * so `\bà partir\b` never matches after a space and `rientr\w*\b` fails on
 * "rientrerò". Every multilingual pattern in this folder is written with `\b`
 * and `\w` (never inside a character class) and compiled through `uRegex`,
 * which swaps them for their Unicode-letter equivalents.
 */
const unicodeBoundary = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;

const wordChar = String.raw`[\p{L}\p{N}_]`;

export function uRegex(source: string, flags = 'iu'): RegExp {
  const withFlags = flags.includes('u') ? flags : `${flags}u`;
  const unicodeSource = source
    .replaceAll(String.raw`\b`, unicodeBoundary)
    .replaceAll(String.raw`\w`, wordChar);
  return new RegExp(unicodeSource, withFlags);
}
