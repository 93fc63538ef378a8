import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { apiBodyMaxBytes } from '../http/body-limits.ts';
import { multipartFile } from '../http/multipart-file.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { archiveAssistant, unarchiveAssistant } from './assistant-archive.ts';
import {
  avatarMaxBytes,
  deleteAssistantAvatar,
  getAssistantAvatar,
  setAssistantAvatar,
} from './assistant-avatar.ts';
import type { AssistantView } from './assistant-queries.ts';
import { Assistant, AssistantIdParam } from './assistant-schemas.ts';
import { createAssistant, updateAssistant } from './assistant-setup.ts';
import {
  ArchivedAssistant,
  AvatarBody,
  ConnectionTestResult,
  CreateAssistantBody,
  MailboxTestBody,
  PatchAssistantBody,
  SmtpBody,
  SmtpTestBody,
} from './assistant-setup-schemas.ts';
import { clearAssistantSmtp, setAssistantSmtp } from './assistant-smtp.ts';
import { testImapConnection, testSmtpConnection } from './mail-connection-test.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may do it') };
const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  content: { 'application/json': { schema } },
  required,
});

export const createAssistantRoute = createRoute({
  method: 'post',
  path: '/api/v1/assistants',
  tags: ['assistants'],
  summary: 'Create an assistant (admins)',
  description:
    "It starts with the org's default schedules unless others are given. The sending email must not be that of another live assistant on this instance (409 naming `email`).",
  security,
  request: { body: jsonBody(CreateAssistantBody) },
  responses: { 201: json(Assistant, 'The new assistant'), ...errorResponses, ...adminOnly },
});

export const patchAssistantRoute = createRoute({
  method: 'patch',
  path: '/api/v1/assistants/{id}',
  tags: ['assistants'],
  summary: "Change an assistant's profile, defaults and preferences (admins)",
  description:
    'Only the fields given change. The send window, cap, spacing and tracking are changed with PATCH …/sending.',
  security,
  request: { params: AssistantIdParam, body: jsonBody(PatchAssistantBody) },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses, ...adminOnly },
});

export const archiveAssistantRoute = createRoute({
  method: 'post',
  path: '/api/v1/assistants/{id}/archive',
  tags: ['assistants'],
  summary: 'Archive an assistant: its running leads stop; nothing is deleted (admins)',
  description:
    'Each new, pending, cold, engaged, warm or out-of-office lead becomes deactivated (ManualStop), its scheduled emails cancelled, its timeline naming the archive and who did it. The assistant then takes no lead, reads no mailbox and sends nothing.',
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(ArchivedAssistant, 'The archived assistant'), ...errorResponses, ...adminOnly },
});

export const unarchiveAssistantRoute = createRoute({
  method: 'post',
  path: '/api/v1/assistants/{id}/unarchive',
  tags: ['assistants'],
  summary: 'Bring an archived assistant back; its stopped leads stay stopped (admins)',
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses, ...adminOnly },
});

export const putAvatarRoute = createRoute({
  method: 'put',
  path: '/api/v1/assistants/{id}/avatar',
  tags: ['assistants'],
  summary: "Upload the assistant's avatar (admins)",
  description:
    'multipart/form-data, field `file`: PNG, JPEG, WebP or GIF by content, at most 512 KB (413 naming the limit) and 4096 px a side. A refused upload changes nothing.',
  security,
  request: {
    params: AssistantIdParam,
    body: { content: { 'multipart/form-data': { schema: AvatarBody } }, required: true },
  },
  responses: {
    200: json(Assistant, 'The assistant, avatarUrl pointing at the new picture'),
    ...errorResponses,
    ...adminOnly,
  },
});

