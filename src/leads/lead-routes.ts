import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { addLead } from './add-lead.ts';
import { getVisibleLead, leadTimeline } from './lead-queries.ts';
import { CreateLeadBody, Lead, LeadIdParam, LeadPage, ListLeadsQuery, TimelineItem } from './lead-schemas.ts';
import type { LeadRow } from './lead-state-change.ts';
import { listLeads } from './list-leads.ts';

const security = [{ bearer: [] }];

export const createLeadRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads',
  tags: ['leads'],
  summary: 'Add a lead; its first email is scheduled at once',
  security,
  request: { body: { content: { 'application/json': { schema: CreateLeadBody } }, required: true } },
  responses: {
    201: json(Lead, 'The lead'),
    ...errorResponses,
    409: json(z.object({ error: z.object({ message: z.string() }) }), 'Already a lead of this assistant'),
    422: json(z.object({ error: z.object({ message: z.string() }) }), 'Refused: suppressed or excluded'),
  },
});

export const listLeadsRoute = createRoute({
  method: 'get',
  path: '/api/v1/leads',
  tags: ['leads'],
  summary: 'The lead list, newest first, filtered, in pages (members see their own leads)',
  security,
  request: { query: ListLeadsQuery },
  responses: { 200: json(LeadPage, 'A page of leads'), ...errorResponses },
});

export const getLeadRoute = createRoute({
  method: 'get',
  path: '/api/v1/leads/{id}',
  tags: ['leads'],
  summary: 'One lead with its state, sub-state and at-risk flag',
  security,
  request: { params: LeadIdParam },
  responses: { 200: json(Lead, 'The lead'), ...errorResponses },
});

export const leadTimelineRoute = createRoute({
  method: 'get',
  path: '/api/v1/leads/{id}/timeline',
  tags: ['leads'],
  summary: "The lead's events and messages, oldest first",
  security,
  request: { params: LeadIdParam },
  responses: { 200: json(z.object({ items: z.array(TimelineItem) }), 'Timeline'), ...errorResponses },
});

export function registerLeadRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(createLeadRoute, async (c) => {
    const body = c.req.valid('json');
    const lead = await addLead(ctx, c.get('actor'), {
      ...body,
      firstSendAt: body.firstSendAt ? new Date(body.firstSendAt) : null,
    });
    return c.json(leadJson(lead), 201);
  });
  app.openapi(listLeadsRoute, async (c) => {
    const q = c.req.valid('query');
    const date = (v: string | undefined) => (v ? new Date(v) : undefined);
    const page = await listLeads(ctx, c.get('actor'), {
      ...q,
      state: q.state?.split(','),
      tags: tagList(q.tag),
      notTags: tagList(q.notTag),
      atRisk: q.atRisk === undefined ? undefined : q.atRisk === 'true',
      createdFrom: date(q.createdFrom),
      createdTo: date(q.createdTo),
      scheduledFrom: date(q.scheduledFrom),
      scheduledTo: date(q.scheduledTo),
      limit: q.limit ? Number(q.limit) : undefined,
    });
    return c.json({ items: page.items.map(leadJson), nextCursor: page.nextCursor }, 200);
  });
  app.openapi(getLeadRoute, async (c) =>
    c.json(leadJson(await getVisibleLead(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(leadTimelineRoute, async (c) => {
    const items = await leadTimeline(ctx, c.get('actor'), c.req.valid('param').id);
    return c.json({ items: serialiseDates(items) as z.infer<typeof TimelineItem>[] }, 200);
  });
}

const tagList = (v: string | undefined) =>
  v
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);

export function leadJson(l: LeadRow): z.infer<typeof Lead> {
  // Tokens are secrets; the plan columns are how re-planning counts, not what a user reads.
  const {
    replyToken: _r,
    unsubscribeToken: _u,
    orgId: _o,
    stateChangedAt: _s,
    planBaseStep: _b,
    planBaseAt: _a,
    planThreadRoot: _t,
    introducedBy: _i,
    ...rest
  } = l;
  return serialiseDates(rest) as z.infer<typeof Lead>;
}
