import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import { leadJson } from '../leads/lead-routes.ts';
import { LeadIdParam } from '../leads/lead-schemas.ts';
import type { Ctx } from '../platform/context.ts';
import { introduceLead, previewIntroduction } from './introduce-lead.ts';
import { IntroduceBody, Introduction, IntroductionDraft } from './introduction-schemas.ts';

const security = [{ bearer: [] }];
const request = {
  params: LeadIdParam,
  body: { content: { 'application/json': { schema: IntroduceBody } }, required: false },
};

export const introduceRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/{id}/introduce',
  tags: ['leads'],
  summary: 'Introduce Me: the assistant emails the lead copying you, in its thread; the sequence stops',
  description:
    'The email goes at once (through the send rules), Cc you, Reply-To the assistant and you, under the latest message of the lead’s thread. From then on the assistant does not answer that lead: replies are recorded on its timeline and are yours.',
  security,
  request,
  responses: {
    201: json(Introduction, 'The lead afterwards and the email queued'),
    ...errorResponses,
    409: json(ErrorResponse, 'The lead’s state does not allow it (unsubscribed, deactivated, waiting)'),
  },
});

export const introducePreviewRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/{id}/introduce/preview',
  tags: ['leads'],
  summary: 'The introduction email as it would go now; nothing is sent or changed',
  security,
  request,
  responses: { 200: json(IntroductionDraft, 'The email'), ...errorResponses },
});

export function registerIntroductionRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(introduceRoute, async (c) => {
    const r = await introduceLead(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json') ?? {});
    return c.json(
      {
        lead: leadJson(r.lead),
        message: {
          id: r.message.id,
          messageId: r.message.messageId,
          status: r.message.status,
          dueAt: r.message.dueAt.toISOString(),
        },
        email: r.draft,
      },
      201,
    );
  });
  app.openapi(introducePreviewRoute, async (c) =>
    c.json(
      await previewIntroduction(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json') ?? {}),
      200,
    ),
  );
}
