import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { addMember, addRivalOrg, startTestNurture } from './helpers/test-nurture.ts';

// Schedules and an assistant's sending settings over HTTP, on a started Nurture.
type Err = { error: { code: string; message: string; field?: string } };

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
const newLead = async (extra: Record<string, unknown> = {}) => {
  const r = await n.api<{ id: string; timeZone: string }>('POST', '/api/v1/leads', {
    email: `sched${++seq}@example.com`,
    source: 'event',
    ...extra,
  });
  expect(r.status).toBe(201);
  return r.body;
};

describe('schedules over HTTP', () => {
  type Schedule = { id: string; name: string; steps: number[]; usedBy: { leads: number } };
  it('creates, reads, edits, clones and deletes; refuses bad bodies naming the field', async () => {
    const created = await n.api<Schedule>('POST', '/api/v1/schedules', {
      name: 'Europe',
      steps: [0, 3, 7, 14],
    });
    expect(created.status).toBe(201);
    const list = await n.api<{ items: Schedule[] }>('GET', '/api/v1/schedules');
    expect(list.body.items.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Default', 'Default EmailCC', 'Europe']),
    );
    const patched = await n.api<Schedule>('PATCH', `/api/v1/schedules/${created.body.id}`, {
      steps: [0, 4, 8],
    });
    expect(patched.body).toMatchObject({ steps: [0, 4, 8], replannedLeads: 0 });
    const copy = await n.api<Schedule>('POST', `/api/v1/schedules/${created.body.id}/clone`);
    expect(copy).toMatchObject({ status: 201, body: { name: 'Europe (copy)', steps: [0, 4, 8] } });
    await newLead({ scheduleId: created.body.id });
    const inUse = await n.api<Err>('DELETE', `/api/v1/schedules/${created.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/in use by 1 lead\(s\)/);
    expect((await n.api('DELETE', `/api/v1/schedules/${copy.body.id}`)).status).toBe(204);
    expect((await n.api('GET', `/api/v1/schedules/${copy.body.id}`)).status).toBe(404);
  });

  for (const [what, body, field] of [
    ['a first step not 0', { name: 'x', steps: [1, 2] }, 'steps.0'],
    ['steps out of order', { name: 'x', steps: [0, 5, 5] }, 'steps.2'],
    ['21 steps', { name: 'x', steps: Array.from({ length: 21 }, (_, i) => i) }, 'steps'],
    ['a missing name', { steps: [0] }, 'name'],
    ['a start past the last step', { name: 'x', steps: [0, 2], startsAtStep: 2 }, 'startsAtStep'],
  ] as const)
    it(`answers 400 naming ${field} for ${what}`, async () => {
      const r = await n.api<Err>('POST', '/api/v1/schedules', body);
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe(field);
    });

  it('keeps another org’s schedules out of reach, and edits to admins', async () => {
    const [theirs] = (
      await n.api<{ items: Schedule[] }>('GET', '/api/v1/schedules', undefined, { key: rival.apiKey })
    ).body.items;
    expect((await n.api('GET', `/api/v1/schedules/${theirs!.id}`)).status).toBe(404);
    expect((await n.api('PATCH', `/api/v1/schedules/${theirs!.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await n.api('POST', `/api/v1/schedules/${theirs!.id}/clone`)).status).toBe(404);
    const mine = (await n.api<{ items: Schedule[] }>('GET', '/api/v1/schedules')).body.items[0]!;
    expect(
      (await n.api('PATCH', `/api/v1/schedules/${mine.id}`, { name: 'x' }, { key: member.key })).status,
    ).toBe(403);
  });
});

describe("an assistant's sending settings", () => {
  it('changes spacing, window and cap; refuses a window that never opens, naming the field', async () => {
    const path = `/api/v1/assistants/${n.org.assistantId}/sending`;
    const r = await n.api('PATCH', path, {
      sendSpacingSeconds: 90,
      dailyCap: 250,
      timeZone: 'Europe/Berlin',
    });
    expect(r).toMatchObject({
      status: 200,
      body: { sendSpacingSeconds: 90, dailyCap: 250, sendDays: [1, 2, 3, 4, 5], timeZone: 'Europe/Berlin' },
    });
    // A lead nothing tells the zone of takes the assistant's.
    expect((await newLead({ email: `nozone${Date.now()}@example.com` })) as unknown).toMatchObject({
      timeZone: 'Europe/Berlin',
    });
    for (const [body, field] of [
      [{ sendStartMinute: 1000, sendEndMinute: 900 }, 'sendEndMinute'],
      [{ sendEndMinute: 400 }, 'sendEndMinute'],
      [{ sendDays: [] }, 'sendDays'],
      [{ sendDays: [1, 7] }, 'sendDays.1'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ sendSpacingSeconds: -1 }, 'sendSpacingSeconds'],
      [{}, 'body'],
    ] as const) {
      const bad = await n.api<Err>('PATCH', path, body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe(field);
    }
    await n.api('PATCH', path, { sendSpacingSeconds: 0, timeZone: null });
    expect((await n.api('PATCH', path, { dailyCap: 10 }, { key: member.key })).status).toBe(403);
    expect(
      (await n.api('PATCH', `/api/v1/assistants/${rival.assistantId}/sending`, { dailyCap: 10 })).status,
    ).toBe(404);
  });
});
