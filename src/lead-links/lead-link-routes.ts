import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { previewLeadLink, useLeadLink } from './lead-link-actions.ts';
import { LeadLinkBody, LeadLinkParams, LeadLinkView } from './lead-link-schemas.ts';

const tags = ['lead-links'];
const refusals = {
  409: { description: 'The link was already used (each works once), or the lead cannot take the action now' },
  422: { description: 'The link has expired' },
};

export const previewLeadLinkRoute = createRoute({
  method: 'post',
  path: '/api/v1/lead-links/{leadId}/preview',
  tags,
  summary:
    'What a signed one-click link of a notification email does, and to which lead; changes nothing. Public: the token is the proof',
  request: {
    params: LeadLinkParams,
    body: { content: { 'application/json': { schema: LeadLinkBody } }, required: true },
  },
  responses: { 200: json(LeadLinkView, 'What the link does'), ...errorResponses, ...refusals },
});

export const useLeadLinkRoute = createRoute({
  method: 'post',
  path: '/api/v1/lead-links/{leadId}/use',
  tags,
  summary:
    'Do what the link says (mark hot, not at risk, handled outside), as the user it was sent to, once. Public: the token is the proof, bound to this lead, this action and an expiry',
  request: {
    params: LeadLinkParams,
    body: { content: { 'application/json': { schema: LeadLinkBody } }, required: true },
  },
  responses: { 200: json(LeadLinkView, 'Done: the lead as it is now'), ...errorResponses, ...refusals },
});

const out = <T>(v: T) => serialiseDates(v) as never;

export function registerLeadLinkRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(previewLeadLinkRoute, async (c) =>
    c.json(out(await previewLeadLink(ctx, c.req.valid('param').leadId, c.req.valid('json').token)), 200),
  );
  app.openapi(useLeadLinkRoute, async (c) =>
    c.json(out(await useLeadLink(ctx, c.req.valid('param').leadId, c.req.valid('json').token)), 200),
  );
}
