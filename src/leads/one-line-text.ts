/**
 * A one-line text (a name, a company, an address, a key) holds no control
 * characters: C0 (NUL, tab, CR, LF …), DEL, C1, nor the Unicode line and
 * paragraph separators. A CR or LF in a name ends up in a mail header or a
 * CSV row; a NUL is refused by PostgreSQL. The API refuses them with a 400
 * naming the field (http/one-line.ts); an import refuses the row.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const hasControlCharacter = (s: string): boolean => controlCharacter.test(s);
