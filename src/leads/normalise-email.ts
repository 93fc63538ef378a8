import { AppError } from '../errors/app-error.ts';

/** SPEC §2: trimmed, domain lower-cased (the local part is case-sensitive by RFC 5321). */
export function normaliseEmail(raw: string): string {
  const email = raw.trim();
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1 || !isValidAddress(email))
    throw new AppError('VALIDATION', `email: "${raw}" is not a valid email address`, { field: 'email' });
  return `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
}

/** RFC 5321 shape: dot-atom local part (≤ 64), a domain of labels with a TLD (≤ 253). */
export function isValidAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || domain.length > 253) return false;
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)) return false;
  return /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(domain);
}
