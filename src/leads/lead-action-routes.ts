import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import {
  ActionBody,
  ActionParam,
  BulkActionBody,
  BulkActionParam,
  BulkActionResult,
} from './lead-action-schemas.ts';
import { applyLeadAction, applyLeadActionToMany } from './lead-actions.ts';
import { leadJson } from './lead-routes.ts';
import { Lead } from './lead-schemas.ts';

const security = [{ bearer: [] }];

export const leadActionRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/{id}/actions/{action}',
  tags: ['leads'],
  summary:
    'Act on a lead: stop, mark hot, unsubscribe, continue, restart, note, handled outside, change owner',
  description:
    'Each action is on the lead’s timeline with the user as actor. A change the lead’s state forbids is a 409 with the reason.',
  security,
  request: {
    params: ActionParam,
    body: { content: { 'application/json': { schema: ActionBody } }, required: false },
  },
  responses: {
    200: json(Lead, 'The lead afterwards'),
    ...errorResponses,
    403: json(ErrorResponse, 'Only admins change owners'),
    409: json(ErrorResponse, 'The lead’s state does not allow it'),
    422: json(ErrorResponse, 'Refused: the address is suppressed'),
  },
});

export const bulkLeadActionRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/actions/{action}',
  tags: ['leads'],
  summary: 'The same action on many leads; a result per lead',
  description:
    'A lead that cannot take the action fails alone, with its code and reason; the others go ahead.',
  security,
  request: {
    params: BulkActionParam,
    body: { content: { 'application/json': { schema: BulkActionBody } }, required: true },
  },
  responses: {
    200: json(BulkActionResult, 'One result per lead, in the order given'),
    ...errorResponses,
    403: json(ErrorResponse, 'Only admins change owners'),
  },
});

export function registerLeadActionRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(leadActionRoute, async (c) => {
    const { id, action } = c.req.valid('param');
    return c.json(leadJson(await applyLeadAction(ctx, c.get('actor'), id, action, c.req.valid('json'))), 200);
  });
  app.openapi(bulkLeadActionRoute, async (c) => {
    const { leadIds, ...input } = c.req.valid('json');
    const results = await applyLeadActionToMany(
      ctx,
      c.get('actor'),
      leadIds,
      c.req.valid('param').action,
      input,
    );
    const ok = results.filter((r) => r.ok).length;
    return c.json(
      {
        results: results.map((r) =>
          r.ok
            ? { leadId: r.leadId, ok: true, state: r.lead.state, subState: r.lead.subState }
            : { leadId: r.leadId, ok: false, error: r.error },
        ),
        succeeded: ok,
        failed: results.length - ok,
      },
      200,
    );
  });
}
