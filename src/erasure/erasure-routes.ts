import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { erasePerson, listErasures } from './erase-person.ts';
import { Erasure, ErasureResult, LeadIdParam, PersonExport } from './erasure-schemas.ts';
import { exportPerson } from './person-export.ts';

const security = [{ bearer: [] }];
const forbidden = { 403: json(ErrorResponse, 'Not the lead’s owner nor an admin') };

export const exportPersonRoute = createRoute({
  method: 'get',
  path: '/api/v1/leads/{id}/export',
  tags: ['erasure'],
  summary: 'Everything Nurture holds about the person this lead is (JSON, a download)',
  security,
  request: { params: LeadIdParam },
  responses: { 200: json(PersonExport, 'The person’s data'), ...errorResponses, ...forbidden },
});

export const erasePersonRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/{id}/erase',
  tags: ['erasure'],
  summary:
    'Erase the person this lead is (GDPR): their leads, emails, timeline, raw mail and the rest go; only a hash of the address stays, so they are never emailed again',
  security,
  request: { params: LeadIdParam },
  responses: { 200: json(ErasureResult, 'Erased'), ...errorResponses, ...forbidden },
});

export const listErasuresRoute = createRoute({
  method: 'get',
  path: '/api/v1/erasures',
  tags: ['erasure'],
  summary: 'The org’s erasures: when, by whom, how much, the address’s hash (admins)',
  security,
  responses: {
    200: json(z.object({ items: z.array(Erasure) }), 'Erasures, newest first'),
    ...errorResponses,
  },
});

export function registerErasureRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(exportPersonRoute, async (c) => {
    const id = c.req.valid('param').id;
    const data = serialiseDates(await exportPerson(ctx, c.get('actor'), id));
    c.header('Content-Disposition', `attachment; filename="person-${id}.json"`);
    return c.json(data as z.infer<typeof PersonExport>, 200);
  });
  app.openapi(erasePersonRoute, async (c) =>
    c.json(await erasePerson(ctx, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(listErasuresRoute, async (c) => {
    const rows = await listErasures(ctx, c.get('actor').orgId);
    const items = rows.map(({ orgId: _o, ...r }) => serialiseDates(r) as z.infer<typeof Erasure>);
    return c.json({ items }, 200);
  });
}
