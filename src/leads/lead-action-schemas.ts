import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';
import { leadActions, maxBulkLeads } from './lead-actions.ts';

/** Request and response shapes of the lead action routes; they also feed /api/openapi.json. */
const actionDescription =
  'deactivate, hot, unsubscribe (org-wide, for good), continue (from where it stopped), restart (from step 1), note ({text}), handled-outside (no at-risk reminders), not-at-risk (clears "at risk": no more reminders for this state), change-owner ({ownerId}, admins), activate (a new lead waiting for plan capacity, when there is room; admins), force-send (a pending lead whose address could not be verified: a user vouches for it, it goes at the normal rate)';

export const ActionParam = z.object({
  id: idParam(),
  action: z
    .enum(leadActions)
    .openapi({ param: { name: 'action', in: 'path' }, description: actionDescription }),
});

export const BulkActionParam = z.object({
  action: z
    .enum(leadActions)
    .openapi({ param: { name: 'action', in: 'path' }, description: actionDescription }),
});

const actionFields = {
  text: z.string().max(5000).optional().openapi({ description: 'The note (action note)' }),
  ownerId: oneLine().max(100).optional().openapi({ description: 'The new owner (action change-owner)' }),
};

export const ActionBody = z.object(actionFields).strict().openapi('LeadActionBody');

export const BulkActionBody = z
  .object({
    leadIds: z
      .array(z.string().max(100))
      .min(1)
      .max(maxBulkLeads)
      .openapi({ description: `The leads to act on, at most ${maxBulkLeads}` }),
    ...actionFields,
  })
  .strict()
  .openapi('BulkLeadActionBody');

export const BulkActionResult = z
  .object({
    results: z.array(
      z.object({
        leadId: z.string(),
        ok: z.boolean(),
        state: z.string().optional(),
        subState: z.string().nullable().optional(),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
    succeeded: z.number().int(),
    failed: z.number().int(),
  })
  .openapi('BulkLeadActionResult');
