import { z } from '@hono/zod-openapi';
import { idParam } from '../http/openapi-helpers.ts';

/** Request and response shapes of my account's routes (profile, password, API keys, reset). */

/** One-line text: a name carries no control characters (CR, LF, NUL …). */
export const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters');

export const Profile = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable().openapi({ description: 'E.164; also where WhatsApp notifications go' }),
    role: z.enum(['admin', 'member']),
    orgId: z.uuid(),
    orgName: z.string(),
    introductionText: z.string().openapi({
      description:
        'Introduce Me: the text your introductions start from, with placeholders (yours, else the default)',
    }),
    introductionTextIsDefault: z.boolean(),
  })
  .openapi('Profile');

export const ProfilePatch = z
  .object({
    name: oneLine(200).optional(),
    phone: z.string().max(40).nullable().optional().openapi({
      description:
        'E.164 (e.g. +447700900123); null or "" clears it. The same phone as the notification preferences',
    }),
    introductionText: z.string().max(5000).nullable().optional().openapi({
      description:
        'Introduce Me text with placeholders ({firstName}, {company}, {assistantName}, {userName}, {userEmail}, {userPhone}, {custom.<column>}); null or "" goes back to the default',
    }),
  })
  .strict();

export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) })
  .strict();

export const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters, to tell keys apart' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const NewApiKey = ApiKey.extend({
  key: z.string().openapi({ description: 'The key itself: shown this once, never again' }),
}).openapi('NewApiKey');

export const ApiKeyList = z.object({ items: z.array(ApiKey) }).openapi('ApiKeyList');
export const ApiKeyBody = z.object({ name: oneLine(100).min(1) }).strict();
export const ApiKeyIdParam = z.object({ id: idParam() });

export const ResetRequest = z.object({ email: z.string().min(1).max(320) }).strict();
export const ResetCompletion = z
  .object({ token: z.string().min(10).max(200), password: z.string().min(1).max(1000) })
  .strict();
