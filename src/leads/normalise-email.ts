import { AppError } from '../errors/app-error.ts';
import { checkSyntax } from '../validation/address-syntax.ts';

/** SPEC §2: trimmed, domain lower-cased (the local part is case-sensitive by RFC 5321). */
export function normaliseEmail(raw: string): string {
  const email = raw.trim();
  const syntax = checkSyntax(email);
  if (!syntax.ok)
    throw new AppError('VALIDATION', `email: "${raw}" is not a valid email address (it ${syntax.reason})`, {
      field: 'email',
    });
  return `${syntax.local}@${syntax.domain}`;
}

/** The syntax check of SPEC §7 (validation/address-syntax.ts): RFC 5321/5322, IDN domains, pragmatically. */
export function isValidAddress(email: string): boolean {
  return checkSyntax(email).ok;
}
