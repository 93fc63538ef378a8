import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';
import { maxScheduleSteps, maxStepDay } from './schedules.ts';

/** Request and response shapes of the schedule routes; they also feed /api/openapi.json. */
const Steps = z
  .array(z.number().int().min(0).max(maxStepDay))
  .min(1)
  .max(maxScheduleSteps)
  .openapi({
    description: `Day offsets from the first message: first 0, strictly increasing, at most ${maxScheduleSteps}`,
    example: [0, 2, 5, 9, 14, 21, 30],
  });
const Name = oneLine().trim().min(1).max(100);
const StartsAtStep = z
  .number()
  .int()
  .min(0)
  .max(maxScheduleSteps - 1)
  .openapi({
    description: 'Index of the first step the assistant sends; 1 for EmailCC (the user’s email is the first)',
  });

export const CreateScheduleBody = z
  .object({ name: Name, steps: Steps, startsAtStep: StartsAtStep.optional() })
  .strict()
  .openapi('CreateSchedule');

export const UpdateScheduleBody = z
  .object({ name: Name.optional(), steps: Steps.optional(), startsAtStep: StartsAtStep.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one of name, steps, startsAtStep')
  .openapi('UpdateSchedule');

export const CloneScheduleBody = z
  .object({ name: Name.optional().openapi({ description: 'Default: "<name> (copy)"' }) })
  .strict()
  .openapi('CloneSchedule');

export const Schedule = z
  .object({
    id: z.uuid(),
    name: z.string(),
    steps: z.array(z.number().int()),
    startsAtStep: z.number().int(),
    usedBy: z.object({
      leads: z.number().int(),
      activeLeads: z.number().int().openapi({ description: 'Leads whose sequence still runs on it' }),
      assistants: z.number().int().openapi({ description: 'Assistants with it as a default' }),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Schedule');

export const ScheduleIdParam = z.object({ id: idParam() });
