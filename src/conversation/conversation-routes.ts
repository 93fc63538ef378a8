import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import { LeadIdParam } from '../leads/lead-schemas.ts';
import type { Ctx } from '../platform/context.ts';
import { leadConversation } from './conversation.ts';
import {
  Conversation,
  EditEmailBody,
  LeadMessageParam,
  OutgoingEmail,
  WriteMessageBody,
} from './conversation-schemas.ts';
import { editScheduledEmail, skipScheduledEmail } from './edit-scheduled.ts';
import type { OutgoingRow } from './lead-exchange.ts';
import { writeMessage } from './write-message.ts';

const security = [{ bearer: [] }];
const tags = ['leads'];
const conflict = { 409: json(ErrorResponse, 'Already claimed for sending, sent or skipped') };

export const conversationRoute = createRoute({
  method: 'get',
  path: '/api/v1/leads/{id}/conversation',
  tags,
  summary: 'The exchange with the lead: emails sent and replies received, and the emails still to go',
  security,
  request: { params: LeadIdParam },
  responses: { 200: json(Conversation, 'The conversation'), ...errorResponses },
});

export const writeMessageRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/{id}/messages',
  tags,
  summary: "Write to the lead as the assistant, in the lead's thread, now or at sendAt",
  description:
    'An email from the assistant\'s mailbox, signed as the assistant, answering the lead\'s latest message (In-Reply-To, References, "Re: <subject>"). It goes through the send rules like any email.',
  security,
  request: {
    params: LeadIdParam,
    body: { content: { 'application/json': { schema: WriteMessageBody } }, required: true },
  },
  responses: {
    201: json(OutgoingEmail, 'The message, scheduled'),
    ...errorResponses,
    409: json(ErrorResponse, 'The lead is deactivated or unsubscribed: it is not emailed'),
  },
});

export const editEmailRoute = createRoute({
  method: 'patch',
  path: '/api/v1/leads/{id}/messages/{messageId}',
  tags,
  summary: 'Change a scheduled email (a message or a sequence step) before it goes: text, subject, time',
  security,
  request: {
    params: LeadMessageParam,
    body: { content: { 'application/json': { schema: EditEmailBody } }, required: true },
  },
  responses: { 200: json(OutgoingEmail, 'The email as it will go'), ...errorResponses, ...conflict },
});

export const skipEmailRoute = createRoute({
  method: 'post',
  path: '/api/v1/leads/{id}/messages/{messageId}/skip',
  tags,
  summary: 'Skip a scheduled email: it will not be sent',
  security,
  request: { params: LeadMessageParam },
  responses: { 200: json(OutgoingEmail, 'The email, cancelled'), ...errorResponses, ...conflict },
});

export function registerConversationRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(conversationRoute, async (c) => {
    const conversation = await leadConversation(ctx, c.get('actor'), c.req.valid('param').id);
    return c.json(serialiseDates(conversation) as z.infer<typeof Conversation>, 200);
  });
  app.openapi(writeMessageRoute, async (c) => {
    const body = c.req.valid('json');
    const message = await writeMessage(ctx, c.get('actor'), c.req.valid('param').id, {
      text: body.text,
      subject: body.subject ?? null,
      sendAt: body.sendAt ? new Date(body.sendAt) : null,
    });
    return c.json(emailJson(message), 201);
  });
  app.openapi(editEmailRoute, async (c) => {
    const { id, messageId } = c.req.valid('param');
    const body = c.req.valid('json');
    const message = await editScheduledEmail(ctx, c.get('actor'), id, messageId, {
      text: body.text ?? null,
      subject: body.subject ?? null,
      sendAt: body.sendAt ? new Date(body.sendAt) : null,
    });
    return c.json(emailJson(message), 200);
  });
  app.openapi(skipEmailRoute, async (c) => {
    const { id, messageId } = c.req.valid('param');
    return c.json(emailJson(await skipScheduledEmail(ctx, c.get('actor'), id, messageId)), 200);
  });
}

export function emailJson(m: OutgoingRow): z.infer<typeof OutgoingEmail> {
  return serialiseDates({
    id: m.id,
    leadId: m.leadId,
    kind: m.kind,
    step: m.step,
    status: m.status,
    dueAt: m.dueAt,
    sentAt: m.sentAt,
    subject: m.subject,
    text: m.textBody,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    writtenBy: m.writtenBy,
  }) as z.infer<typeof OutgoingEmail>;
}
