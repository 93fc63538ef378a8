import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Actor } from '../accounts/actor.ts';
import { inboundSecretStatus, setNewInboundSecret } from '../accounts/inbound-secret.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { InboundSecretStatus, RotatedInboundSecret } from './inbound-secret-schemas.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may do this') };

export const inboundSecretStatusRoute = createRoute({
  method: 'get',
  path: '/api/v1/inbound-secret',
  tags: ['inbound'],
  summary: 'Whether the org has an inbound secret for POST /api/v1/inbound/raw, and since when (admins)',
  security,
  responses: { 200: json(InboundSecretStatus, 'The secret’s status'), ...errorResponses, ...adminOnly },
});

export const rotateInboundSecretRoute = createRoute({
  method: 'post',
  path: '/api/v1/inbound-secret/rotate',
  tags: ['inbound'],
  summary: 'Make a new inbound secret, shown once; the old one stops working at once (admins)',
  security,
  responses: { 200: json(RotatedInboundSecret, 'The new secret'), ...errorResponses, ...adminOnly },
});

/** The route table's rule says `admin` too; the domain call does not rely on it alone. */
function admin(actor: Actor): string {
  if (actor.role !== 'admin')
    throw new AppError('FORBIDDEN', 'Only an organisation admin may see or rotate the inbound secret');
  return actor.orgId;
}

export function registerInboundSecretRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(inboundSecretStatusRoute, async (c) => {
    const s = await inboundSecretStatus(ctx.db, admin(c.get('actor')));
    return c.json(
      { set: s.set, setAt: s.setAt?.toISOString() ?? null } as z.infer<typeof InboundSecretStatus>,
      200,
    );
  });
  app.openapi(rotateInboundSecretRoute, async (c) => {
    const orgId = admin(c.get('actor'));
    const inboundSecret = await setNewInboundSecret(ctx.db, orgId);
    const s = await inboundSecretStatus(ctx.db, orgId);
    ctx.log.info('inbound secret rotated', { orgId });
    return c.json({ inboundSecret, setAt: (s.setAt ?? ctx.now()).toISOString() }, 200);
  });
}
