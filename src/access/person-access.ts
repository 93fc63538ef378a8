import type { Actor } from '../accounts/actor.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * Who may export or erase a person (SPEC §12 with §10.2): the route's
 * `lead-owner` rule lets the owner of the lead in the path, or an admin,
 * through. A person is their address, though, and may be a lead of other
 * users too (another assistant, an earlier run): a user who is not an admin
 * acts on them only if every one of those leads is theirs, so nobody reads
 * or removes a colleague's leads by erasing their own.
 */
export function requirePersonRights(
  actor: Actor,
  personLeads: readonly { ownerId: string }[],
  what: 'export' | 'erase',
): void {
  if (actor.role === 'admin') return;
  if (personLeads.every((l) => l.ownerId === actor.userId)) return;
  throw new AppError(
    'FORBIDDEN',
    `This person is also a lead of another user: only an organisation admin may ${what} their data`,
  );
}
