import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getAssistantRow } from '../assistants/assistant-queries.ts';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, idParam, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import {
  listTemplates,
  placeholderList,
  resetTemplate,
  saveTemplate,
  setProofPoints,
  setQuoteFirstEmail,
} from './assistant-templates.ts';
import { previewEmail } from './preview.ts';
import {
  PreviewBody,
  PreviewResult,
  ProofPointsBody,
  QuoteFirstEmailBody,
  TemplateBody,
  TemplateEntry,
  TemplateList,
  TemplatePairParam,
} from './template-schemas.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may change it') };
const IdParam = z.object({ id: idParam() });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/api/v1/assistants/{id}/templates',
  tags: ['templates'],
  summary: "The assistant's email templates per source and step: its own, else the built-ins",
  security,
  request: { params: IdParam },
  responses: { 200: json(TemplateList, 'Templates'), ...errorResponses },
});

export const putTemplateRoute = createRoute({
  method: 'put',
  path: '/api/v1/assistants/{id}/templates/{source}/{step}',
  tags: ['templates'],
  summary: 'Replace the variants of one source and step with your own (admins)',
  description: 'Refused with 400 naming the field and every unknown placeholder.',
  security,
  request: { params: TemplatePairParam, ...body(TemplateBody) },
  responses: { 200: json(TemplateEntry, 'The template'), ...errorResponses, ...adminOnly },
});

export const deleteTemplateRoute = createRoute({
  method: 'delete',
  path: '/api/v1/assistants/{id}/templates/{source}/{step}',
  tags: ['templates'],
  summary: 'Back to the built-in wording for one source and step (admins)',
  security,
  request: { params: TemplatePairParam },
  responses: { 200: json(TemplateEntry, 'The built-in template'), ...errorResponses, ...adminOnly },
});

export const previewRoute = createRoute({
  method: 'post',
  path: '/api/v1/assistants/{id}/preview',
  tags: ['templates'],
  summary: 'An email rendered exactly as it would be sent, for a lead or for typed-in fields',
  security,
  request: { params: IdParam, ...body(PreviewBody) },
  responses: { 200: json(PreviewResult, 'The rendered email'), ...errorResponses },
});

export const putProofPointsRoute = createRoute({
  method: 'put',
  path: '/api/v1/assistants/{id}/proof-points',
  tags: ['templates'],
  summary: 'Set the short success stories the emails close with as "PS:" (admins)',
  security,
  request: { params: IdParam, ...body(ProofPointsBody) },
  responses: { 200: json(ProofPointsBody, 'The proof points'), ...errorResponses, ...adminOnly },
});

export const putQuoteFirstEmailRoute = createRoute({
  method: 'put',
  path: '/api/v1/assistants/{id}/quote-first-email',
  tags: ['templates'],
  summary: 'Whether follow-ups quote the first email under them (admins)',
  security,
  request: { params: IdParam, ...body(QuoteFirstEmailBody) },
  responses: { 200: json(QuoteFirstEmailBody, 'The setting'), ...errorResponses, ...adminOnly },
});

export function registerTemplateRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listTemplatesRoute, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    const [items, assistant] = await Promise.all([
      listTemplates(ctx, actor, id),
      getAssistantRow(ctx, actor, id),
    ]);
    return c.json(
      {
        items: serialiseDates(items) as z.infer<typeof TemplateEntry>[],
        placeholders: placeholderList,
        proofPoints: assistant.proofPoints,
        quoteFirstEmail: assistant.quoteFirstEmail,
      },
      200,
    );
  });
  app.openapi(putTemplateRoute, async (c) => {
    const { id, source, step } = c.req.valid('param');
    const entry = await saveTemplate(ctx, c.get('actor'), id, source, step, c.req.valid('json').variants);
    return c.json(serialiseDates(entry) as z.infer<typeof TemplateEntry>, 200);
  });
  app.openapi(deleteTemplateRoute, async (c) => {
    const { id, source, step } = c.req.valid('param');
    const entry = await resetTemplate(ctx, c.get('actor'), id, source, step);
    return c.json(serialiseDates(entry) as z.infer<typeof TemplateEntry>, 200);
  });
  app.openapi(previewRoute, async (c) => {
    const b = c.req.valid('json');
    const lead = b.lead && Object.fromEntries(Object.entries(b.lead).filter(([, v]) => v !== null));
    return c.json(await previewEmail(ctx, c.get('actor'), c.req.valid('param').id, { ...b, lead }), 200);
  });
  app.openapi(putProofPointsRoute, async (c) =>
    c.json(
      await setProofPoints(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json').proofPoints),
      200,
    ),
  );
  app.openapi(putQuoteFirstEmailRoute, async (c) =>
    c.json(
      await setQuoteFirstEmail(
        ctx,
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json').quoteFirstEmail,
      ),
      200,
    ),
  );
}
