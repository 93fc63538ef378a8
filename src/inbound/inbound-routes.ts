import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { orgOfInboundSecret } from '../accounts/inbound-secret.ts';
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
  description:
    'Authenticated only by the org’s inbound secret in the X-Nurture-Inbound-Secret header (from `nurture init --json`, or rotated by an admin); a user’s API key is not accepted. The message is matched only among that org’s leads.',
  security: [{ inboundSecret: [] }],
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
    // Before the body is read: an unknown caller costs one indexed lookup.
    const orgId = await orgOfInboundSecret(ctx.db, c.req.header('x-nurture-inbound-secret'));
    const type = c.req.header('content-type') ?? '';
    if (!/^message\/rfc822\b/i.test(type))
      throw new AppError('VALIDATION', 'Content-Type: must be message/rfc822', { field: 'Content-Type' });
    // The body's size is limited as it streams in (http/app.ts, INBOUND_MAX_BYTES).
    const raw = Buffer.from(await c.req.arrayBuffer());
    const r = await ingestRaw(ctx, 'http', raw, { orgId });
    return c.json({ id: r.id, duplicate: r.duplicate }, 202);
  });
}
