import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import {
  correctClassification,
  listCorrections,
  listReviewItems,
  resolveReviewItem,
  undoCorrection,
} from './corrections.ts';
import { Correction, CorrectionBody, IdParam, IntentBody, ReviewItem } from './review-schemas.ts';

const security = [{ bearer: [] }];
export const listReviewRoute = createRoute({
  method: 'get',
  path: '/api/v1/review-items',
  tags: ['review'],
  summary: 'Replies the classifier was unsure of, waiting for a human',
  security,
  responses: {
    200: json(z.object({ items: z.array(ReviewItem) }), 'Open items, oldest first'),
    ...errorResponses,
  },
});

export const resolveReviewRoute = createRoute({
  method: 'post',
  path: '/api/v1/review-items/{id}/resolve',
  tags: ['review'],
  summary: 'Say what the reply means: the lead follows, and the org’s classifier learns',
  security,
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: IntentBody } }, required: true },
  },
  responses: {
    200: json(z.object({ correction: Correction, lead: z.record(z.string(), z.unknown()) }), 'Resolved'),
    ...errorResponses,
  },
});

export const correctRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/{id}/corrections',
  tags: ['review'],
  summary: 'Correct the intent of one of the lead’s replies',
  security,
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': {
          schema: CorrectionBody,
        },
      },
      required: true,
    },
  },
  responses: {
    201: json(z.object({ correction: Correction, lead: z.record(z.string(), z.unknown()) }), 'Corrected'),
    ...errorResponses,
  },
});

export const listCorrectionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/corrections',
  tags: ['review'],
  summary: 'The org’s corrections, newest first (undone ones included)',
  security,
  responses: { 200: json(z.object({ items: z.array(Correction) }), 'Corrections'), ...errorResponses },
});

export const undoCorrectionRoute = createRoute({
  method: 'delete',
  path: '/api/v1/corrections/{id}',
  tags: ['review'],
  summary: 'Undo a correction: it stops teaching the classifier',
  security,
  request: { params: IdParam },
  responses: { 200: json(Correction, 'Undone'), ...errorResponses },
});

export function registerReviewRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listReviewRoute, async (c) =>
    c.json(
      { items: serialiseDates(await listReviewItems(ctx, c.get('actor'))) as z.infer<typeof ReviewItem>[] },
      200,
    ),
  );
  app.openapi(resolveReviewRoute, async (c) => {
    const r = await resolveReviewItem(
      ctx,
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json').intent,
    );
    return c.json(serialiseDates(r) as never, 200);
  });
  app.openapi(correctRoute, async (c) => {
    const r = await correctClassification(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(serialiseDates(r) as never, 201);
  });
  app.openapi(listCorrectionsRoute, async (c) =>
    c.json(
      { items: serialiseDates(await listCorrections(ctx, c.get('actor'))) as z.infer<typeof Correction>[] },
      200,
    ),
  );
  app.openapi(undoCorrectionRoute, async (c) =>
    c.json(
      serialiseDates(await undoCorrection(ctx, c.get('actor'), c.req.valid('param').id)) as z.infer<
        typeof Correction
      >,
      200,
    ),
  );
}
