import { timingSafeEqual } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { actorFromApiKey } from '../accounts/authenticate.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { ingestRaw } from './ingest.ts';

export const inboundRawRoute = createRoute({
  method: 'post',
  path: '/api/v1/inbound/raw',
  tags: ['inbound'],
  summary: 'Hand Nurture a raw RFC 5322 message (mail-provider webhooks)',
  description: 'Authenticate with the X-Nurture-Inbound-Secret header (INBOUND_SECRET) or an API key.',
  security: [{ inboundSecret: [] }, { bearer: [] }],
  request: {
    body: {
      content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } },
      required: true,
    },
  },
  responses: {
    202: json(z.object({ id: z.uuid(), duplicate: z.boolean() }), 'Stored; processed by the worker'),
    ...errorResponses,
  },
});

export function registerInboundRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(inboundRawRoute, async (c) => {
    const orgId = await authorise(
      ctx,
      c.req.header('x-nurture-inbound-secret'),
      c.req.header('authorization'),
    );
    const type = c.req.header('content-type') ?? '';
    if (!/^message\/rfc822\b/i.test(type))
      throw new AppError('VALIDATION', 'Content-Type: must be message/rfc822', { field: 'Content-Type' });
    // The body's size is limited as it streams in (http/app.ts, INBOUND_MAX_BYTES).
    const raw = Buffer.from(await c.req.arrayBuffer());
    const r = await ingestRaw(ctx, 'http', raw, { orgId });
    return c.json({ id: r.id, duplicate: r.duplicate }, 202);
  });
}

/** Who may hand in mail: the instance's secret (no org: matched across orgs) or an org's API key (that org only). */
async function authorise(
  ctx: Ctx,
  secret: string | undefined,
  authorization: string | undefined,
): Promise<string | null> {
  const expected = ctx.config.INBOUND_SECRET;
  if (secret && expected) {
    const a = Buffer.from(secret);
    const b = Buffer.from(expected);
    if (a.length === b.length && timingSafeEqual(a, b)) return null;
    throw new AppError('UNAUTHENTICATED', 'Wrong inbound secret');
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) {
    return (await actorFromApiKey(ctx.db, bearer)).orgId;
  }
  throw new AppError('UNAUTHENTICATED', 'Send X-Nurture-Inbound-Secret or Authorization: Bearer <apiKey>');
}
