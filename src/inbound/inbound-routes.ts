import { timingSafeEqual } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { actorFromApiKey } from '../accounts/authenticate.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { ingestRaw, maxInboundBytes } from './ingest.ts';

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
    await authorise(ctx, c.req.header('x-nurture-inbound-secret'), c.req.header('authorization'));
    const type = c.req.header('content-type') ?? '';
    if (!/^message\/rfc822\b/i.test(type))
      throw new AppError('VALIDATION', 'Content-Type: must be message/rfc822', { field: 'Content-Type' });
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > maxInboundBytes)
      throw new AppError('VALIDATION', 'body: message too large', { field: 'body' });
    const raw = Buffer.from(await c.req.arrayBuffer());
    const r = await ingestRaw(ctx, 'http', raw);
    return c.json({ id: r.id, duplicate: r.duplicate }, 202);
  });
}

async function authorise(
  ctx: Ctx,
  secret: string | undefined,
  authorization: string | undefined,
): Promise<void> {
  const expected = ctx.config.INBOUND_SECRET;
  if (secret && expected) {
    const a = Buffer.from(secret);
    const b = Buffer.from(expected);
    if (a.length === b.length && timingSafeEqual(a, b)) return;
    throw new AppError('UNAUTHENTICATED', 'Wrong inbound secret');
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) {
    await actorFromApiKey(ctx.db, bearer);
    return;
  }
  throw new AppError('UNAUTHENTICATED', 'Send X-Nurture-Inbound-Secret or Authorization: Bearer <apiKey>');
}
