import { AppError } from '../errors/app-error.ts';

/** The longest password hashed: Argon2 reads all of it, and no person types more. */
export const maxPasswordLength = 256;

/** A new password (invitation, change, reset): the same rule as `nurture init`'s, at least 8 characters. */
export function checkNewPassword(password: string, field = 'password'): void {
  if (password.length < 8) throw new AppError('VALIDATION', `${field}: at least 8 characters`, { field });
  if (password.length > maxPasswordLength)
    throw new AppError('VALIDATION', `${field}: at most ${maxPasswordLength} characters`, { field });
}
