import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import { authoriseRoute } from '../access/authorise.ts';
import { authoriseRecord, routesWithoutTheirRecord } from '../access/record-access.ts';
import { routeRules, ruleFor } from '../access/route-rules.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { registerUnsubscribePages } from '../suppression/unsubscribe-pages.ts';
import { registerTrackingRoutes } from '../tracking/tracking-routes.ts';
import { registerWebRoutes } from '../web/web-routes.ts';
import { type ApiEnv, requireActor } from './auth.ts';
import { apiBodyMaxBytes, drainBody, limitBody, pageBodyMaxBytes } from './body-limits.ts';
import { refuseCrossSiteWrites } from './csrf-guard.ts';
import { errorJson, retryAfterSeconds, toErrorResponse, validationError } from './error-response.ts';
import { refuseNulCharacters } from './input-guards.ts';
import { routeTable } from './routes.ts';
import { securityHeaders } from './security-headers.ts';

// A missing field reads "required" rather than zod's type or enum complaint.
z.config({
  customError: (issue) =>
    issue.input === undefined && issue.code !== 'unrecognized_keys' ? 'required' : undefined,
});

/** A path parameter that should be a uuid and is not: it names nothing, so the answer is 404. */
const isBadUuid = (error: z.ZodError) =>
  error.issues.some((i) => i.code === 'invalid_format' && (i as { format?: string }).format === 'uuid');

/** The HTTP app: health, the API of routes.ts with its OpenAPI document, the public pages and the web app. */
export function createHttpApp(ctx: Ctx): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success && result.target === 'param' && isBadUuid(result.error))
        return errorJson(
          c,
          new AppError('NOT_FOUND', `Not found: ${c.req.path} names no record (not an id)`),
        );
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
  // Every response, API or page, gets the same security headers (CSP with frame-ancestors, nosniff…).
  app.use('*', securityHeaders);
  // Public pages (unsubscribe, tracking, the web app) take at most a small form; the API sets its own below.
  const pageBodyLimit = limitBody(pageBodyMaxBytes);
  app.use('*', async (c, next) => (c.req.path.startsWith('/api/v1/') ? next() : pageBodyLimit(c, next)));

  app.get('/health', async (c) => {
    try {
      await ctx.db.execute(sql`SELECT 1`);
      return c.json({ status: 'ok' });
    } catch {
      c.header('Retry-After', String(retryAfterSeconds));
      return c.json({ status: 'unavailable', reason: 'database unreachable' }, 503);
    }
  });

  // A write carried by the session cookie must come from Nurture's own pages (CSRF), before anything else.
  app.use('/api/v1/*', refuseCrossSiteWrites(ctx.config));
  // Every API call is decided by its route's rule (access/route-rules.ts) before the handler runs.
  const requireAuth = requireActor(ctx);
  app.use('/api/v1/*', async (c, next) => {
    const found = ruleFor(c.req.method, c.req.path);
    if (found?.rule === 'public') return next();
    return requireAuth(c, async () => {
      // No rule: no such route (createHttpApp refuses to start with a route that has none), so 404.
      if (found) authoriseRoute(c.get('actor'), found.rule, `${c.req.method} ${found.template}`);
      await next();
    });
  });
  app.use(
    '/api/v1/inbound/*',
    bodyLimit({
      maxSize: ctx.config.INBOUND_MAX_BYTES,
      onError: async (c) => {
        await drainBody(c.req.raw);
        return errorJson(
          c,
          new AppError(
            'VALIDATION',
            `body: larger than ${ctx.config.INBOUND_MAX_BYTES} bytes (INBOUND_MAX_BYTES)`,
            {
              field: 'body',
            },
          ),
        );
      },
    }),
  );
  // A lead file may be larger than any JSON body; the upload itself is the limit's only exception.
  const importUpload = bodyLimit({
    maxSize: ctx.config.IMPORT_MAX_BYTES,
    onError: async (c) => {
      await drainBody(c.req.raw);
      return errorJson(
        c,
        new AppError(
          'VALIDATION',
          `file: larger than ${ctx.config.IMPORT_MAX_BYTES} bytes (IMPORT_MAX_BYTES)`,
          {
            field: 'file',
          },
        ),
      );
    },
  });
  // Every other API call is JSON: one limit (a route with larger bodies is skipped here and sets its own).
  const apiBodyLimit = limitBody(apiBodyMaxBytes);
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/api/v1/inbound/')) return next();
    if (c.req.method === 'POST' && c.req.path === '/api/v1/imports') return importUpload(c, next);
    return apiBodyLimit(c, next);
  });
  // After the limits: a NUL in any query, path or JSON body is a 4xx here, never a database error.
  app.use('*', refuseNulCharacters);
  // After the input guards (a NUL is a 400 whoever asks): the record the path names must be one the
  // actor may see (access/record-access.ts), else 404 as for another org's id — before the body is read.
  app.use('/api/v1/*', async (c, next) => {
    const found = ruleFor(c.req.method, c.req.path);
    const actor = c.get('actor');
    if (found && actor) await authoriseRecord(ctx.db, actor, found.rule, found.template, c.req.path);
    await next();
  });
  for (const r of routeTable) r.register(app, ctx);
  assertEveryRouteHasARule(app);

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

/** A route without an access rule would be open to any signed-in user by accident: refuse to start. */
function assertEveryRouteHasARule(app: OpenAPIHono<ApiEnv>): void {
  const missing = app.openAPIRegistry.definitions
    .filter((d) => d.type === 'route')
    .map((d) => `${d.route.method.toUpperCase()} ${d.route.path}`)
    .filter((key) => !(key in routeRules));
  if (missing.length)
    throw new Error(`Routes without an access rule in access/route-rules.ts:\n${missing.join('\n')}`);
  const unloadable = routesWithoutTheirRecord(routeRules);
  if (unloadable.length)
    throw new Error(
      `Record rules whose record access/record-access.ts cannot load:\n${unloadable.join('\n')}`,
    );
}
