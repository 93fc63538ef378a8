import type { Actor } from '../accounts/actor.ts';
import { AppError } from '../errors/app-error.ts';
import type { RouteRule } from './route-rules.ts';

/**
 * The access decision for a route's rule, before its handler runs. Rules
 * about one record (`lead`, `lead-record`, `assistant`, …) are also decided
 * where the record is read, scoped by org: a caller who may not see it gets
 * NOT_FOUND, the same answer as for another org's id.
 */
export function authoriseRoute(actor: Actor, rule: RouteRule, route: string): void {
  if (rule === 'admin' && actor.role !== 'admin')
    throw new AppError('FORBIDDEN', `Only an org admin may call ${route}`);
}
