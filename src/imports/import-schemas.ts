import { z } from '@hono/zod-openapi';
import { sources } from '../compose/templates.ts';
import { idParam } from '../http/openapi-helpers.ts';
import { leadFields } from './column-mapping.ts';

/** Request and response shapes of the lead-import routes; they also feed /api/openapi.json. */
export const ImportIdParam = z.object({ id: idParam() });

/**
 * The upload's form, for the OpenAPI document only: a plain schema, not zod, so
 * no form validator buffers the body; the route reads it (http/multipart-file.ts).
 */
export const UploadImportBody = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description:
        'A .csv (comma, semicolon or tab; UTF-8 or Windows-1252) or .xlsx file; the first row names the columns',
    },
  },
};

const Target = z.string().openapi({
  description: `A lead field (${leadFields.join(', ')}), \`custom.<name>\` (a template variable \`{custom.<name>}\`), or \`ignore\``,
  example: 'email',
});

export const LeadImport = z
  .object({
    id: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    columns: z.array(z.string()),
    rowCount: z.number().int(),
    status: z.enum(['uploaded', 'queued', 'running', 'done']).openapi({
      description:
        'uploaded: waiting for the mapping; queued/running: rows being added; done: every row has an outcome',
    }),
    mapping: z.record(z.string(), z.string()).nullable(),
    options: z.record(z.string(), z.unknown()).nullable(),
    added: z.number().int(),
    refused: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('LeadImport');

export const UploadedImport = LeadImport.extend({
  suggestedMapping: z.record(z.string(), Target),
  preview: z.array(
    z.object({
      row: z.number().int().openapi({ description: '1 = the first row under the header' }),
      lead: z.record(z.string(), z.unknown()),
      issues: z.array(z.string()),
    }),
  ),
  rowsWithIssues: z
    .number()
    .int()
    .openapi({ description: 'Rows that would be refused under the suggested mapping' }),
}).openapi('UploadedImport');

export const StartImportBody = z
  .object({
    mapping: z
      .record(z.string(), Target)
      .openapi({ example: { 'E-Mail': 'email', Vorname: 'firstName', Notes: 'ignore' } }),
    source: z.enum(sources).default('import'),
    assistantId: z.uuid().nullish(),
    scheduleId: z.uuid().nullish(),
    firstSendAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .strict()
  .openapi('StartImport');

export const ImportRowsQuery = z.object({
  status: z.enum(['pending', 'added', 'refused']).optional(),
  after: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .openapi({ description: 'Rows after this row number (keyset paging)' }),
  limit: z.string().regex(/^\d+$/).optional(),
});

export const ImportRowReport = z
  .object({
    row: z.number().int(),
    cells: z.array(z.string()),
    status: z.enum(['pending', 'added', 'refused']),
    leadId: z.string().nullable(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('ImportRowReport');
