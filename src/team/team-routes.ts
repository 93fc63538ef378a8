import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { startSession } from '../accounts/sessions.ts';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import { setSessionCookie } from '../http/session-cookie.ts';
import type { Ctx } from '../platform/context.ts';
import {
  acceptInvitation,
  cancelInvitation,
  describeInvitation,
  inviteUser,
  listInvitations,
  resendInvitation,
} from './invitations.ts';
import { removeUser } from './remove-user.ts';
import { listTeamMembers, setMemberRole } from './team-members.ts';
import {
  AcceptInvitationBody,
  Invitation,
  InvitationIdParam,
  InvitationPreview,
  InvitationToken,
  InviteBody,
  RemoveUserBody,
  RemoveUserResult,
  RolePatch,
  SignedIn,
  TeamList,
  TeamMember,
  UserIdParam,
} from './team-schemas.ts';

const security = [{ bearer: [] }];
const tags = ['team'];
const conflict = { 409: { description: 'Would leave the org without an admin, or already a user' } };

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags,
  summary: "The org's users with their roles; admins also get the open invitations",
  security,
  responses: { 200: json(TeamList, 'The team'), ...errorResponses },
});

export const setRoleRoute = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags,
  summary: 'Make a user admin or member (admins); the org always keeps an admin',
  security,
  request: {
    params: UserIdParam,
    body: { content: { 'application/json': { schema: RolePatch } }, required: true },
  },
  responses: { 200: json(TeamMember, 'The user now'), ...errorResponses, ...conflict },
});

export const removeUserRoute = createRoute({
  method: 'post',
  path: '/api/v1/users/{id}/remove',
  tags,
  summary:
    'Remove a user, handing their leads to another user (all, or per assistant); their sessions and keys end',
  security,
  request: {
    params: UserIdParam,
    body: { content: { 'application/json': { schema: RemoveUserBody } }, required: true },
  },
  responses: { 200: json(RemoveUserResult, 'Removed'), ...errorResponses, ...conflict },
});

export const listInvitationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/invitations',
  tags,
  summary: 'Open invitations (admins)',
  security,
  responses: { 200: json(z.object({ items: z.array(Invitation) }), 'Open invitations'), ...errorResponses },
});

export const inviteRoute = createRoute({
  method: 'post',
  path: '/api/v1/invitations',
  tags,
  summary: 'Invite someone by email with a role (admins): they get a one-time link',
  security,
  request: { body: { content: { 'application/json': { schema: InviteBody } }, required: true } },
  responses: { 201: json(Invitation, 'Invited; the email is on its way'), ...errorResponses, ...conflict },
});

export const resendInvitationRoute = createRoute({
  method: 'post',
  path: '/api/v1/invitations/{id}/resend',
  tags,
  summary: 'Send the invitation again with a new link (the old one stops working) and a new expiry (admins)',
  security,
  request: { params: InvitationIdParam },
  responses: { 200: json(Invitation, 'Sent again'), ...errorResponses },
});

export const cancelInvitationRoute = createRoute({
  method: 'delete',
  path: '/api/v1/invitations/{id}',
  tags,
  summary: 'Cancel an invitation: its link stops working (admins)',
  security,
  request: { params: InvitationIdParam },
  responses: { 204: { description: 'Cancelled' }, ...errorResponses },
});

export const previewInvitationRoute = createRoute({
  method: 'post',
  path: '/api/v1/invitations/preview',
  tags,
  summary:
    'What an invitation link is for (org, address, role), before accepting it. Public: the token is the proof',
  request: { body: { content: { 'application/json': { schema: InvitationToken } }, required: true } },
  responses: { 200: json(InvitationPreview, 'The invitation'), ...errorResponses, ...conflict },
});

export const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/api/v1/invitations/accept',
  tags,
  summary:
    'Accept an invitation: set your name and password; you are signed in. Public: the token is the proof',
  request: { body: { content: { 'application/json': { schema: AcceptInvitationBody } }, required: true } },
  responses: { 201: json(SignedIn, 'Your account, signed in'), ...errorResponses, ...conflict },
});

const out = <T>(v: T) => serialiseDates(v) as never;

export function registerTeamRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listUsersRoute, async (c) => {
    const actor = c.get('actor');
    const users = await listTeamMembers(ctx, actor);
    const invitations = actor.role === 'admin' ? await listInvitations(ctx, actor) : undefined;
    return c.json(out({ users, ...(invitations ? { invitations } : {}) }), 200);
  });
  app.openapi(setRoleRoute, async (c) =>
    c.json(
      out(await setMemberRole(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json').role)),
      200,
    ),
  );
  app.openapi(removeUserRoute, async (c) =>
    c.json(await removeUser(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(listInvitationsRoute, async (c) =>
    c.json(out({ items: await listInvitations(ctx, c.get('actor')) }), 200),
  );
  app.openapi(inviteRoute, async (c) =>
    c.json(out(await inviteUser(ctx, c.get('actor'), c.req.valid('json'))), 201),
  );
  app.openapi(resendInvitationRoute, async (c) =>
    c.json(out(await resendInvitation(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(cancelInvitationRoute, async (c) => {
    await cancelInvitation(ctx, c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}

/** Public: the invitation's token is what proves the caller may do this. */
export function registerInvitationAcceptRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(previewInvitationRoute, async (c) =>
    c.json(out(await describeInvitation(ctx, c.req.valid('json').token)), 200),
  );
  app.openapi(acceptInvitationRoute, async (c) => {
    const actor = await acceptInvitation(ctx, c.req.valid('json'));
    setSessionCookie(
      c,
      ctx.config,
      await startSession(ctx.db, actor.userId, ctx.config.SESSION_TTL_HOURS, ctx.now()),
    );
    return c.json(actor, 201);
  });
}
