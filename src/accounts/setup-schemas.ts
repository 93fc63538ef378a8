import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';

/** Request and response shapes of the first-run setup routes; they also feed /api/openapi.json. */
export const SetupState = z
  .object({
    needed: z.boolean().openapi({
      description:
        "True while the instance has no organisation: POST /api/v1/setup with the token from the server's log",
    }),
  })
  .openapi('SetupState');

export const SetupBody = z
  .object({
    setupToken: oneLine()
      .min(1)
      .max(200)
      .openapi({ description: "Printed in the server's log when it starts without an organisation" }),
    orgName: oneLine().trim().min(1).max(200),
    email: oneLine().trim().min(3).max(320),
    password: z.string().min(8).max(1024),
  })
  .strict()
  .openapi('Setup');

export const SetupResult = z
  .object({
    orgId: z.uuid(),
    userId: z.uuid(),
    role: z.enum(['admin', 'member']),
    assistantId: z.uuid(),
  })
  .openapi('SetupResult');
