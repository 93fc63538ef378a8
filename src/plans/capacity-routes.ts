import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../errors/app-error.ts';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { CapacityView } from './capacity-schemas.ts';
import { capacityView } from './org-plan.ts';

export const capacityRoute = createRoute({
  method: 'get',
  path: '/api/v1/capacity',
  tags: ['plans'],
  summary:
    'The plan: active-lead cap, how much is used, the EmailCC reserve, waiting leads, next activation (admins)',
  security: [{ bearer: [] }],
  responses: {
    200: json(CapacityView, 'The org’s capacity'),
    ...errorResponses,
    403: json(ErrorResponse, 'Only admins may see the plan'),
  },
});

export function registerCapacityRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(capacityRoute, async (c) => {
    const actor = c.get('actor');
    // The route table's rule says `admin` too; the domain call does not rely on it alone.
    if (actor.role !== 'admin')
      throw new AppError('FORBIDDEN', 'Only an organisation admin may see the plan');
    return c.json(await capacityView(ctx.db, actor.orgId, ctx.now()), 200);
  });
}
