import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { multipartFile } from '../http/multipart-file.ts';
import { errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import {
  ImportIdParam,
  ImportRowReport,
  ImportRowsQuery,
  LeadImport,
  StartImportBody,
  UploadedImport,
  UploadImportBody,
} from './import-schemas.ts';
import {
  getImport,
  type ImportRow,
  importReportCsv,
  importRows,
  listImports,
  startImport,
  uploadImport,
} from './lead-imports.ts';

const security = [{ bearer: [] }];

export const uploadImportRoute = createRoute({
  method: 'post',
  path: '/api/v1/imports',
  tags: ['imports'],
  summary: 'Upload a CSV or XLSX lead list: its columns, a suggested mapping and a preview',
  description:
    'Nothing is added yet: confirm the mapping with `POST /api/v1/imports/{id}/start`. A file that cannot be read, or passes a limit (size, rows, columns, cell length, what an XLSX unpacks to: the `IMPORT_MAX_*` settings), is refused with 400 (`field: file`, the message naming the limit and where) and nothing is stored.',
  security,
  request: { body: { content: { 'multipart/form-data': { schema: UploadImportBody } }, required: true } },
  responses: { 201: json(UploadedImport, 'The stored file, ready to map'), ...errorResponses },
});

export const listImportsRoute = createRoute({
  method: 'get',
  path: '/api/v1/imports',
  tags: ['imports'],
  summary: 'Recent imports (admins: the org’s; members: their own)',
  security,
  responses: {
    200: json(z.object({ items: z.array(LeadImport) }), 'Imports, newest first'),
    ...errorResponses,
  },
});

export const getImportRoute = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}',
  tags: ['imports'],
  summary: 'One import and its progress',
  security,
  request: { params: ImportIdParam },
  responses: { 200: json(LeadImport, 'The import'), ...errorResponses },
});

export const startImportRoute = createRoute({
  method: 'post',
  path: '/api/v1/imports/{id}/start',
  tags: ['imports'],
  summary: 'Add the rows as leads with this mapping; each row gets an outcome',
  description:
    'Every column of the file may be mapped; one must be `email`. A bad mapping is a 400 naming the column (`mapping.<column>`). Rows are added by the worker, each exactly as a lead added by hand (suppression, exclusions, duplicates, plan capacity); follow with GET.',
  security,
  request: {
    params: ImportIdParam,
    body: { content: { 'application/json': { schema: StartImportBody } }, required: true },
  },
  responses: {
    202: json(LeadImport, 'Started'),
    ...errorResponses,
    409: json(z.object({ error: z.object({ message: z.string() }) }), 'Already started'),
  },
});

export const importRowsRoute = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}/rows',
  tags: ['imports'],
  summary: 'The per-row report: what was added, what was refused and why',
  security,
  request: { params: ImportIdParam, query: ImportRowsQuery },
  responses: {
    200: json(z.object({ items: z.array(ImportRowReport) }), 'Rows in file order'),
    ...errorResponses,
  },
});

export const importReportRoute = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}/report.csv',
  tags: ['imports'],
  summary: 'The report as CSV: the file’s columns plus row, outcome, reason and lead id',
  security,
  request: { params: ImportIdParam },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
});

export function registerImportRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(uploadImportRoute, async (c) => {
    const file = await multipartFile(c.req.raw, 'file', {
      maxBytes: ctx.config.IMPORT_MAX_BYTES,
      setting: 'IMPORT_MAX_BYTES',
    });
    const uploaded = await uploadImport(ctx, c.get('actor'), {
      name: file.name || 'upload.csv',
      bytes: file.bytes,
    });
    return c.json(serialiseDates(uploaded) as z.infer<typeof UploadedImport>, 201);
  });
  app.openapi(listImportsRoute, async (c) =>
    c.json({ items: (await listImports(ctx.db, c.get('actor'))).map(importJson) }, 200),
  );
  app.openapi(getImportRoute, async (c) =>
    c.json(importJson(await getImport(ctx.db, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(startImportRoute, async (c) => {
    const { mapping, ...options } = c.req.valid('json');
    const started = await startImport(ctx, c.get('actor'), c.req.valid('param').id, {
      mapping: mapping as Parameters<typeof startImport>[3]['mapping'],
      options,
    });
    return c.json(importJson(started), 202);
  });
  app.openapi(importRowsRoute, async (c) => {
    const q = c.req.valid('query');
    const rows = await importRows(ctx.db, c.get('actor'), c.req.valid('param').id, {
      status: q.status,
      after: q.after ? Number(q.after) : undefined,
      limit: q.limit ? Number(q.limit) : undefined,
    });
    return c.json(
      {
        items: rows.map((r) => ({
          row: r.rowNumber,
          cells: r.cells,
          status: r.status,
          leadId: r.leadId,
          errorCode: r.errorCode,
          error: r.error,
        })),
      },
      200,
    );
  });
  app.openapi(importReportRoute, async (c) => {
    const csv = await importReportCsv(ctx.db, c.get('actor'), c.req.valid('param').id);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="import-${c.req.valid('param').id}-report.csv"`,
    });
  });
}

function importJson(r: ImportRow): z.infer<typeof LeadImport> {
  const { orgId: _o, userId: _u, claimedBy: _c, ...rest } = r;
  return serialiseDates(rest) as z.infer<typeof LeadImport>;
}
