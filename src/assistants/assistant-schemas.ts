import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';

/** Request and response shapes of the assistant routes; they also feed /api/openapi.json. */
export const MailboxBody = z
  .object({
    host: oneLine().trim().min(1).max(253).openapi({ example: 'imap.example.com' }),
    port: z.number().int().min(1).max(65_535).openapi({ example: 993 }),
    tls: z.boolean().openapi({ description: 'TLS from the first byte (993); false: STARTTLS when offered' }),
    user: oneLine().trim().min(1).max(320),
    password: z.string().min(1).max(1024).openapi({ description: 'Stored encrypted; never returned' }),
    mailbox: oneLine()
      .trim()
      .min(1)
      .max(200)
      .nullish()
      .openapi({ description: 'Folder to read; default INBOX' }),
  })
  .strict()
  .openapi('MailboxSettings');

export const Mailbox = z
  .object({
    host: z.string(),
    port: z.number().int(),
    tls: z.boolean(),
    user: z.string(),
    mailbox: z.string(),
    passwordSet: z.boolean(),
    lastUid: z.number().int().openapi({ description: 'Highest IMAP UID handed to the inbound pipeline' }),
    error: z
      .string()
      .nullable()
      .openapi({ description: 'Last connection or read error; null once reading works' }),
    readBy: z.string().nullable().openapi({ description: 'The worker holding the read lease now, if any' }),
  })
  .openapi('Mailbox');

export const SmtpServer = z
  .object({
    host: z.string(),
    port: z.number().int(),
    tls: z.boolean(),
    user: z.string().nullable(),
    passwordSet: z.boolean(),
  })
  .openapi('SmtpServer');

export const Assistant = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    signature: z.string(),
    brochureUrl: z.string().nullable(),
    moreContext: z.string(),
    moreInformation: z.string(),
    calendarUrl: z.string().nullable(),
    riskReminderEveryDays: z.number().int(),
    riskReminderTimes: z.number().int(),
    defaultScheduleId: z.uuid().nullable(),
    defaultEmailccScheduleId: z.uuid().nullable(),
    autoActivate: z.boolean(),
    defaultLeadName: z.string(),
    emailccReservePercent: z.number().int(),
    sendDays: z.array(z.number().int()),
    sendStartMinute: z.number().int(),
    sendEndMinute: z.number().int(),
    dailyCap: z.number().int(),
    trackOpens: z.boolean(),
    trackClicks: z.boolean(),
    proofPoints: z.array(z.string()).openapi({
      description: 'Short success stories; each email of a sequence ends with a different one as "PS:"',
    }),
    quoteFirstEmail: z.boolean().openapi({ description: 'Follow-ups quote the first email under them' }),
    ownSmtp: z.boolean().openapi({ description: 'Sends through its own SMTP server rather than SMTP_URL' }),
    mailbox: Mailbox.nullable().openapi({ description: 'The IMAP mailbox replies are read from, if set' }),
    smtp: SmtpServer.nullable().openapi({
      description: "The assistant's own SMTP server, if set (else smtp_url, SMTP_URL or the sandbox)",
    }),
    archivedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it was archived: it takes no lead, reads no mailbox, sends nothing' }),
    archivedBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Assistant');

export const AssistantIdParam = z.object({ id: idParam() });
