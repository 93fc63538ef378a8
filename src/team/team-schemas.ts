import { z } from '@hono/zod-openapi';
import { oneLine } from '../accounts/account-schemas.ts';
import { idParam } from '../http/openapi-helpers.ts';

/** Request and response shapes of the team routes; they also feed /api/openapi.json. */
export const Role = z.enum(['admin', 'member']);

export const TeamMember = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: Role,
    createdAt: z.string(),
  })
  .openapi('TeamMember');

export const Invitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: Role,
    invitedBy: z.uuid().nullable(),
    createdAt: z.string(),
    sentAt: z.string(),
    expiresAt: z.string(),
    expired: z.boolean().openapi({ description: 'The link no longer works: resend or cancel it' }),
  })
  .openapi('Invitation');

export const TeamList = z
  .object({
    users: z.array(TeamMember),
    invitations: z
      .array(Invitation)
      .optional()
      .openapi({ description: "The org's open invitations (admins only)" }),
  })
  .openapi('Team');

export const UserIdParam = z.object({ id: idParam() });
export const InvitationIdParam = z.object({ id: idParam() });

export const RolePatch = z.object({ role: Role }).strict();

export const InviteBody = z
  .object({
    email: z.email().max(320),
    role: Role.default('member'),
  })
  .strict();

export const RemoveUserBody = z
  .object({
    handTo: z.uuid().optional().openapi({
      description: "Who gets the user's leads (all of them, or those of assistants not in handToByAssistant)",
    }),
    handToByAssistant: z
      .record(z.uuid(), z.uuid())
      .optional()
      .openapi({ description: 'Assistant id → who gets the leads of that assistant' }),
  })
  .strict();

export const RemoveUserResult = z
  .object({
    removed: z.uuid(),
    leadsHandedOver: z.number().int(),
    byOwner: z.record(z.string(), z.number().int()).openapi({ description: 'New owner → how many leads' }),
  })
  .openapi('RemovedUser');

export const InvitationToken = z.object({ token: z.string().min(10).max(200) }).strict();

export const InvitationPreview = z
  .object({ email: z.string(), orgName: z.string(), role: Role, expiresAt: z.string() })
  .openapi('InvitationPreview');

export const AcceptInvitationBody = z
  .object({
    token: z.string().min(10).max(200),
    name: oneLine(200).min(1),
    password: z.string().min(1).max(1000),
  })
  .strict();

export const SignedIn = z
  .object({ orgId: z.uuid(), userId: z.uuid(), role: Role })
  .openapi({ description: 'The new user, signed in (the session cookie is set)' });
