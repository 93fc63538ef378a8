import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistantUsers, messages } from '../src/db/schema.ts';
import { addMember, startTestNurture } from './helpers/test-nurture.ts';

/**
 * Editing leads (issue 11) over HTTP: one lead (PATCH) or many (a result per
 * lead), every change on the timeline by the user with old and new values,
 * errors naming the field, owners within the access rules (SPEC §10.2), the
 * tag filter (having / not having), and a new schedule or next follow-up
 * date moving the steps still to go.
 */
type Lead = {
  id: string;
  email: string;
  firstName: string | null;
  company: string | null;
  tags: string[];
  customFields: Record<string, string>;
  timeZone: string | null;
  ownerId: string;
  scheduleId: string;
  state: string;
};
type Err = { error: { code: string; message: string; field?: string } };
type Event = {
  kind: string;
  type?: string;
  reason?: string;
  actor?: { type: string; id: string | null };
  evidence?: Record<string, unknown>;
};
type Bulk = {
  results: { leadId: string; ok: boolean; error?: { code: string; message: string; field?: string } }[];
  succeeded: number;
  failed: number;
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
let member: { id: string; key: string };
let colleague: { id: string; key: string };
beforeAll(async () => {
  n = await startTestNurture();
  member = await addMember(n.ctx.db, n.org.orgId);
  colleague = await addMember(n.ctx.db, n.org.orgId);
  await n.ctx.db.insert(assistantUsers).values([
    { orgId: n.org.orgId, assistantId: n.org.assistantId, userId: member.id, isManager: false },
    { orgId: n.org.orgId, assistantId: n.org.assistantId, userId: colleague.id, isManager: false },
  ]);
}, 120_000);
afterAll(async () => n?.close());

let seq = 0;
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const newLead = async (extra: Record<string, unknown> = {}, key?: string) => {
  const r = await n.api<Lead>(
    'POST',
    '/api/v1/leads',
    // Its first email two days away: every step of the sequence is still to go.
    {
      email: `edit${++seq}@example.com`,
      source: 'event',
      firstName: 'Kim',
      timeZone: 'UTC',
      firstSendAt: later(2),
      ...extra,
    },
    { key },
  );
  expect(r.status).toBe(201);
  return r.body;
};
const patch = <T = Lead>(id: string, body: unknown, key?: string) =>
  n.api<T>('PATCH', `/api/v1/leads/${id}`, body, { key });
const events = async (id: string) =>
  (await n.api<{ items: Event[] }>('GET', `/api/v1/leads/${id}/timeline`)).body.items.filter(
    (i) => i.kind === 'event',
  );
const scheduled = (leadId: string) =>
  n.ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.leadId, leadId), eq(messages.status, 'scheduled'), eq(messages.kind, 'sequence')))
    .orderBy(asc(messages.step));

