import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from '../../src/config/config.ts';
import type { Db } from '../../src/db/database.ts';
import { assistants, leads, messages } from '../../src/db/schema.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { createLogger } from '../../src/platform/logger.ts';

/** A Ctx on a clock the test moves. */
export function clockedCtx(db: Db, config: Config, clock: { now: Date }): Ctx {
  return {
    db,
    config,
    log: createLogger('error'),
    now: () => clock.now,
    wake: { dispatcher() {}, inbound() {} },
  };
}

/**
 * Running leads for the given addresses, each with step 0 due at `due`
 * (explicit time: the send window is not what these tests are about) and
 * step 1 three days later. Bulk inserts: setup is not what is tested.
 */
export async function seedLeads(
  db: Db,
  org: { orgId: string; userId: string },
  assistantId: string,
  emails: string[],
  due: Date,
): Promise<string[]> {
  if (!emails.length) return [];
  const [assistant] = await db.select().from(assistants).where(eq(assistants.id, assistantId));
  const rows = emails.map((email) => ({
    orgId: org.orgId,
    assistantId,
    ownerId: org.userId,
    scheduleId: assistant!.defaultScheduleId!,
    email,
    firstName: 'Kim',
    source: 'event',
    context: 'Expo',
    state: 'cold',
    timeZone: 'UTC',
    replyToken: randomBytes(9).toString('base64url'),
    unsubscribeToken: randomBytes(18).toString('base64url'),
  }));
  const inserted = await db.insert(leads).values(rows).returning({ id: leads.id, token: leads.replyToken });
  await db.insert(messages).values(
    inserted.flatMap((l) =>
      [0, 1].map((step) => ({
        orgId: org.orgId,
        leadId: l.id,
        assistantId,
        kind: 'sequence' as const,
        step,
        status: 'scheduled' as const,
        dueAt: new Date(due.getTime() + step * 3 * 86_400_000),
        explicitTime: true,
        messageId: `<${randomUUID()}.${l.token}@acme.test>`,
      })),
    ),
  );
  return inserted.map((l) => l.id);
}

/** An ARF (RFC 5965) spam complaint about one of our messages, as a mailbox provider's feedback loop sends it. */
export function arfComplaint(
  original: { messageId: string; fromAddress: string },
  recipient: string,
): Buffer {
  const b = 'ARF.5965/fbl.example.net';
  return Buffer.from(
    [
      'From: Feedback Loop <fbl@fbl.example.net>',
      `To: ${original.fromAddress}`,
      'Subject: Complaint about message',
      'Date: Wed, 2 Dec 2026 10:00:00 +0000',
      `Message-ID: <arf-${randomUUID()}@fbl.example.net>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=feedback-report; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is an email abuse report for an email message received from IP 192.0.2.10.',
      '',
      `--${b}`,
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: ExampleFBL/1.0',
      'Version: 1',
      `Original-Rcpt-To: <${recipient}>`,
      'Source-IP: 192.0.2.10',
      '',
      `--${b}`,
      'Content-Type: message/rfc822',
      '',
      `From: Alex <${original.fromAddress}>`,
      `To: ${recipient}`,
      `Message-ID: ${original.messageId}`,
      'Subject: Great to connect',
      '',
      'Hi Kim, a quick idea for you.',
      '',
      `--${b}--`,
      '',
    ].join('\r\n'),
  );
}
