import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { registerUnsubscribePages } from '../suppression/unsubscribe-pages.ts';
import { registerTrackingRoutes } from '../tracking/tracking-routes.ts';
import { registerWebRoutes } from '../web/web-routes.ts';
import { type ApiEnv, requireActor } from './auth.ts';
import { errorJson, toErrorResponse, validationError } from './error-response.ts';
import { routeTable } from './routes.ts';

// A missing field reads "required" rather than zod's type or enum complaint.
z.config({
  customError: (issue) =>
    issue.input === undefined && issue.code !== 'unrecognized_keys' ? 'required' : undefined,
});

/** The HTTP app: health, the API of routes.ts with its OpenAPI document, the public pages and the web app. */
export function createHttpApp(ctx: Ctx): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        return errorJson(
          c,
          validationError(
            result.error,
            result.target === 'json' ? 'body' : result.target === 'param' ? 'path' : 'query',
          ),
        );
    },
  });
  app.onError((e, c) => toErrorResponse(c, e, ctx.log));
  app.notFound((c) => errorJson(c, new AppError('NOT_FOUND', `No route ${c.req.method} ${c.req.path}`)));

  app.get('/health', async (c) => {
    try {
      await ctx.db.execute(sql`SELECT 1`);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable', reason: 'database unreachable' }, 503);
    }
  });

  const requireAuth = requireActor(ctx);
  app.use('/api/v1/*', async (c, next) => {
    const route = routeTable.find((r) => c.req.path.startsWith(r.prefix));
    if (route?.public) return next();
    return requireAuth(c, next);
  });
  app.use(
    '/api/v1/inbound/*',
    bodyLimit({
      maxSize: ctx.config.INBOUND_MAX_BYTES,
      onError: (c) =>
        errorJson(
          c,
          new AppError(
            'VALIDATION',
            `body: larger than ${ctx.config.INBOUND_MAX_BYTES} bytes (INBOUND_MAX_BYTES)`,
            {
              field: 'body',
            },
          ),
        ),
    }),
  );
  // A lead file may be larger than any JSON body; the upload itself is the limit's only exception.
  const importUpload = bodyLimit({
    maxSize: ctx.config.IMPORT_MAX_BYTES,
    onError: (c) =>
      errorJson(
        c,
        new AppError(
          'VALIDATION',
          `file: larger than ${ctx.config.IMPORT_MAX_BYTES} bytes (IMPORT_MAX_BYTES)`,
          {
            field: 'file',
          },
        ),
      ),
  });
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/api/v1/inbound/')) return next();
    if (c.req.method === 'POST' && c.req.path === '/api/v1/imports') return importUpload(c, next);
    return bodyLimit({
      maxSize: 1024 * 1024,
      onError: (c2) => errorJson(c2, new AppError('VALIDATION', 'body: larger than 1 MB', { field: 'body' })),
    })(c, next);
  });
  for (const r of routeTable) r.register(app, ctx);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API key from `nurture init`',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'inboundSecret', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Nurture-Inbound-Secret',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Nurture API', version: '1', description: 'Self-hosted AI sales assistant' },
  });
  registerUnsubscribePages(app as never, ctx);
  registerTrackingRoutes(app as never, ctx);
  // The web app (SPEC §10): index.html on its screens' paths, /app/* modules, /vendor/* (src/web/).
  registerWebRoutes(app);
  return app;
}
