import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { maxBulkLeads } from './lead-actions.ts';

/** Request shapes of editing leads (issue 11); they also feed /api/openapi.json. */
const tag = oneLine().max(50);
const tagList = z.array(tag).max(50);

export const LeadChangesBody = z
  .object({
    firstName: oneLine().max(100).nullish(),
    lastName: oneLine().max(100).nullish(),
    company: oneLine().max(200).nullish(),
    title: oneLine().max(200).nullish(),
    industry: oneLine().max(200).nullish(),
    country: oneLine().max(100).nullish(),
    phone: oneLine().max(50).nullish(),
    timeZone: oneLine()
      .max(64)
      .nullish()
      .openapi({ description: 'IANA zone, e.g. Europe/Paris; null clears it' }),
    tags: tagList.optional().openapi({ description: 'The whole list (replaces it)' }),
    addTags: tagList.optional().openapi({ description: 'Tags to add (bulk edits)' }),
    removeTags: tagList.optional().openapi({ description: 'Tags to take off (bulk edits)' }),
    customFields: z
      .record(oneLine().max(64), z.string().max(2000))
      .optional()
      .openapi({ description: 'The whole set of custom fields (replaces it)' }),
    scheduleId: z
      .uuid()
      .optional()
      .openapi({ description: 'Another schedule: the unsent steps are re-planned on it' }),
    nextFollowUpAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'The next scheduled step goes then; the later ones keep their gaps' }),
    assistantId: z.uuid().optional().openapi({ description: 'Another assistant of the organisation' }),
    ownerId: z
      .uuid()
      .optional()
      .openapi({ description: 'Another owner, within the access rules (SPEC §10.2)' }),
  })
  .strict();

export const LeadPatchBody = LeadChangesBody.openapi('LeadPatch');

export const BulkEditBody = z
  .object({
    leadIds: z
      .array(z.string().max(100))
      .min(1)
      .max(maxBulkLeads)
      .openapi({ description: `The leads to edit, at most ${maxBulkLeads}` }),
    changes: LeadChangesBody,
  })
  .strict()
  .openapi('BulkLeadEdit');

export const BulkEditResult = z
  .object({
    results: z.array(
      z.object({
        leadId: z.string(),
        ok: z.boolean(),
        error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).optional(),
      }),
    ),
    succeeded: z.number().int(),
    failed: z.number().int(),
  })
  .openapi('BulkLeadEditResult');
