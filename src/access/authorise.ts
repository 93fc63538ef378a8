import type { Actor } from '../accounts/actor.ts';
import { AppError } from '../errors/app-error.ts';
import type { RouteRule } from './route-rules.ts';

/**
 * The access decision for a route's rule that needs only the actor, before
 * its handler runs (the `admin` role). Rules about one record (`lead`,
 * `lead-record`, `assistant`, `assistant-manager`, `self` with an id) are
 * decided by `record-access.ts` once the input guards have passed.
 */
export function authoriseRoute(actor: Actor, rule: RouteRule, route: string): void {
  if (rule === 'admin') requireAdmin(actor, `call ${route}`);
}

/**
 * The same role check for domain calls that are not only reached through a
 * route (a worker, the CLI, another capability): one wording, one place.
 */
export function requireAdmin(actor: Actor, what: string): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', `Only an organisation admin may ${what}`);
}
