import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverabilityAlerts } from '../src/db/schema.ts';
import { arfComplaint } from './helpers/deliverability.ts';
import { deliveryReport } from './helpers/mail-builders.ts';
import { listNotices, postRaw, sandboxMessages, startNotificationCast } from './helpers/notices.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { type startTestNurture, waitFor } from './helpers/test-nurture.ts';

// SPEC §5.3, §6.2: a delivery report that blames the sender (blocklisted IP,
// DMARC failure…) or a spam complaint raises a deliverability alert, and the
// assistant's users are told by email, from the assistant's mailbox, at most
// once an hour per assistant and kind.

type Lead = { id: string; email: string; state: string; subState: string | null };
type Item = { type?: string; reason?: string; evidence?: Record<string, unknown> };

const spamhaus =
  '554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.9';
const dmarc =
  "550 5.7.26 Unauthenticated email from acme.test is not accepted due to domain's DMARC policy. Please contact the administrator of acme.test domain if this was a legitimate mail.";
const blockedSubject = 'Deliverability alert: mail from alex@acme.test was refused as blocked';
const complaintSubject = 'Deliverability alert: a recipient reported an email from alex@acme.test as spam';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let owner: { id: string; key: string };
let bystander: { id: string; key: string };
let adminEmail: string;
beforeAll(async () => {
  ({ n, owner, bystander, adminEmail } = await startNotificationCast());
});
afterAll(async () => n?.close());

const sandbox = () => sandboxMessages(n);
const notices = async (key?: string) => (await listNotices(n, key)).items;
const timeline = async (id: string) =>
  (await n.api<{ items: Item[] }>('GET', `/api/v1/leads/${id}/timeline`)).body.items;
const alertEvent = (id: string) =>
  waitFor(
    async () => (await timeline(id)).find((i) => i.type === 'deliverability_alert'),
    `the deliverability alert on lead ${id}`,
  );

/** A lead (owned by the caller of `key`) and its first email, as the sandbox received it, once recorded as sent. */
async function leadWithFirstEmail(email: string, key?: string) {
  const r = await n.api<Lead>(
    'POST',
    '/api/v1/leads',
    {
      email,
      firstName: 'Sam',
      lastName: 'Lee',
      company: 'Widgets Ltd',
      source: 'website',
      context: 'Widgets',
    },
    { key },
  );
  expect(r.status).toBe(201);
  // Sent and recorded: the report must not overtake the record of the email it is about.
  const [mail] = await sentEmails(n, r.body.id);
  const fromAddress = /<([^>]+)>/.exec(mail!.from)?.[1] ?? mail!.from;
  return { lead: r.body, original: { messageId: mail!.messageId, fromAddress } };
}

const post = async (raw: Buffer) => {
  await postRaw(n, raw);
};

/** Wait for `count` notices with this subject to be sent to the admin and as many to the owner. */
const sentWith = (subject: string, count = 1) =>
  waitFor(async () => {
    const mine = (await notices()).filter((i) => i.subject === subject);
    const theirs = (await notices(owner.key)).filter((i) => i.subject === subject);
    return mine.length >= count &&
      theirs.length >= count &&
      [...mine, ...theirs].every((i) => i.status === 'sent')
      ? { mine, theirs }
      : null;
  }, `${count} "${subject}" to be sent to the admin and the owner`);

