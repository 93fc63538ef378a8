import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { editLead, editLeads, type LeadChanges } from './lead-edit.ts';
import { BulkEditBody, BulkEditResult, type LeadChangesBody, LeadPatchBody } from './lead-edit-schemas.ts';
import { leadJson } from './lead-routes.ts';
import { Lead, LeadIdParam } from './lead-schemas.ts';

const security = [{ bearer: [] }];

export const patchLeadRoute = createRoute({
  method: 'patch',
  path: '/api/v1/leads/{id}',
  tags: ['leads'],
  summary: 'Edit a lead: details, tags, custom fields, schedule, next follow-up, assistant, owner',
  description:
    'Each change is on the lead’s timeline (lead_edited, old and new values, by the user). A new schedule re-plans the unsent steps; nextFollowUpAt moves the next step, later ones keep their gaps.',
  security,
  request: {
    params: LeadIdParam,
    body: { content: { 'application/json': { schema: LeadPatchBody } }, required: true },
  },
  responses: {
    200: json(Lead, 'The lead afterwards'),
    ...errorResponses,
    403: json(ErrorResponse, 'The owner is outside the access rules'),
    409: json(ErrorResponse, 'Already a lead of that assistant, or no follow-up to move'),
  },
});

export const bulkEditLeadsRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/edit',
  tags: ['leads'],
  summary: 'The same edit on many leads (e.g. add a tag, set the owner); a result per lead',
  security,
  request: { body: { content: { 'application/json': { schema: BulkEditBody } }, required: true } },
  responses: { 200: json(BulkEditResult, 'One result per lead, in the order given'), ...errorResponses },
});

const changesOf = (b: z.infer<typeof LeadChangesBody>): LeadChanges => ({
  ...b,
  nextFollowUpAt: b.nextFollowUpAt ? new Date(b.nextFollowUpAt) : undefined,
});

export function registerLeadEditRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(patchLeadRoute, async (c) =>
    c.json(
      leadJson(await editLead(ctx, c.get('actor'), c.req.valid('param').id, changesOf(c.req.valid('json')))),
      200,
    ),
  );
  app.openapi(bulkEditLeadsRoute, async (c) => {
    const { leadIds, changes } = c.req.valid('json');
    const results = await editLeads(ctx, c.get('actor'), leadIds, changesOf(changes));
    const ok = results.filter((r) => r.ok).length;
    return c.json(
      {
        results: results.map((r) =>
          r.ok ? { leadId: r.leadId, ok: true } : { leadId: r.leadId, ok: false, error: r.error },
        ),
        succeeded: ok,
        failed: results.length - ok,
      },
      200,
    );
  });
}
