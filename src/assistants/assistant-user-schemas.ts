import { z } from '@hono/zod-openapi';
import { idParam } from '../http/openapi-helpers.ts';

/** Request and response shapes of an assistant's users (SPEC §10.2); they also feed /api/openapi.json. */
export const AssistantUserParams = z.object({ id: idParam(), userId: idParam('userId') });

export const AssignmentBody = z
  .object({
    manager: z.boolean().openapi({
      description:
        'Assistant Manager: sees, edits, adds for and re-owns the leads of every user of the assistant',
    }),
  })
  .strict()
  .openapi('AssistantAssignment');

export const AssistantUser = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'member']),
    manager: z.boolean(),
    assignedAt: z.string(),
  })
  .openapi('AssistantUser');