describe('sender blocks and complaints reported by mail tell the assistant users', () => {
  it('a blocklisting DSN: the lead is kept, the admin and the lead owner get an email with the server words', async () => {
    const { lead, original } = await leadWithFirstEmail('sam@blocked.example.com');
    // The owner owns a lead on the assistant: that makes them one of its users.
    await leadWithFirstEmail('owned@example.org', owner.key);
    await post(deliveryReport(original, lead.email, '5.7.1', spamhaus));

    const { mine, theirs } = await sentWith(blockedSubject);
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'deliverability_alert', destination: adminEmail, leadId: lead.id });
    expect(theirs[0]!.sourceId).toBe(mine[0]!.sourceId); // one alert, told to each user
    expect(await notices(bystander.key)).toEqual([]);

    // The email itself, in the sandbox: from the assistant's mailbox, with the reason and what to do.
    const mail = await waitFor(
      async () => (await sandbox()).find((m) => m.subject === blockedSubject && m.to.includes(adminEmail)),
      'the sender-block email in the sandbox',
    );
    expect(mail.from).toMatch(/^"?Alex"? <alex@acme\.test>$/);
    expect(mail.text).toContain('Status:      5.7.1');
    expect(mail.text).toContain('Reason:      blocked');
    expect(mail.text).toContain('blocked using zen.spamhaus.org');
    expect(mail.text).toContain('Lead:        Sam Lee <sam@blocked.example.com> (Widgets Ltd)');
    expect(mail.text).toContain(`/api/v1/leads/${lead.id}/timeline`);
    expect(mail.text).toMatch(/blocklists/);
    expect(mail.text).toMatch(/SPF, DKIM and DMARC/);
    const raw = (await n.api<{ raw: string }>('GET', `/api/v1/sandbox/messages/${mail.id}`)).body.raw;
    expect(raw).toMatch(/^Auto-Submitted: auto-generated/m);

    // The lead is kept; its timeline says who was told.
    expect((await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`)).body.state).toBe('cold');
    const event = await alertEvent(lead.id);
    expect(event.reason).toMatch(/sender-side reason \(blocked\); the lead is kept/);
    expect(event.evidence).toMatchObject({
      alertId: mine[0]!.sourceId,
      bounce: { reason: 'blocked', status: '5.7.1' },
    });
    expect(event.evidence!.diagnostic).toMatch(/zen\.spamhaus\.org/);
    expect((event.evidence!.notifiedUserIds as string[]).sort()).toEqual([n.org.userId, owner.id].sort());
  });

  it('a second sender block within the hour is an alert and a timeline event, but no second email', async () => {
    const { lead, original } = await leadWithFirstEmail('kim@dmarc.example.net');
    await post(deliveryReport(original, lead.email, '5.7.26', dmarc));
    const event = await alertEvent(lead.id);
    // The enqueueing is in the transaction that wrote this event: nothing more can come.
    expect(event.evidence).toMatchObject({ notifiedUserIds: [], bounce: { reason: 'authfailure' } });
    expect(event.evidence!.notificationHeld).toMatch(
      /emailed at .* \(within the last hour\): not emailed again/,
    );
    const first = (await notices()).find((i) => i.subject === blockedSubject)!;
    expect(event.evidence!.emailedAlertId).toBe(first.sourceId);

    const alerts = await n.ctx.db
      .select()
      .from(deliverabilityAlerts)
      .where(and(eq(deliverabilityAlerts.orgId, n.org.orgId), eq(deliverabilityAlerts.kind, 'sender_block')));
    expect(alerts).toHaveLength(2);
    expect(
      (await notices()).filter((i) => i.subject.startsWith('Deliverability alert: mail from')),
    ).toHaveLength(1);
    expect(
      (await notices(owner.key)).filter((i) => i.subject.startsWith('Deliverability alert: mail from')),
    ).toHaveLength(1);
    expect(
      (await sandbox()).filter((m) => m.subject.startsWith('Deliverability alert: mail from')),
    ).toHaveLength(2);
  });

  it('a spam complaint (ARF) is its own kind: emailed despite the sender block, the address suppressed for good', async () => {
    const { lead, original } = await leadWithFirstEmail('angry@complain.example.com');
    await post(arfComplaint(original, lead.email));
    const { mine } = await sentWith(complaintSubject);
    expect(mine).toHaveLength(1);
    expect((await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`)).body.state).toBe('unsubscribed');
    const mail = await waitFor(
      async () => (await sandbox()).find((m) => m.subject === complaintSubject && m.to.includes(adminEmail)),
      'the complaint email in the sandbox',
    );
    expect(mail.from).toMatch(/^"?Alex"? <alex@acme\.test>$/);
    expect(mail.text).toContain('Feedback:    abuse');
    expect(mail.text).toContain('This is an email abuse report');
    expect(mail.text).toContain('Lead:        Sam Lee <angry@complain.example.com> (Widgets Ltd)');
    expect(mail.text).toContain('the address is suppressed for good');
    const event = await alertEvent(lead.id);
    expect((event.evidence!.notifiedUserIds as string[]).sort()).toEqual([n.org.userId, owner.id].sort());
  });

  it('an hour after the last email, the next sender block is emailed again', async () => {
    // Move the earlier alerts an hour and a minute into the past.
    await n.ctx.db
      .update(deliverabilityAlerts)
      .set({ createdAt: sql`${deliverabilityAlerts.createdAt} - interval '61 minutes'` })
      .where(eq(deliverabilityAlerts.orgId, n.org.orgId));
    const { lead, original } = await leadWithFirstEmail('again@blocked.example.com');
    await post(deliveryReport(original, lead.email, '5.7.1', spamhaus));
    const { mine, theirs } = await sentWith(blockedSubject, 2);
    expect(mine).toHaveLength(2);
    expect(theirs).toHaveLength(2);
    expect(mine.find((i) => i.leadId === lead.id)).toBeDefined();
  });
});
