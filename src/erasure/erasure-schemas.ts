import { z } from '@hono/zod-openapi';
import { idParam } from '../http/openapi-helpers.ts';

export const LeadIdParam = z.object({ id: idParam() });

const rows = z.array(z.record(z.string(), z.unknown()));

export const PersonExport = z
  .object({
    exportedAt: z.string(),
    email: z.string(),
    about: z.string(),
    records: z
      .object({
        leads: rows,
        messages: rows,
        timeline_events: rows,
        inbound_messages: rows,
        inbound_message_chunks: rows,
        review_items: rows,
        classification_corrections: rows,
        notifications: rows,
        sandbox_messages: rows,
        message_opens: rows,
        message_clicks: rows,
        lead_import_rows: rows,
        suppressions: rows,
      })
      .openapi({ description: 'The rows Nurture holds about the person, by table, each with its id' }),
  })
  .openapi('PersonExport');

export const ErasureResult = z
  .object({
    erased: z.literal(true),
    erasureId: z.uuid(),
    emailHash: z
      .string()
      .openapi({ description: 'What the suppression list keeps: SHA-256 of the org id and the address' }),
    removed: z.record(z.string(), z.number()).openapi({ description: 'Rows removed, by table' }),
    redacted: z
      .record(z.string(), z.number())
      .openapi({ description: 'Rows of others that mentioned the address, now redacted, by table' }),
  })
  .openapi('ErasureResult');

export const Erasure = z
  .object({
    id: z.uuid(),
    emailHash: z.string(),
    erasedBy: z.uuid().nullable(),
    erasedAt: z.string(),
    removed: z.record(z.string(), z.number()),
  })
  .openapi('Erasure');
