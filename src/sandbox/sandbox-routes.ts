import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, idParam, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { getSandboxMessage, listSandboxMessages, replyAsLead } from './sandbox-messages.ts';

const security = [{ bearer: [] }];
const SandboxMessage = z
  .object({
    id: z.uuid(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    messageId: z.string(),
    leadId: z.uuid().nullable(),
    sentAt: z.string(),
  })
  .openapi('SandboxMessage');
const IdParam = z.object({ id: idParam() });

export const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/sandbox/messages',
  tags: ['sandbox'],
  summary: 'Every email the assistants sent while no SMTP server is configured',
  security,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
  responses: {
    200: json(z.object({ items: z.array(SandboxMessage) }), 'Messages, newest first'),
    ...errorResponses,
  },
});

export const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/sandbox/messages/{id}',
  tags: ['sandbox'],
  summary: 'One sandbox message with its headers and raw RFC 5322 source',
  security,
  request: { params: IdParam },
  responses: {
    200: json(
      SandboxMessage.extend({
        headers: z.record(z.string(), z.string()),
        raw: z.string(),
        receivedCount: z.number(),
      }),
      'Message',
    ),
    ...errorResponses,
  },
});

export const replyRoute = createRoute({
  method: 'post',
  path: '/api/v1/sandbox/messages/{id}/reply',
  tags: ['sandbox'],
  summary: 'Answer as the lead: the reply enters the inbound pipeline like a real email',
  security,
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': { schema: z.object({ text: z.string().min(1).max(100_000) }).strict() },
      },
      required: true,
    },
  },
  responses: {
    202: json(z.object({ inboundId: z.uuid(), duplicate: z.boolean() }), 'Accepted for processing'),
    ...errorResponses,
  },
});

export function registerSandboxRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listRoute, async (c) =>
    c.json({ items: await listSandboxMessages(ctx, c.get('actor'), c.req.valid('query').limit) }, 200),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await getSandboxMessage(ctx, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(replyRoute, async (c) => {
    const r = await replyAsLead(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json').text);
    return c.json({ inboundId: r.id, duplicate: r.duplicate }, 202);
  });
}
