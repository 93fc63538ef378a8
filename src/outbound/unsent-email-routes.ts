import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { listUnsentEmails, retryUnsentEmails, unsentStatuses } from './unsent-emails.ts';

const security = [{ bearer: [] }];

const Status = z.enum(unsentStatuses);
const UnsentEmail = z
  .object({
    id: z.string().uuid(),
    leadId: z.string().uuid(),
    lead: z.object({
      email: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      company: z.string().nullable(),
      state: z.string(),
    }),
    step: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Sequence step, from 0; null for a one-off message' }),
    status: Status.openapi({
      description:
        'uncertain: a worker stopped while the mail server had it, delivery unknown; failed: refused for good, or temporary failures past SEND_GIVE_UP_AFTER_MS',
    }),
    error: z.string().nullable(),
    at: z.string().openapi({ description: 'When it was last tried' }),
    attempts: z.number().int(),
    subject: z.string().nullable(),
  })
  .openapi('UnsentEmail');

const StatusFilter = z
  .string()
  .regex(/^(uncertain|failed)(,(uncertain|failed))*$/, 'uncertain, failed or both, comma-separated')
  .optional()
  .openapi({ description: 'uncertain, failed, or both (default)', example: 'uncertain' });

const RetryResult = z
  .object({
    retried: z.array(z.object({ id: z.string().uuid(), leadId: z.string().uuid(), was: Status })),
  })
  .openapi('RetryResult');

const parseStatuses = (s: string | undefined) =>
  s ? ([...new Set(s.split(','))] as (typeof unsentStatuses)[number][]) : [...unsentStatuses];

export const listUnsentRoute = createRoute({
  method: 'get',
  path: '/api/v1/unsent-emails',
  tags: ['sending'],
  summary: 'Emails that did not go and will not go by themselves: uncertain and failed sends, newest first',
  description: 'An admin sees the organisation’s, a member those of their own leads.',
  security,
  request: {
    query: z.object({
      status: StatusFilter,
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z.string().max(200).optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(UnsentEmail), nextCursor: z.string().nullable() }), 'A page of them'),
    ...errorResponses,
  },
});

export const retryUnsentRoute = createRoute({
  method: 'post',
  path: '/api/v1/unsent-emails/{id}/retry',
  tags: ['sending'],
  summary: 'Send one again (admins, or the lead’s owner)',
  description:
    'It becomes due now and goes through the send rules like any email: a lead stopped or found invalid since is not emailed, and its timeline says why. The retry is on the timeline.',
  security,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: json(RetryResult, 'Retried'),
    ...errorResponses,
    409: json(ErrorResponse, 'It is not uncertain or failed (retried already, or sent)'),
  },
});

export const retryAllUnsentRoute = createRoute({
  method: 'post',
  path: '/api/v1/unsent-emails/retry-all',
  tags: ['sending'],
  summary: 'Send every visible unsent email again (of the given statuses), each through the send rules',
  security,
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ status: z.array(Status).min(1).optional() }) } },
      required: false,
    },
  },
  responses: { 200: json(RetryResult, 'Those retried'), ...errorResponses },
});

export function registerUnsentEmailRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listUnsentRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await listUnsentEmails(ctx, c.get('actor'), {
      statuses: parseStatuses(q.status),
      limit: q.limit,
      cursor: q.cursor,
    });
    return c.json(serialiseDates(page) as never, 200);
  });
  app.openapi(retryAllUnsentRoute, async (c) => {
    const statuses = c.req.valid('json')?.status ?? [...unsentStatuses];
    return c.json(await retryUnsentEmails(ctx, c.get('actor'), { statuses }), 200);
  });
  app.openapi(retryUnsentRoute, async (c) =>
    c.json(await retryUnsentEmails(ctx, c.get('actor'), { id: c.req.valid('param').id }), 200),
  );
}
