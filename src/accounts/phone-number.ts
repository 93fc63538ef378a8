import { AppError } from '../errors/app-error.ts';

/**
 * A phone number as E.164: "+", the country code, the number, 8 to 15 digits
 * in all. Spaces, dots, dashes and brackets are allowed and dropped; a
 * leading 00 is read as "+". Anything else is a 400 naming `phone`.
 */
export function normalisePhone(input: string): string {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  const plus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!/^\+[1-9]\d{7,14}$/.test(plus))
    throw new AppError(
      'VALIDATION',
      'phone: an international number in E.164 form, "+" and the country code first (e.g. +447700900123)',
      { field: 'phone' },
    );
  return plus;
}
