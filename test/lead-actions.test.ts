import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { messages, suppressions } from '../src/db/schema.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';

// Lead actions, the lead list, schedules and assistant sending settings over
// HTTP, on a started Nurture (sandbox mail goes at once, any hour).
type Lead = {
  id: string;
  email: string;
  state: string;
  subState: string | null;
  ownerId: string;
  handledOutsideAt: string | null;
};
type Err = { error: { code: string; message: string; field?: string } };
type Timeline = {
  items: {
    kind: string;
    type?: string;
    reason?: string;
    actor?: { type: string; id: string | null };
    evidence?: Record<string, unknown>;
  }[];
};
type Bulk = {
  results: { leadId: string; ok: boolean; state?: string; error?: { code: string; message: string } }[];
  succeeded: number;
  failed: number;
};

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
const newLead = async (extra: Record<string, unknown> = {}, key?: string) => {
  const r = await n.api<Lead>(
    'POST',
    '/api/v1/leads',
    { email: `lead${++seq}@example.com`, source: 'event', firstName: 'Kim', ...extra },
    { key },
  );
  expect(r.status).toBe(201);
  return r.body;
};
const act = <T = Lead>(id: string, action: string, body?: unknown, key?: string) =>
  n.api<T>('POST', `/api/v1/leads/${id}/actions/${action}`, body, { key });
const timeline = async (id: string) =>
  (await n.api<Timeline>('GET', `/api/v1/leads/${id}/timeline`)).body.items.filter((i) => i.kind === 'event');
const seqMessages = (leadId: string) =>
  n.ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.leadId, leadId), eq(messages.kind, 'sequence')))
    .orderBy(asc(messages.createdAt), asc(messages.step));
const firstSent = (leadId: string) =>
  waitFor(
    async () => (await seqMessages(leadId)).find((m) => m.step === 0 && m.status === 'sent'),
    'the first email to go',
  );