describe('editing one lead', () => {
  it('changes its details, tags and custom fields, each with old and new values on the timeline, by the user', async () => {
    const l = await newLead({ company: 'Initech', tags: ['event'] });
    const r = await patch(l.id, {
      firstName: 'Kimberly',
      company: 'Globex',
      title: 'CTO',
      phone: '+33 1 23 45 67 89',
      timeZone: 'Europe/Paris',
      tags: ['vip', ' emea ', 'vip'],
      customFields: { segment: 'Enterprise' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      firstName: 'Kimberly',
      company: 'Globex',
      timeZone: 'Europe/Paris',
      tags: ['vip', 'emea'],
      customFields: { segment: 'Enterprise' },
    });
    const edited = (await events(l.id)).filter((e) => e.type === 'lead_edited');
    expect(edited).toHaveLength(1);
    expect(edited[0]!.actor).toEqual({ type: 'user', id: n.org.userId });
    expect(edited[0]!.evidence).toMatchObject({
      changes: {
        firstName: { from: 'Kim', to: 'Kimberly' },
        company: { from: 'Initech', to: 'Globex' },
        timeZone: { from: 'UTC', to: 'Europe/Paris' },
        tags: { from: ['event'], to: ['vip', 'emea'] },
        customFields: { from: {}, to: { segment: 'Enterprise' } },
      },
    });
    // Saving the same again changes nothing, and says nothing.
    await patch(l.id, { company: 'Globex' });
    expect((await events(l.id)).filter((e) => e.type === 'lead_edited')).toHaveLength(1);
  });

  it('answers a bad field with a 400 naming it, and writes nothing', async () => {
    const l = await newLead();
    const zone = await patch<Err>(l.id, { timeZone: 'Mars/Olympus_Mons', company: 'Never saved' });
    expect([zone.status, zone.body.error.field]).toEqual([400, 'timeZone']);
    const tag = await patch<Err>(l.id, { tags: ['x'.repeat(51)] });
    expect(tag.status).toBe(400);
    expect(tag.body.error.field).toMatch(/^tags/);
    const unknown = await patch<Err>(l.id, { email: 'other@example.com' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('email');
    const empty = await patch<Err>(l.id, {});
    expect(empty.status).toBe(400);
    const past = await patch<Err>(l.id, { nextFollowUpAt: '2020-01-01T00:00:00Z' });
    expect([past.status, past.body.error.field]).toEqual([400, 'nextFollowUpAt']);
    expect((await n.api<Lead>('GET', `/api/v1/leads/${l.id}`)).body.company).toBeNull();
    expect((await events(l.id)).some((e) => e.type === 'lead_edited')).toBe(false);
  });

  it('gives the lead to another owner only within the access rules', async () => {
    const mine = await newLead({}, member.key);
    // A member may not hand their lead to a colleague (only admins and the assistant's managers may).
    const refused = await patch<Err>(mine.id, { ownerId: colleague.id }, member.key);
    expect([refused.status, refused.body.error.field]).toEqual([403, 'ownerId']);
    // Nor edit a lead they do not own: it does not exist for them.
    const theirs = await newLead({}, colleague.key);
    expect((await patch<Err>(theirs.id, { company: 'X' }, member.key)).status).toBe(404);
    // Another org's user is no one here.
    const stranger = await patch<Err>(mine.id, { ownerId: '00000000-0000-4000-8000-000000000000' });
    expect([stranger.status, stranger.body.error.field]).toEqual([404, 'ownerId']);
    // Nor move it to an assistant they are not a user of.
    const other = await n.api<{ id: string }>('POST', '/api/v1/assistants', {
      name: 'Other',
      email: `other${seq}@acme.test`,
    });
    expect(other.status).toBe(201);
    const moved = await patch<Err>(mine.id, { assistantId: other.body.id }, member.key);
    expect([moved.status, moved.body.error.field]).toEqual([403, 'assistantId']);
    // An admin may.
    const given = await patch(mine.id, { ownerId: colleague.id });
    expect([given.status, given.body.ownerId]).toEqual([200, colleague.id]);
    const edited = (await events(mine.id)).find((e) => e.type === 'lead_edited')!;
    expect(edited.evidence).toMatchObject({ changes: { ownerId: { from: member.id, to: colleague.id } } });
  });

  it('moves a lead to another assistant with its emails still to go; never a second open lead there', async () => {
    const to = await n.api<{ id: string }>('POST', '/api/v1/assistants', {
      name: 'Second',
      email: `second${seq}@acme.test`,
    });
    const l = await newLead();
    const r = await patch<Lead & { assistantId: string }>(l.id, { assistantId: to.body.id });
    expect([r.status, r.body.assistantId]).toEqual([200, to.body.id]);
    expect((await scheduled(l.id)).every((m) => m.assistantId === to.body.id)).toBe(true);
    // The same address, open on the first assistant: moving it over too would double the lead.
    const twin = await newLead({ email: l.email });
    const dup = await patch<Err>(twin.id, { assistantId: to.body.id });
    expect([dup.status, dup.body.error.field]).toEqual([409, 'assistantId']);
    expect((await scheduled(twin.id)).every((m) => m.assistantId === n.org.assistantId)).toBe(true);
  });

  it('re-plans the steps still to go on a new schedule', async () => {
    const l = await newLead();
    const before = await scheduled(l.id);
    expect(before.map((m) => m.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const s = await n.api<{ id: string }>('POST', '/api/v1/schedules', {
      name: `Short ${seq}`,
      steps: [0, 1, 3],
    });
    expect(s.status).toBe(201);
    const r = await patch(l.id, { scheduleId: s.body.id });
    expect([r.status, r.body.scheduleId]).toEqual([200, s.body.id]);
    const after = await scheduled(l.id);
    expect(after.map((m) => m.step)).toEqual([0, 1, 2]);
    const first = after[0]!.dueAt.getTime();
    expect(after[0]!.dueAt).toEqual(before[0]!.dueAt);
    expect(after.map((m) => Math.round((m.dueAt.getTime() - first) / 86_400_000))).toEqual([0, 1, 3]);
    const ev = await events(l.id);
    expect(ev.find((e) => e.type === 'lead_edited')!.evidence).toMatchObject({
      changes: { scheduleId: { to: s.body.id } },
    });
    const planned = ev.filter((e) => e.type === 'steps_scheduled').at(-1)!;
    expect(planned.actor).toEqual({ type: 'user', id: n.org.userId });
    expect(planned.evidence).toMatchObject({ removed: [3, 4, 5, 6], scheduleId: s.body.id });
  });

  it('moves the next follow-up, the later steps keeping their gaps', async () => {
    const l = await newLead();
    const before = await scheduled(l.id);
    const at = new Date(before[0]!.dueAt.getTime() + 3 * 86_400_000);
    const r = await patch(l.id, { nextFollowUpAt: at.toISOString() });
    expect(r.status).toBe(200);
    const after = await scheduled(l.id);
    expect(after[0]!.dueAt).toEqual(at);
    expect(after.map((m, i) => m.dueAt.getTime() - before[i]!.dueAt.getTime())).toEqual(
      before.map(() => 3 * 86_400_000),
    );
    const moved = (await events(l.id)).filter((e) => e.type === 'steps_scheduled').at(-1)!;
    expect(moved.actor).toEqual({ type: 'user', id: n.org.userId });
    // A stopped lead has no follow-up to move.
    await n.api('POST', `/api/v1/leads/${l.id}/actions/deactivate`);
    const none = await patch<Err>(l.id, { nextFollowUpAt: later(5) });
    expect([none.status, none.body.error.field]).toEqual([409, 'nextFollowUpAt']);
  });
});

describe('tags in the list', () => {
  it('filters leads having a tag, and not having one', async () => {
    const a = await newLead({ tags: ['filter-vip', 'filter-emea'] });
    const b = await newLead({ tags: ['filter-vip'] });
    const c = await newLead({ tags: [] });
    const ids = async (q: string) =>
      (await n.api<{ items: Lead[] }>('GET', `/api/v1/leads?limit=200&${q}`)).body.items
        .map((l) => l.id)
        .filter((id) => [a.id, b.id, c.id].includes(id))
        .sort();
    expect(await ids('tag=filter-vip')).toEqual([a.id, b.id].sort());
    expect(await ids('tag=filter-vip,filter-emea')).toEqual([a.id]);
    expect(await ids('notTag=filter-vip')).toEqual([c.id]);
    expect(await ids('tag=filter-vip&notTag=filter-emea')).toEqual([b.id]);
  });
});

describe('editing many leads', () => {
  it('applies the same change to each, with a result per lead', async () => {
    const one = await newLead({ tags: ['old'] }, member.key);
    const two = await newLead({ tags: [] }, member.key);
    const notMine = await newLead({}, colleague.key);
    const r = await n.api<Bulk>(
      'POST',
      '/api/v1/leads/edit',
      { leadIds: [one.id, two.id, notMine.id], changes: { addTags: ['bulk'], removeTags: ['old'] } },
      { key: member.key },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(r.body.results.map((x) => [x.leadId, x.ok, x.error?.code ?? null])).toEqual([
      [one.id, true, null],
      [two.id, true, null],
      [notMine.id, false, 'NOT_FOUND'],
    ]);
    expect((await n.api<Lead>('GET', `/api/v1/leads/${one.id}`)).body.tags).toEqual(['bulk']);
    expect((await n.api<Lead>('GET', `/api/v1/leads/${two.id}`)).body.tags).toEqual(['bulk']);
    expect((await n.api<Lead>('GET', `/api/v1/leads/${notMine.id}`)).body.tags).toEqual([]);
    // An owner outside the rules fails each lead alone, naming the field.
    const owners = await n.api<Bulk>(
      'POST',
      '/api/v1/leads/edit',
      { leadIds: [one.id], changes: { ownerId: colleague.id } },
      { key: member.key },
    );
    expect(owners.body.results[0]).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'ownerId' },
    });
    // A bad request fails as a whole.
    const bad = await n.api<Err>('POST', '/api/v1/leads/edit', {
      leadIds: [one.id],
      changes: { timeZone: 'Nowhere/Land' },
    });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'timeZone']);
  });
});
