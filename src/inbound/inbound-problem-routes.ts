import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { InboundProblem, InboundProblemDone, InboundProblemIdParam } from './inbound-problem-schemas.ts';
import { dismissInboundProblem, listInboundProblems, retryInboundProblem } from './inbound-problems.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may do this') };
const conflict = { 409: json(ErrorResponse, 'The message is not quarantined or failed (any more)') };

export const listInboundProblemsRoute = createRoute({
  method: 'get',
  path: '/api/v1/inbound-problems',
  tags: ['inbound'],
  summary: 'Inbound messages that could not be processed (quarantined or failed), newest first',
  description:
    'A message that failed or overran its time budget INBOUND_MAX_ATTEMPTS times, or whose worker died on it, is quarantined with its reason. Only messages that arrived for the caller’s org are listed.',
  security,
  responses: { 200: json(z.object({ items: z.array(InboundProblem) }), 'The problems'), ...errorResponses },
});

export const retryInboundProblemRoute = createRoute({
  method: 'post',
  path: '/api/v1/inbound-problems/{id}/retry',
  tags: ['inbound'],
  summary: 'Process a quarantined message again, its attempts starting over (admins)',
  security,
  request: { params: InboundProblemIdParam },
  responses: { 200: json(InboundProblemDone, 'Queued again'), ...errorResponses, ...adminOnly, ...conflict },
});

export const dismissInboundProblemRoute = createRoute({
  method: 'post',
  path: '/api/v1/inbound-problems/{id}/dismiss',
  tags: ['inbound'],
  summary: 'Set a quarantined message aside for good (admins); the same message arriving again stays ignored',
  security,
  request: { params: InboundProblemIdParam },
  responses: { 200: json(InboundProblemDone, 'Dismissed'), ...errorResponses, ...adminOnly, ...conflict },
});

export function registerInboundProblemRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listInboundProblemsRoute, async (c) => {
    const items = await listInboundProblems(ctx, c.get('actor'));
    return c.json({ items: serialiseDates(items) as z.infer<typeof InboundProblem>[] }, 200);
  });
  app.openapi(retryInboundProblemRoute, async (c) =>
    c.json(await retryInboundProblem(ctx, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(dismissInboundProblemRoute, async (c) =>
    c.json(await dismissInboundProblem(ctx, c.get('actor'), c.req.valid('param').id), 200),
  );
}