describe('actions on one lead', () => {
  it('adds a note by the user, and refuses a note without text', async () => {
    const l = await newLead();
    const r = await act(l.id, 'note', { text: 'Called: wants a demo in May' });
    expect(r.status).toBe(200);
    const note = (await timeline(l.id)).find((e) => e.type === 'note')!;
    expect(note).toMatchObject({
      reason: 'Called: wants a demo in May',
      actor: { type: 'user', id: n.org.userId },
    });
    const bad = await act<Err>(l.id, 'note', {});
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'text' });
  });

  it('marks hot (the sequence stops), then refuses it again with the state machine’s reason', async () => {
    const l = await newLead();
    const r = await act(l.id, 'hot');
    expect(r.body).toMatchObject({ state: 'hot', subState: 'ManualHot' });
    const events = await timeline(l.id);
    expect(
      events.find((e) => e.type === 'state_changed' && e.evidence?.transition === 'cold→hot'),
    ).toMatchObject({
      actor: { type: 'user', id: n.org.userId },
      reason: 'Marked hot by a user',
    });
    await waitFor(
      async () => (await seqMessages(l.id)).every((m) => m.status !== 'scheduled'),
      'remaining steps cancelled',
    );
    const again = await act<Err>(l.id, 'hot');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(again.body.error.message).toMatch(/mark_hot is not allowed from hot/);
  });

  it('continues a stopped lead from where it stopped, in the same thread', async () => {
    const l = await newLead();
    const root = await firstSent(l.id);
    expect((await act(l.id, 'deactivate')).body).toMatchObject({
      state: 'deactivated',
      subState: 'ManualStop',
    });
    const r = await act(l.id, 'continue');
    expect(r.body).toMatchObject({ state: 'cold', subState: null });
    const planned = (await seqMessages(l.id)).filter(
      (m) => m.status === 'scheduled' || m.createdAt > root.createdAt,
    );
    const resumed = planned.filter((m) => m.id !== root.id && m.status !== 'cancelled');
    expect(resumed.map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(resumed.every((m) => m.inReplyTo === root.messageId)).toBe(true);
    // Step 2 keeps the schedule's 2-day gap after step 1 went (SPEC §5.1), the later ones theirs from it.
    const days = resumed.map((m) =>
      Math.round((m.dueAt.getTime() - resumed[0]!.dueAt.getTime()) / 86_400_000),
    );
    expect(days).toEqual([0, 3, 7, 12, 19, 28]);
    const [sentRoot] = (await seqMessages(l.id)).filter((m) => m.id === root.id);
    // (Two local days: within an hour of 48 h across a DST change.)
    const gap = resumed[0]!.dueAt.getTime() - sentRoot!.sentAt!.getTime();
    expect(Math.abs(gap - 2 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
    const scheduled = (await timeline(l.id)).filter((e) => e.type === 'steps_scheduled').at(-1)!;
    expect(scheduled.reason).toMatch(/^Continued by a user from step 2/);
    expect(scheduled.actor).toEqual({ type: 'user', id: n.org.userId });
  });

  it('restarts a stopped lead from step 1 in a new thread', async () => {
    const l = await newLead();
    const root = await firstSent(l.id);
    await act(l.id, 'deactivate');
    expect((await act(l.id, 'restart')).body).toMatchObject({ state: 'cold' });
    const fresh = (await seqMessages(l.id)).filter(
      (m) => m.createdAt > root.createdAt && m.status !== 'cancelled',
    );
    expect(fresh.map((m) => m.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(fresh[0]!.inReplyTo).toBeNull();
    expect(fresh[0]!.messageId).not.toBe(root.messageId);
    expect(fresh.slice(1).every((m) => m.inReplyTo === fresh[0]!.messageId)).toBe(true);
  });

  it('unsubscribes for good: suppressed org-wide, and never resumed', async () => {
    const l = await newLead();
    expect((await act(l.id, 'unsubscribe')).body).toMatchObject({
      state: 'unsubscribed',
      subState: 'ManualUnsubscribe',
    });
    const [s] = await n.ctx.db.select().from(suppressions).where(eq(suppressions.email, l.email));
    expect(s).toMatchObject({ orgId: n.org.orgId, leadId: l.id });
    const r = await act<Err>(l.id, 'continue');
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/unsubscribed/);
    expect((await n.api('POST', '/api/v1/leads', { email: l.email, source: 'event' })).status).toBe(422);
  });

  it('turns at-risk reminders off when handled outside', async () => {
    const l = await newLead();
    const r = await act(l.id, 'handled-outside');
    expect(r.body.handledOutsideAt).toEqual(expect.any(String));
    expect((await timeline(l.id)).find((e) => e.type === 'handled_outside')).toMatchObject({
      actor: { type: 'user', id: n.org.userId },
    });
  });

  it('changes the owner (admins only, to a user of the org)', async () => {
    const l = await newLead();
    expect((await n.api('GET', `/api/v1/leads/${l.id}`, undefined, { key: member.key })).status).toBe(404);
    const r = await act(l.id, 'change-owner', { ownerId: member.id });
    expect(r.body.ownerId).toBe(member.id);
    expect((await timeline(l.id)).find((e) => e.type === 'owner_changed')!.evidence).toEqual({
      from: n.org.userId,
      to: member.id,
    });
    // Now the member sees it, but may not hand it on.
    expect((await n.api('GET', `/api/v1/leads/${l.id}`, undefined, { key: member.key })).status).toBe(200);
    const forbidden = await act<Err>(l.id, 'change-owner', { ownerId: n.org.userId }, member.key);
    expect(forbidden.status).toBe(403);
    const stranger = await act<Err>(l.id, 'change-owner', { ownerId: rival.userId });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.field).toBe('ownerId');
  });

  const bad: [string, string, unknown, number, string][] = [
    ['an unknown action', 'promote', undefined, 400, 'action'],
    ['an unknown field', 'note', { text: 'x', colour: 'red' }, 400, 'colour'],
    ['a wrongly typed field', 'note', { text: 42 }, 400, 'text'],
    ['a missing owner', 'change-owner', {}, 400, 'ownerId'],
  ];
  for (const [what, action, body, status, field] of bad)
    it(`answers ${status} naming ${field} for ${what}`, async () => {
      const l = await newLead();
      const r = await act<Err>(l.id, action, body);
      expect(r.status).toBe(status);
      expect(r.body.error.field).toBe(field);
    });

  it('answers 404 for another org’s lead, and a member for a lead not theirs', async () => {
    const mine = await newLead();
    const theirs = await addLead(
      n.ctx,
      { orgId: rival.orgId, userId: rival.userId, role: 'admin' },
      { email: 'rival-lead@example.com', source: 'event' },
    );
    for (const [id, key] of [
      [theirs.id, undefined],
      [mine.id, member.key],
      ['not-a-uuid', undefined],
    ] as const) {
      const r = await act<Err>(id, 'deactivate', undefined, key);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
    expect((await n.api<Lead>('GET', `/api/v1/leads/${mine.id}`)).body.state).toBe('cold');
  });
});

describe('bulk actions', () => {
  it('acts on every lead it can and reports the others, never failing the batch', async () => {
    const [a, b, hot] = [await newLead(), await newLead(), await newLead()];
    await act(hot.id, 'hot');
    const theirs = await addLead(
      n.ctx,
      { orgId: rival.orgId, userId: rival.userId, role: 'admin' },
      { email: 'rival-bulk@example.com', source: 'event' },
    );
    const r = await n.api<Bulk>('POST', '/api/v1/leads/actions/hot', {
      leadIds: [a.id, 'nonsense', b.id, theirs.id, hot.id, a.id],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ succeeded: 2, failed: 3 });
    expect(r.body.results).toEqual([
      { leadId: a.id, ok: true, state: 'hot', subState: 'ManualHot' },
      { leadId: 'nonsense', ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } },
      { leadId: b.id, ok: true, state: 'hot', subState: 'ManualHot' },
      { leadId: theirs.id, ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } },
      {
        leadId: hot.id,
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: expect.stringMatching(/already hot/) },
      },
    ]);
    expect((await n.api<Lead>('GET', `/api/v1/leads/${b.id}`)).body.state).toBe('hot');
  });

  it('never resumes a lead whose address validation found invalid, even marked hot, and says why per lead', async () => {
    // SPEC §7: a throwaway-mailbox domain is refused the moment the lead is added.
    const bad = await newLead({ email: `kim${++seq}@mailinator.com` });
    expect(bad).toMatchObject({ state: 'deactivated', subState: 'Disposable' });
    // A human may still call it hot (they know the person); that plans nothing.
    expect((await act(bad.id, 'hot')).body).toMatchObject({ state: 'hot', subState: 'ManualHot' });
    expect(await seqMessages(bad.id)).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    for (const action of ['continue', 'restart']) {
      const r = await act<Err>(bad.id, action);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('INVALID_TRANSITION');
      expect(r.body.error.message).toContain(`the address was found Disposable on ${today}`);
    }
    const good = await newLead();
    await firstSent(good.id);
    await act(good.id, 'deactivate');
    const r = await n.api<Bulk>('POST', '/api/v1/leads/actions/continue', { leadIds: [bad.id, good.id] });
    expect(r.body).toMatchObject({ succeeded: 1, failed: 1 });
    expect(r.body.results[0]).toEqual({
      leadId: bad.id,
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        message: expect.stringMatching(/found Disposable on \d{4}-\d{2}-\d{2}/),
      },
    });
    expect(r.body.results[1]).toMatchObject({ leadId: good.id, ok: true, state: 'cold' });
    expect((await seqMessages(bad.id)).length).toBe(0);
    expect((await n.api<Lead>('GET', `/api/v1/leads/${bad.id}`)).body.state).toBe('hot');
  });

  it('adds the same note to many leads', async () => {
    const [a, b] = [await newLead(), await newLead()];
    const r = await n.api<Bulk>('POST', '/api/v1/leads/actions/note', {
      leadIds: [a.id, b.id],
      text: 'Met at Expo',
    });
    expect(r.body.succeeded).toBe(2);
    for (const l of [a, b]) expect((await timeline(l.id)).some((e) => e.reason === 'Met at Expo')).toBe(true);
  });

  const bad: [string, string, unknown, string][] = [
    ['no leads', 'deactivate', { leadIds: [] }, 'leadIds'],
    [
      'more than 1000 leads',
      'deactivate',
      { leadIds: Array.from({ length: 1001 }, (_, i) => `id${i}`) },
      'leadIds',
    ],
    ['a missing leadIds', 'deactivate', {}, 'leadIds'],
    ['a note without text', 'note', { leadIds: ['x'] }, 'text'],
    ['an unknown action', 'promote', { leadIds: ['x'] }, 'action'],
  ];
  for (const [what, action, body, field] of bad)
    it(`answers 400 naming ${field} for ${what}`, async () => {
      const r = await n.api<Err>('POST', `/api/v1/leads/actions/${action}`, body);
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe(field);
    });
});

