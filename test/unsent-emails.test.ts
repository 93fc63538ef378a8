import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { messages, sandboxMessages } from '../src/db/schema.ts';
import { leadEvents, leadMessages, makeStepDueNow } from './helpers/lead-records.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';

// The list of unsent emails (uncertain and failed sends) and their retry, over
// HTTP on a started Nurture (sandbox mail goes at once, any hour).
type Unsent = {
  id: string;
  leadId: string;
  lead: { email: string; state: string };
  step: number | null;
  status: string;
  error: string | null;
  at: string;
};
type Page = { items: Unsent[]; nextCursor: string | null };
type Retry = { retried: { id: string; leadId: string; was: string }[] };

let n: Awaited<ReturnType<typeof startTestNurture>>;
let member: { id: string; key: string };
let rival: InitResult;
beforeAll(async () => {
  n = await startTestNurture();
  member = await addMember(n.ctx.db, n.org.orgId);
  rival = await addRivalOrg(n.ctx.db);
});
afterAll(async () => n?.close());

let seq = 0;
const newLead = async (key?: string) => {
  const r = await n.api<{ id: string }>(
    'POST',
    '/api/v1/leads',
    { email: `unsent${++seq}@example.com`, source: 'event', firstName: 'Kim' },
    { key },
  );
  expect(r.status).toBe(201);
  // Its first email goes at once (sandbox): the step left unsent below is the second.
  await waitFor(async () => (await leadMessages(n.ctx.db, r.body.id))[0]?.status === 'sent', 'step 1 sent');
  return r.body.id;
};
/** What a dead worker or an SMTP server that never recovered leaves behind (made so here: the dispatcher tests make them for real). */
const strand = async (leadId: string, status: 'uncertain' | 'failed', error: string) => {
  const [, second] = await leadMessages(n.ctx.db, leadId);
  await n.ctx.db
    .update(messages)
    .set({ status, lastError: error, claimedAt: new Date(), attempts: 1 })
    .where(eq(messages.id, second!.id));
  // As if the days before it had passed (after the status, so no round takes it first): a
  // retried follow-up still keeps the schedule's gap after the step before it.
  await makeStepDueNow(n.ctx.db, leadId, 1);
  return second!;
};
const sandboxCount = async (messageId: string) =>
  (await n.ctx.db.select().from(sandboxMessages).where(eq(sandboxMessages.messageId, messageId))).length;

