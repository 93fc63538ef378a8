import { count, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../src/accounts/org-setup.ts';
import { leads, messages, suppressions, timelineEvents } from '../src/db/schema.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { startTestNurture } from './helpers/test-nurture.ts';

type Lead = { id: string; email: string; state: string; subState: string | null; timeZone: string };
type Err = { error: { code: string; message: string; field?: string } };
type Timeline = {
  items: { kind: string; type?: string; status?: string; evidence?: Record<string, unknown>; at: string }[];
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture();
});
afterAll(async () => n?.close());

const rowCounts = async () => {
  const [[l], [m], [t]] = await Promise.all([
    n.ctx.db.select({ c: count() }).from(leads),
    n.ctx.db.select({ c: count() }).from(messages),
    // Only events a lead's creation writes: the worker adds others in the background.
    n.ctx.db
      .select({ c: count() })
      .from(timelineEvents)
      .where(inArray(timelineEvents.type, ['lead_added', 'state_changed', 'steps_scheduled'])),
  ]);
  return { leads: l!.c, messages: m!.c, events: t!.c };
};

describe('POST /api/v1/leads', () => {
  it('adds a lead, normalises its email, activates it and plans the default schedule', async () => {
    const r = await n.api<Lead>('POST', '/api/v1/leads', {
      email: '  Ada.Lovelace@Example.COM ',
      firstName: 'Ada',
      source: 'website',
      context: 'Analytical Engine',
      phone: '+44 20 7946 0000',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      email: 'Ada.Lovelace@example.com',
      state: 'cold',
      subState: null,
      timeZone: 'Europe/London',
    });
    const t = await n.api<Timeline>('GET', `/api/v1/leads/${r.body.id}/timeline`);
    const types = t.body.items.filter((i) => i.kind === 'event').map((i) => i.type);
    expect(types.slice(0, 3)).toEqual(['lead_added', 'state_changed', 'steps_scheduled']);
    const planned = t.body.items.find((i) => i.type === 'steps_scheduled')!.evidence!.steps as {
      step: number;
      dueAt: string;
    }[];
    expect(planned.map((s) => s.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const days = planned.map((s) =>
      Math.round((Date.parse(s.dueAt) - Date.parse(planned[0]!.dueAt)) / 86_400_000),
    );
    expect(days).toEqual([0, 2, 5, 9, 14, 21, 30]);
  });

  it('keeps an explicit first-send time in the future: nothing is sent before it', async () => {
    const at = new Date(Date.now() + 3 * 86_400_000);
    const r = await n.api<Lead>('POST', '/api/v1/leads', {
      email: 'later@example.org',
      source: 'event',
      firstSendAt: at.toISOString(),
    });
    expect(r.status).toBe(201);
    const t = await n.api<Timeline>('GET', `/api/v1/leads/${r.body.id}/timeline`);
    const out = t.body.items.filter((i) => i.kind === 'message');
    expect(out[0]).toMatchObject({ status: 'scheduled', at: at.toISOString() });
    expect(out.every((m) => m.status === 'scheduled')).toBe(true);
  });

  const bad: [string, unknown, number, string, RegExp][] = [
    ['an invalid email', { email: 'not-an-email', source: 'event' }, 400, 'email', /valid email/],
    ['an unknown source', { email: 'a@example.com', source: 'billboard' }, 400, 'source', /expected one of/],
    ['a missing field', { email: 'a@example.com' }, 400, 'source', /required/],
    [
      'an unknown field',
      { email: 'a@example.com', source: 'event', shoeSize: 44 },
      400,
      'shoeSize',
      /unknown field/,
    ],
    [
      'a wrongly typed field',
      { email: 'a@example.com', source: 'event', firstName: 7 },
      400,
      'firstName',
      /expected string/,
    ],
    [
      'an unknown assistant id',
      { email: 'a@example.com', source: 'event', assistantId: '00000000-0000-4000-8000-000000000000' },
      404,
      'assistantId',
      /no assistant/,
    ],
    [
      'an unknown time zone',
      { email: 'a@example.com', source: 'event', timeZone: 'Mars/Olympus' },
      400,
      'timeZone',
      /time zone/,
    ],
    [
      'a bad date',
      { email: 'a@example.com', source: 'event', firstSendAt: 'tomorrow-ish' },
      400,
      'firstSendAt',
      /date|ISO/i,
    ],
  ];
  for (const [what, body, status, field, message] of bad) {
    it(`refuses ${what} with ${status} naming ${field}, writing nothing`, async () => {
      const before = await rowCounts();
      const r = await n.api<Err>('POST', '/api/v1/leads', body);
      expect(r.status).toBe(status);
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message).toMatch(message);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it('refuses malformed JSON with 400, writing nothing', async () => {
    const before = await rowCounts();
    const r = await n.api<Err>('POST', '/api/v1/leads', undefined, {
      raw: '{"email": "a@example.com", "source": ',
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'body', message: 'body: malformed JSON' });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a duplicate unfinished lead of the same assistant', async () => {
    expect((await n.api('POST', '/api/v1/leads', { email: 'dup@example.com', source: 'event' })).status).toBe(
      201,
    );
    const before = await rowCounts();
    const r = await n.api<Err>('POST', '/api/v1/leads', {
      email: 'DUP@EXAMPLE.COM'.toLowerCase(),
      source: 'website',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/already a lead/);
    expect(await rowCounts()).toEqual(before);
  });

  it('requires credentials', async () => {
    expect(
      (await n.api('POST', '/api/v1/leads', { email: 'x@example.com', source: 'event' }, { key: null }))
        .status,
    ).toBe(401);
    expect((await n.api('GET', '/api/v1/leads/whatever', undefined, { key: 'nk_wrong' })).status).toBe(401);
  });
});

describe('isolation between orgs', () => {
  it("answers 404 for another org's lead, its timeline and its sandbox mail", async () => {
    const mine = await n.api<Lead>('POST', '/api/v1/leads', {
      email: 'private@example.net',
      source: 'meeting',
    });
    const other = await createOrgWithAdmin(n.ctx.db, {
      orgName: 'Rival',
      email: 'boss@rival.test',
      password: 'password123',
    });
    for (const path of [`/api/v1/leads/${mine.body.id}`, `/api/v1/leads/${mine.body.id}/timeline`]) {
      const r = await n.api<Err>('GET', path, undefined, { key: other.apiKey });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
    const sandbox = await n.api<{ items: unknown[] }>('GET', '/api/v1/sandbox/messages', undefined, {
      key: other.apiKey,
    });
    expect(sandbox.body.items).toEqual([]);
    // …and cannot add a lead on our assistant.
    const before = await rowCounts();
    const r = await n.api<Err>(
      'POST',
      '/api/v1/leads',
      { email: 'steal@example.net', source: 'event', assistantId: n.org.assistantId },
      { key: other.apiKey },
    );
    expect(r.status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('unsubscribe', () => {
  it('one-click POST unsubscribes, suppresses the address forever and the lead cannot be re-added', async () => {
    const lead = await n.api<Lead>('POST', '/api/v1/leads', {
      email: 'bye@example.com',
      source: 'website',
      firstName: 'Bye',
    });
    const [mail] = await sentEmails(n, lead.body.id);
    const full = await n.api<{ headers: Record<string, string> }>(
      'GET',
      `/api/v1/sandbox/messages/${mail!.id}`,
    );
    const url = /<([^>]+)>/.exec(full.body.headers['list-unsubscribe']!)![1]!;
    const target = new URL(url);
    const res = await fetch(`${n.url}${target.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const after = await n.api<Lead>('GET', `/api/v1/leads/${lead.body.id}`);
    expect(after.body).toMatchObject({ state: 'unsubscribed', subState: 'LinkClicked' });
    const [s] = await n.ctx.db.select({ c: count() }).from(suppressions);
    expect(s!.c).toBeGreaterThanOrEqual(1);
    const again = await n.api<Err>('POST', '/api/v1/leads', {
      email: 'BYE@example.com'.replace('BYE', 'bye'),
      source: 'event',
    });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/suppression list/);
    // A GET (link scanners) never unsubscribes anyone.
    const page = await fetch(`${n.url}${target.pathname}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('bye@example.com');
  });
});

describe('OpenAPI', () => {
  it('documents the contract routes of SPEC §11', async () => {
    const r = await fetch(`${n.url}/api/openapi.json`);
    const doc = (await r.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/inbound/raw',
        '/api/v1/leads',
        '/api/v1/leads/{id}',
        '/api/v1/leads/{id}/timeline',
        '/api/v1/sandbox/messages',
        '/api/v1/sandbox/messages/{id}',
        '/api/v1/sandbox/messages/{id}/reply',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/leads']!)).toContain('post');
  });

  it('serves /health', async () => {
    const r = await fetch(`${n.url}/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
  });
});