describe('the lead list', () => {
  it('filters, searches and pages newest first; a member sees only their leads', async () => {
    const tag = `list${Date.now()}`;
    const made: Lead[] = [];
    for (let i = 0; i < 5; i++)
      made.push(
        await newLead({ email: `${tag}-${i}@example.com`, company: i === 2 ? 'Globex 50%' : 'Initech' }),
      );
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const r: { status: number; body: { items: Lead[]; nextCursor: string | null } } = await n.api(
        'GET',
        `/api/v1/leads?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(r.status).toBe(200);
      pages.push(r.body.items.map((l) => l.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(made.map((l) => l.id).reverse());

    const globex = await n.api<{ items: Lead[] }>(
      'GET',
      `/api/v1/leads?q=${encodeURIComponent('globex 50%')}`,
    );
    expect(globex.body.items.map((l) => l.id)).toEqual([made[2]!.id]);
    await act(made[0]!.id, 'hot');
    const hot = await n.api<{ items: Lead[] }>('GET', `/api/v1/leads?q=${tag}&state=hot,responded`);
    expect(hot.body.items.map((l) => l.id)).toEqual([made[0]!.id]);

    await act(made[1]!.id, 'change-owner', { ownerId: member.id });
    const mine = await n.api<{ items: Lead[] }>('GET', `/api/v1/leads?q=${tag}`, undefined, {
      key: member.key,
    });
    expect(mine.body.items.map((l) => l.id)).toEqual([made[1]!.id]);
    const byOwner = await n.api<{ items: Lead[] }>('GET', `/api/v1/leads?q=${tag}&ownerId=${member.id}`);
    expect(byOwner.body.items.map((l) => l.id)).toEqual([made[1]!.id]);
  });

  for (const [query, field] of [
    ['state=lukewarm', 'state'],
    ['cursor=abc', 'cursor'],
    ['limit=0', 'limit'],
    ['createdFrom=yesterday', 'createdFrom'],
    ['colour=red', 'colour'],
  ])
    it(`answers 400 naming ${field} for ?${query}`, async () => {
      const r = await n.api<Err>('GET', `/api/v1/leads?${query}`);
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe(field);
    });
});
