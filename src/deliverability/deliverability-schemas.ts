import { z } from '@hono/zod-openapi';

/** Request and response shapes of the deliverability routes; they also feed /api/openapi.json. */
export const BreakerIdParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const AssistantIdParam = z.object({
  assistantId: z.uuid().openapi({ param: { name: 'assistantId', in: 'path' } }),
});

export const Breaker = z
  .object({
    id: z.uuid(),
    scope: z.enum(['mailbox', 'assistant', 'org']),
    scopeId: z.string().openapi({ description: 'The org or assistant id, or the mailbox address' }),
    label: z.string(),
    name: z.string().openapi({ example: 'Hard-bounce breaker of mailbox alex@acme.test' }),
    kind: z.enum(['hard_bounce', 'complaint']),
    state: z.enum(['armed', 'warn', 'tripped']),
    rate: z.number().openapi({ description: 'events / sends over the window, as of evaluatedAt' }),
    sends: z.number().int(),
    events: z.number().int().openapi({ description: 'Hard bounces or complaints in the window' }),
    warnRate: z.number(),
    pauseRate: z.number(),
    minSends: z.number().int().openapi({ description: 'No verdict below this many sends' }),
    windowFrom: z.string().nullable().openapi({ description: 'Last 7 days, or since the last resume' }),
    evaluatedAt: z.string().nullable(),
    warnedAt: z.string().nullable(),
    trippedAt: z.string().nullable(),
    resumedAt: z.string().nullable(),
    resumedBy: z.string().nullable(),
    assistantIds: z.array(z.string()),
    evidence: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Breaker');

export const ResumeResult = z
  .object({
    breaker: Breaker,
    alsoResumed: z
      .array(z.string())
      .openapi({ description: 'Breakers of the same kind over the same assistants, re-armed with it' }),
    released: z.number().int().openapi({ description: 'Held emails made due now' }),
  })
  .openapi('BreakerResumed');

export const DkimBody = z
  .object({
    selector: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i)
      .optional()
      .openapi({
        example: 'nurture1',
        description:
          'Default: nurture-<date>, never the current one, so the old record can stay published while a rotation spreads',
      }),
    privateKey: z.string().min(100).max(20_000).optional().openapi({
      description:
        'RSA private key, PEM. Stored encrypted; never returned. Left out: the server generates a 2048-bit key',
    }),
  })
  .strict()
  .openapi('DkimKey');

export const Dkim = z
  .object({
    assistantId: z.uuid(),
    source: z
      .enum(['assistant', 'instance', 'none'])
      .openapi({ description: "Whose key signs: the assistant's, the instance's (DKIM_*), or none" }),
    domain: z.string().openapi({ description: 'd= : the domain of the sending address' }),
    selector: z.string().nullable(),
    dnsName: z.string().nullable().openapi({ example: 'nurture1._domainkey.acme.test' }),
    dnsValue: z
      .string()
      .nullable()
      .openapi({ description: 'The TXT record to publish: v=DKIM1; k=rsa; p=…' }),
  })
  .openapi('Dkim');
