import { z } from '@hono/zod-openapi';

/**
 * A one-line text field (a name, a company, an address, a key): control
 * characters — C0 (NUL, tab, CR, LF …), DEL, C1 — and the Unicode line and
 * paragraph separators have no place in it. A CR or LF in a name ends up in a
 * mail header or a CSV row; a NUL is refused by PostgreSQL. Refused as a 400
 * naming the field. Multi-line fields (notes, signatures, templates) use
 * plain z.string() and keep their line breaks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const hasControlCharacter = (s: string) => controlCharacter.test(s);

export const oneLine = () =>
  z
    .string()
    .refine(
      (s) => !hasControlCharacter(s),
      'control characters (line breaks, tabs, NUL …) are not allowed in this one-line field',
    );
