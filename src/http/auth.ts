import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Actor } from '../accounts/actor.ts';
import { actorFromApiKey, actorFromSession } from '../accounts/authenticate.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';

export const sessionCookie = 'nurture_session';
export type ApiEnv = { Variables: { actor: Actor } };

/** API calls use `Authorization: Bearer <apiKey>`; the UI uses the session cookie. */
export const requireActor = (ctx: Ctx) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError('UNAUTHENTICATED', 'Authorization header must be "Bearer <apiKey>"');
      c.set('actor', await actorFromApiKey(ctx.db, m[1]!));
    } else {
      const token = getCookie(c, sessionCookie);
      if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in, or send Authorization: Bearer <apiKey>');
      c.set('actor', await actorFromSession(ctx.db, token, ctx.now()));
    }
    await next();
  });
