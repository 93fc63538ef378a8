import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import {
  CloneScheduleBody,
  CreateScheduleBody,
  Schedule,
  ScheduleIdParam,
  UpdateScheduleBody,
} from './schedule-schemas.ts';
import {
  cloneSchedule,
  createSchedule,
  deleteSchedule,
  getScheduleView,
  listSchedules,
  type ScheduleView,
  updateSchedule,
} from './schedules.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may change schedules') };
const body = <T extends z.ZodType>(schema: T, required = true) => ({
  content: { 'application/json': { schema } },
  required,
});

export const listSchedulesRoute = createRoute({
  method: 'get',
  path: '/api/v1/schedules',
  tags: ['schedules'],
  summary: "The org's schedules, with how many leads and assistants use each",
  security,
  responses: { 200: json(z.object({ items: z.array(Schedule) }), 'Schedules'), ...errorResponses },
});

export const createScheduleRoute = createRoute({
  method: 'post',
  path: '/api/v1/schedules',
  tags: ['schedules'],
  summary: 'Create a schedule (admins)',
  security,
  request: { body: body(CreateScheduleBody) },
  responses: { 201: json(Schedule, 'The schedule'), ...errorResponses, ...adminOnly },
});

export const getScheduleRoute = createRoute({
  method: 'get',
  path: '/api/v1/schedules/{id}',
  tags: ['schedules'],
  summary: 'One schedule',
  security,
  request: { params: ScheduleIdParam },
  responses: { 200: json(Schedule, 'The schedule'), ...errorResponses },
});

export const updateScheduleRoute = createRoute({
  method: 'patch',
  path: '/api/v1/schedules/{id}',
  tags: ['schedules'],
  summary: 'Rename or re-step a schedule; the leads still on it are re-planned (admins)',
  description:
    "Sent steps stay sent. Each running lead's remaining steps move to their new day offsets from its first message; steps are added or removed to match, and the lead's timeline says so.",
  security,
  request: { params: ScheduleIdParam, body: body(UpdateScheduleBody) },
  responses: {
    200: json(
      Schedule.extend({ replannedLeads: z.number().int() }).openapi('UpdatedSchedule'),
      'The schedule, and how many leads were re-planned',
    ),
    ...errorResponses,
    ...adminOnly,
  },
});

export const cloneScheduleRoute = createRoute({
  method: 'post',
  path: '/api/v1/schedules/{id}/clone',
  tags: ['schedules'],
  summary: 'Copy a schedule to edit (admins)',
  security,
  request: { params: ScheduleIdParam, body: body(CloneScheduleBody, false) },
  responses: { 201: json(Schedule, 'The copy'), ...errorResponses, ...adminOnly },
});

export const deleteScheduleRoute = createRoute({
  method: 'delete',
  path: '/api/v1/schedules/{id}',
  tags: ['schedules'],
  summary: 'Delete a schedule nobody uses (admins)',
  security,
  request: { params: ScheduleIdParam },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses,
    ...adminOnly,
    409: json(ErrorResponse, 'In use: the message says by how many leads and assistants'),
  },
});

export function registerScheduleRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listSchedulesRoute, async (c) =>
    c.json({ items: (await listSchedules(ctx, c.get('actor'))).map(scheduleJson) }, 200),
  );
  app.openapi(createScheduleRoute, async (c) =>
    c.json(scheduleJson(await createSchedule(ctx, c.get('actor'), c.req.valid('json'))), 201),
  );
  app.openapi(getScheduleRoute, async (c) =>
    c.json(scheduleJson(await getScheduleView(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(updateScheduleRoute, async (c) => {
    const updated = await updateSchedule(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ...scheduleJson(updated), replannedLeads: updated.replannedLeads }, 200);
  });
  app.openapi(cloneScheduleRoute, async (c) =>
    c.json(
      scheduleJson(await cloneSchedule(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'))),
      201,
    ),
  );
  app.openapi(deleteScheduleRoute, async (c) => {
    await deleteSchedule(ctx, c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}

function scheduleJson(s: ScheduleView): z.infer<typeof Schedule> {
  const { orgId: _o, ...rest } = s;
  return serialiseDates({
    id: rest.id,
    name: rest.name,
    steps: rest.steps,
    startsAtStep: rest.startsAtStep,
    usedBy: rest.usedBy,
    createdAt: rest.createdAt,
    updatedAt: rest.updatedAt,
  }) as z.infer<typeof Schedule>;
}
