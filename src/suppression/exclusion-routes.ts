import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import {
  AddExclusionsBody,
  AddedExclusions,
  AssistantIdParam,
  Exclusion,
  ExclusionList,
  ExclusionParams,
} from './exclusion-schemas.ts';
import { addExclusions, listExclusions, removeExclusion } from './exclusions.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may change it') };

export const listExclusionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/assistants/{id}/exclusions',
  tags: ['assistants'],
  summary: "The assistant's exclusion list: addresses and domains it never emails",
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(ExclusionList, 'Entries, alphabetically'), ...errorResponses },
});

export const addExclusionsRoute = createRoute({
  method: 'post',
  path: '/api/v1/assistants/{id}/exclusions',
  tags: ['assistants'],
  summary: 'Add addresses or domains to the exclusion list (admins)',
  description:
    'Idempotent: entries already listed are reported, not doubled. New leads matching an entry are refused (422); leads already on the assistant get no further email, each skipped email on their timeline with the entry that stopped it.',
  security,
  request: {
    params: AssistantIdParam,
    body: { content: { 'application/json': { schema: AddExclusionsBody } }, required: true },
  },
  responses: { 200: json(AddedExclusions, 'What was added'), ...errorResponses, ...adminOnly },
});

export const deleteExclusionRoute = createRoute({
  method: 'delete',
  path: '/api/v1/assistants/{id}/exclusions/{pattern}',
  tags: ['assistants'],
  summary: 'Take an address or domain off the exclusion list (admins)',
  description:
    "Matching leads' steps that fall due from now on go again; the emails skipped while it was listed stay skipped.",
  security,
  request: { params: ExclusionParams },
  responses: { 200: json(Exclusion, 'The entry removed'), ...errorResponses, ...adminOnly },
});

export function registerExclusionRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listExclusionsRoute, async (c) =>
    c.json(
      { items: (await listExclusions(ctx, c.get('actor'), c.req.valid('param').id)).map(exclusionJson) },
      200,
    ),
  );
  app.openapi(addExclusionsRoute, async (c) => {
    const r = await addExclusions(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json').entries);
    return c.json({ ...r, added: r.added.map(exclusionJson) }, 200);
  });
  app.openapi(deleteExclusionRoute, async (c) => {
    const { id, pattern } = c.req.valid('param');
    return c.json(exclusionJson(await removeExclusion(ctx, c.get('actor'), id, pattern)), 200);
  });
}

const exclusionJson = (e: Parameters<typeof serialiseDates>[0]) =>
  serialiseDates(e) as z.infer<typeof Exclusion>;
