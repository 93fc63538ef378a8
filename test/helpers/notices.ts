import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '../../src/db/schema.ts';
import { openAssistantWindow } from './seed.ts';
import { addMember, startTestNurture } from './test-nurture.ts';

type Nurture = Awaited<ReturnType<typeof startTestNurture>>;

/** A notification as `GET /api/v1/notifications` lists it. */
export type Notice = {
  id: string;
  kind: string;
  channel: string;
  destination: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sourceId: string;
  leadId: string | null;
  sentAt: string | null;
  readAt: string | null;
};
export type NoticeList = { items: Notice[]; unreadCount: number };

/** An email the sandbox caught. */
export type Sandboxed = {
  id: string;
  leadId: string | null;
  to: string;
  from: string;
  subject: string;
  text: string;
  messageId: string;
};

export const sandboxMessages = async (n: Nurture): Promise<Sandboxed[]> =>
  (await n.api<{ items: Sandboxed[] }>('GET', '/api/v1/sandbox/messages?limit=1000')).body.items;

export async function listNotices(n: Nurture, key?: string, query = ''): Promise<NoticeList> {
  const r = await n.api<NoticeList>('GET', `/api/v1/notifications?limit=200${query}`, undefined, { key });
  expect(r.status).toBe(200);
  return r.body;
}

/** Raw RFC 5322 bytes through the inbound endpoint, as a mail server would hand them over. */
export async function postRaw(n: Nurture, raw: Buffer): Promise<{ id: string; duplicate: boolean }> {
  const r = await fetch(`${n.url}/api/v1/inbound/raw`, {
    method: 'POST',
    headers: { 'x-nurture-inbound-secret': n.org.inboundSecret, 'content-type': 'message/rfc822' },
    body: raw,
  });
  expect(r.status).toBe(202);
  return (await r.json()) as { id: string; duplicate: boolean };
}

/**
 * The cast of a notification test: Nurture with a fast notification loop and
 * the assistant's window open, an admin (the org's), a member who will own
 * leads and one who owns none.
 */
export async function startNotificationCast() {
  const n = await startTestNurture({ NOTIFY_POLL_MS: '50' });
  await openAssistantWindow(n.ctx.db, n.org.assistantId);
  const owner = await addMember(n.ctx.db, n.org.orgId);
  const bystander = await addMember(n.ctx.db, n.org.orgId);
  const [admin] = await n.ctx.db.select({ email: users.email }).from(users).where(eq(users.id, n.org.userId));
  return { n, owner, bystander, adminEmail: admin!.email };
}