describe('unsent emails', () => {
  let adminLead: string;
  let memberLead: string;
  let adminMsg: { id: string; messageId: string };
  let memberMsg: { id: string; messageId: string };

  it('lists uncertain and failed sends with lead, step, error and when; a member sees their own leads’ only', async () => {
    adminLead = await newLead();
    memberLead = await newLead(member.key);
    adminMsg = await strand(adminLead, 'uncertain', 'worker stopped mid-send; delivery unknown');
    memberMsg = await strand(memberLead, 'failed', '451 4.3.0 mailbox busy');
    // Another org's failed send is never shown.
    const rivalMsg = await strand(await newLead(rival.apiKey), 'failed', '554 rejected');

    const all = await n.api<Page>('GET', '/api/v1/unsent-emails');
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => i.id).sort()).toEqual([adminMsg.id, memberMsg.id].sort());
    const a = all.body.items.find((i) => i.id === adminMsg.id)!;
    expect(a).toMatchObject({
      leadId: adminLead,
      step: 1,
      status: 'uncertain',
      error: 'worker stopped mid-send; delivery unknown',
      lead: { email: expect.stringMatching(/^unsent\d+@example.com$/), state: 'cold' },
    });
    expect(Date.parse(a.at)).toBeGreaterThan(Date.now() - 60_000);

    const mine = await n.api<Page>('GET', '/api/v1/unsent-emails', undefined, { key: member.key });
    expect(mine.body.items.map((i) => i.id)).toEqual([memberMsg.id]);
    const theirs = await n.api<Page>('GET', '/api/v1/unsent-emails', undefined, { key: rival.apiKey });
    expect(theirs.body.items.map((i) => i.id)).toEqual([rivalMsg.id]);
    const failedOnly = await n.api<Page>('GET', '/api/v1/unsent-emails?status=failed');
    expect(failedOnly.body.items.map((i) => i.id)).toEqual([memberMsg.id]);
    const paged = await n.api<Page>('GET', '/api/v1/unsent-emails?limit=1');
    expect(paged.body.items).toHaveLength(1);
    const next = await n.api<Page>(`GET`, `/api/v1/unsent-emails?limit=1&cursor=${paged.body.nextCursor}`);
    expect([...paged.body.items, ...next.body.items].map((i) => i.id).sort()).toEqual(
      [adminMsg.id, memberMsg.id].sort(),
    );
    expect((await n.api('GET', '/api/v1/unsent-emails?status=sent')).status).toBe(400);
    expect((await n.api('GET', '/api/v1/unsent-emails', undefined, { key: null })).status).toBe(401);
  });

  it('retries one: the owner may, another member may not; it is on the timeline and sent once', async () => {
    const refused = await n.api('POST', `/api/v1/unsent-emails/${adminMsg.id}/retry`, undefined, {
      key: member.key,
    });
    expect(refused.status).toBe(404);
    expect((await n.api('POST', '/api/v1/unsent-emails/not-a-uuid/retry')).status).toBe(404);

    const r = await n.api<Retry>('POST', `/api/v1/unsent-emails/${memberMsg.id}/retry`, undefined, {
      key: member.key,
    });
    expect(r.status).toBe(200);
    expect(r.body.retried).toEqual([{ id: memberMsg.id, leadId: memberLead, was: 'failed' }]);
    await waitFor(
      async () => (await leadMessages(n.ctx.db, memberLead))[1]?.status === 'sent',
      'the retried email sent',
    );
    expect(await sandboxCount(memberMsg.messageId)).toBe(1);
    const [retried] = await leadEvents(n.ctx.db, memberLead, 'send_retried');
    expect(retried).toMatchObject({ actorType: 'user', actorId: member.id });
    expect(retried!.reason).toMatch(/Retried by a user: step 2 had failed \(451 4\.3\.0 mailbox busy\)/);
    expect(retried!.evidence).toMatchObject({ was: 'failed', error: '451 4.3.0 mailbox busy', step: 1 });
    // Nothing left to retry: a conflict that says why.
    const again = await n.api<{ error: { code: string; message: string } }>(
      'POST',
      `/api/v1/unsent-emails/${memberMsg.id}/retry`,
      undefined,
      { key: member.key },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/is sent, not uncertain or failed/);
  });

  it('retries all through the send rules: a lead stopped since is not emailed, and the timeline says why', async () => {
    expect((await n.api('POST', `/api/v1/leads/${adminLead}/actions/deactivate`)).status).toBe(200);
    // Deactivating cancels the steps still to go; the uncertain one stays listed.
    expect((await n.api<Page>('GET', '/api/v1/unsent-emails')).body.items.map((i) => i.id)).toEqual([
      adminMsg.id,
    ]);
    const r = await n.api<Retry>('POST', '/api/v1/unsent-emails/retry-all', { status: ['uncertain'] });
    expect(r.status).toBe(200);
    expect(r.body.retried.map((x) => x.id)).toEqual([adminMsg.id]);
    await waitFor(
      async () => (await leadMessages(n.ctx.db, adminLead))[1]?.status === 'cancelled',
      'the retried email refused by the send rules',
    );
    expect(await sandboxCount(adminMsg.messageId)).toBe(0);
    const [skipped] = await leadEvents(n.ctx.db, adminLead, 'send_skipped');
    expect(skipped!.reason).toMatch(/Not sent/);
    expect((await leadEvents(n.ctx.db, adminLead, 'send_retried')).length).toBe(1);
    expect((await n.api<Page>('GET', '/api/v1/unsent-emails')).body.items).toEqual([]);
    // Nothing to retry is no error.
    expect((await n.api<Retry>('POST', '/api/v1/unsent-emails/retry-all')).body.retried).toEqual([]);
  });
});
