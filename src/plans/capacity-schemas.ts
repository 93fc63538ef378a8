import { z } from '@hono/zod-openapi';

/** GET /api/v1/capacity (SPEC §9): how much of the org's plan is used; also feeds the web app's types. */
export const CapacityView = z
  .object({
    orgId: z.string(),
    cap: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The most active leads the plan allows (set by the operator); null: no cap' }),
    active: z
      .number()
      .int()
      .openapi({ description: 'Leads in pending, cold, engaged, warm or out of office' }),
    reservePercent: z
      .number()
      .int()
      .openapi({ description: 'Share of the cap reserved for EmailCC leads (the strictest assistant’s)' }),
    reservePercents: z.array(
      z.object({
        assistantId: z.string(),
        name: z.string(),
        reservePercent: z.number().int(),
        autoActivate: z.boolean(),
      }),
    ),
    usableByOthers: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Active leads that leads of other sources may reach' }),
    usableByEmailcc: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Active leads that EmailCC leads may reach (the whole cap)' }),
    waitingNew: z.number().int().openapi({ description: 'Leads waiting as new for a place' }),
    waitingAutoActivate: z.number().int().openapi({
      description: 'Of those, the ones whose assistant auto-activates (the daily job takes them)',
    }),
    nextActivationAt: z.iso
      .datetime()
      .openapi({ description: 'When the daily activation (10:00 GMT) next runs' }),
  })
  .openapi('CapacityView');
