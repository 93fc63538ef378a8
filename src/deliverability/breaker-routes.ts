import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { type BreakerView, listBreakers } from './breaker-queries.ts';
import { resumeBreaker } from './breaker-resume.ts';
import { Breaker, BreakerIdParam, ResumeResult } from './deliverability-schemas.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may do this') };
const conflict = { 409: json(ErrorResponse, 'The breaker is armed already') };

export const listBreakersRoute = createRoute({
  method: 'get',
  path: '/api/v1/deliverability/breakers',
  tags: ['deliverability'],
  summary: "The org's hard-bounce and complaint breakers per mailbox, assistant and org, with their rates",
  security,
  responses: { 200: json(z.object({ items: z.array(Breaker) }), 'Breakers'), ...errorResponses },
});

export const resumeBreakerRoute = createRoute({
  method: 'post',
  path: '/api/v1/deliverability/breakers/{id}/resume',
  tags: ['deliverability'],
  summary: 'Re-arm a breaker that warned or tripped, and send the emails it held (admins)',
  description:
    'The window restarts now, so the bounces that tripped it cannot trip it again. Breakers of the same kind over the same assistants are re-armed with it.',
  security,
  request: { params: BreakerIdParam },
  responses: { 200: json(ResumeResult, 'Re-armed'), ...errorResponses, ...adminOnly, ...conflict },
});

const breakerJson = (b: BreakerView) => serialiseDates(b) as z.infer<typeof Breaker>;

export function registerBreakerRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listBreakersRoute, async (c) =>
    c.json({ items: (await listBreakers(ctx, c.get('actor'))).map(breakerJson) }, 200),
  );
  app.openapi(resumeBreakerRoute, async (c) => {
    const r = await resumeBreaker(ctx, c.get('actor'), c.req.valid('param').id);
    return c.json({ ...r, breaker: breakerJson(r.breaker) }, 200);
  });
}
