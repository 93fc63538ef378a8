import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../db/database.ts';
import { pgJson } from '../db/pg-text.ts';
import { messages, notifications, sandboxMessages } from '../db/schema.ts';
import type { Logger } from '../platform/logger.ts';

const maxSize = 25 * 1024 * 1024;

/**
 * The built-in sandbox (SPEC §10.1): a real SMTP server on loopback that keeps
 * every message it is given, so the whole loop runs with no mail provider. It
 * stores a message before answering 250, which is what lets a restarted worker
 * ask "did this reach the server?" (reconcile-interrupted.ts). A second copy of
 * the same Message-ID is counted, not stored, so duplicates stay visible.
 * Port 0 takes any free port; the port it got is returned, and the process's
 * own worker sends there (app/start.ts).
 */
export async function startSandboxSmtp(
  db: Db,
  log: Logger,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: maxSize,
    logger: false,
    banner: 'Nurture sandbox',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('Message too large for the sandbox'), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        storeSandboxMessage(db, raw, {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
        }).then(
          () => callback(),
          (e) => {
            log.error('sandbox could not store a message', { error: e });
            callback(Object.assign(new Error('Sandbox storage failed, try again'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Only once listening: a port in use is the caller's one-line error (app/listen-errors.ts), not a logged one.
  server.on('error', (e) => log.error('sandbox SMTP error', { error: e }));
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  log.info('sandbox SMTP listening', { port: actualPort });
  return { port: actualPort, close: () => new Promise((r) => server.close(() => r())) };
}

export async function storeSandboxMessage(
  db: Db,
  raw: Buffer,
  envelope: { from: string | null; to: string[] },
): Promise<void> {
  const parsed = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true });
  const messageId =
    parsed.messageId ?? `<sandbox-${createHash('sha256').update(raw).digest('hex')}@nurture.local>`;
  // Whose it is: an email to a lead (messages), else a notification to a user.
  const [outgoing] = await db
    .select({ orgId: messages.orgId })
    .from(messages)
    .where(eq(messages.messageId, messageId));
  const [notice] = outgoing
    ? []
    : await db
        .select({ orgId: notifications.orgId })
        .from(notifications)
        .where(eq(notifications.messageId, messageId));
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines)
    headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
  await db
    .insert(sandboxMessages)
    .values(
      pgJson({
        messageId,
        orgId: outgoing?.orgId ?? notice?.orgId ?? null,
        envelopeFrom: envelope.from,
        envelopeTo: envelope.to,
        fromHeader: parsed.from?.text ?? null,
        toHeader: Array.isArray(parsed.to)
          ? parsed.to.map((t) => t.text).join(', ')
          : (parsed.to?.text ?? null),
        subject: parsed.subject ?? null,
        textBody: parsed.text ?? null,
        headers,
        raw: raw.toString('utf8'),
      }),
    )
    .onConflictDoUpdate({
      target: sandboxMessages.messageId,
      set: { receivedCount: sql`${sandboxMessages.receivedCount} + 1` },
    });
}
