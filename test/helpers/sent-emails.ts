import { and, count, eq } from 'drizzle-orm';
import { messages } from '../../src/db/schema.ts';
import { type Sandboxed, sandboxMessages } from './notices.ts';
import { type startTestNurture, waitFor } from './test-nurture.ts';

type Nurture = Awaited<ReturnType<typeof startTestNurture>>;

/**
 * A lead's emails as the sandbox caught them, once there are `atLeast` of them
 * AND the worker has recorded them as sent. The sandbox keeps an email the
 * moment SMTP accepts it; the send's record (the message row's status, subject
 * and text, the timeline's `message_sent`, the sequence's completion) is
 * written after that. A test that reads the timeline, or answers as the lead,
 * on the sandbox's word alone races the worker and fails on a busy machine.
 */
export function sentEmails(n: Nurture, leadId: string, atLeast = 1): Promise<Sandboxed[]> {
  return waitFor(async () => {
    const caught = (await sandboxMessages(n)).filter((m) => m.leadId === leadId);
    if (caught.length < atLeast) return null;
    const [recorded] = await n.ctx.db
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.leadId, leadId), eq(messages.status, 'sent')));
    return Number(recorded!.n) >= caught.length ? caught : null;
  }, `${atLeast} email(s) to lead ${leadId} sent and recorded`);
}
