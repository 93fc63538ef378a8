import { z } from '@hono/zod-openapi';

/** An inbound message that could not be processed, as the API shows it (and the web app's types). */
export const InboundProblem = z
  .object({
    id: z.uuid(),
    status: z.enum(['quarantined', 'failed']),
    channel: z.enum(['sandbox', 'http', 'smtp', 'imap']),
    from: z.string().nullable().openapi({ description: 'The sender’s address, as parsed or as written' }),
    subject: z.string().nullable(),
    sizeBytes: z.number().int(),
    receivedAt: z.iso.datetime(),
    quarantinedAt: z.iso.datetime().nullable(),
    reason: z.string().nullable().openapi({
      description:
        'Why it stopped, e.g. "overran its 5000 ms budget" or "its worker stopped while processing it"',
    }),
    attempts: z.number().int(),
  })
  .openapi('InboundProblem');

export const InboundProblemIdParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
export const InboundProblemDone = z.object({ id: z.uuid() });