export const getAvatarRoute = createRoute({
  method: 'get',
  path: '/api/v1/assistants/{id}/avatar',
  tags: ['assistants'],
  summary: "The assistant's avatar image",
  security,
  request: { params: AssistantIdParam },
  responses: {
    200: {
      description: 'The image',
      content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

export const deleteAvatarRoute = createRoute({
  method: 'delete',
  path: '/api/v1/assistants/{id}/avatar',
  tags: ['assistants'],
  summary: "Remove the assistant's avatar (admins)",
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses, ...adminOnly },
});

export const putSmtpRoute = createRoute({
  method: 'put',
  path: '/api/v1/assistants/{id}/smtp',
  tags: ['assistants'],
  summary: "Send the assistant's mail through its own SMTP server (admins)",
  description:
    'The password is stored encrypted (SECRET_KEY) and never returned. A host on a private, loopback or link-local address is refused (400 naming `host`) unless ALLOW_PRIVATE_MAIL_HOSTS.',
  security,
  request: { params: AssistantIdParam, body: jsonBody(SmtpBody) },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses, ...adminOnly },
});

export const deleteSmtpRoute = createRoute({
  method: 'delete',
  path: '/api/v1/assistants/{id}/smtp',
  tags: ['assistants'],
  summary: 'Forget its SMTP server: mail goes through SMTP_URL or the sandbox again (admins)',
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses, ...adminOnly },
});

export const testMailboxRoute = createRoute({
  method: 'post',
  path: '/api/v1/assistants/{id}/mailbox/test',
  tags: ['assistants'],
  summary: 'Sign in to the IMAP mailbox, saved or given, and report what the server said (admins)',
  description: `Nothing is saved. Bounded by ${15} s. A refused host is a 400 naming \`host\`; a server's refusal is 200 with ok false and its words.`,
  security,
  request: { params: AssistantIdParam, body: jsonBody(MailboxTestBody, false) },
  responses: { 200: json(ConnectionTestResult, 'What happened'), ...errorResponses, ...adminOnly },
});

export const testSmtpRoute = createRoute({
  method: 'post',
  path: '/api/v1/assistants/{id}/smtp/test',
  tags: ['assistants'],
  summary: 'Connect and sign in to the SMTP server, saved or given, and report what it said (admins)',
  description: 'Nothing is sent or saved. Bounded by 15 s. A refused host is a 400 naming `host`.',
  security,
  request: { params: AssistantIdParam, body: jsonBody(SmtpTestBody, false) },
  responses: { 200: json(ConnectionTestResult, 'What happened'), ...errorResponses, ...adminOnly },
});

export function registerAssistantSetupRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(createAssistantRoute, async (c) =>
    c.json(assistantJson(await createAssistant(ctx, c.get('actor'), c.req.valid('json'))), 201),
  );
  app.openapi(patchAssistantRoute, async (c) =>
    c.json(
      assistantJson(await updateAssistant(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  app.openapi(archiveAssistantRoute, async (c) => {
    const archived = await archiveAssistant(ctx, c.get('actor'), c.req.valid('param').id);
    return c.json(serialiseDates(archived) as z.infer<typeof ArchivedAssistant>, 200);
  });
  app.openapi(unarchiveAssistantRoute, async (c) =>
    c.json(assistantJson(await unarchiveAssistant(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(putAvatarRoute, async (c) => {
    // The API's body limit (1 MB) bounds what is read; the avatar's own limit is a 413 naming 512 KB.
    const file = await multipartFile(c.req.raw, 'file', {
      maxBytes: apiBodyMaxBytes,
      setting: `an avatar is at most ${avatarMaxBytes / 1024} KB`,
    });
    return c.json(
      assistantJson(await setAssistantAvatar(ctx, c.get('actor'), c.req.valid('param').id, file.bytes)),
      200,
    );
  });
  app.openapi(getAvatarRoute, async (c) => {
    const avatar = await getAssistantAvatar(ctx, c.get('actor'), c.req.valid('param').id);
    return c.body(new Uint8Array(avatar.data), 200, {
      'Content-Type': avatar.contentType,
      // The URL carries a version (?v=): a new picture is a new URL.
      'Cache-Control': 'private, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
    }) as never;
  });
  app.openapi(deleteAvatarRoute, async (c) =>
    c.json(assistantJson(await deleteAssistantAvatar(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(putSmtpRoute, async (c) =>
    c.json(
      assistantJson(
        await setAssistantSmtp(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      ),
      200,
    ),
  );
  app.openapi(deleteSmtpRoute, async (c) =>
    c.json(assistantJson(await clearAssistantSmtp(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(testMailboxRoute, async (c) =>
    c.json(await testImapConnection(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(testSmtpRoute, async (c) =>
    c.json(await testSmtpConnection(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}

const assistantJson = (a: AssistantView) => serialiseDates(a) as z.infer<typeof Assistant>;
