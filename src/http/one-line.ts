import { z } from '@hono/zod-openapi';
import { hasControlCharacter } from '../leads/one-line-text.ts';

/**
 * A one-line text field of a request (leads/one-line-text.ts says what that
 * excludes): a control character in it is a 400 naming the field. Multi-line
 * fields (notes, signatures, templates, context) use plain z.string() and
 * keep their line breaks.
 */
export const oneLine = () =>
  z
    .string()
    .refine(
      (s) => !hasControlCharacter(s),
      'control characters (line breaks, tabs, NUL …) are not allowed in this one-line field',
    );
