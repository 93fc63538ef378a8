import { and, count, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { assistantExclusions, assistants, leads, messages } from '../src/db/schema.ts';
import { makeStepDueNow } from './helpers/lead-records.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Exclusion = { pattern: string; kind: 'address' | 'domain'; createdAt: string };
type Added = { added: Exclusion[]; alreadyExcluded: string[]; matchingLeads: number };
type Err = { error: { code: string; message: string; field?: string; details?: Record<string, unknown> } };
type Lead = { id: string; email: string; state: string; subState: string | null };
type SandboxMessage = { id: string; leadId: string | null };
type TimelineItem = {
  kind: string;
  type?: string;
  toState?: string | null;
  reason?: string;
  step?: number;
  status?: string;
  evidence?: Record<string, unknown> | null;
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
let member: { id: string; key: string };
let rival: InitResult;
let base: string;
beforeAll(async () => {
  n = await startTestNurture();
  member = await addMember(n.ctx.db, n.org.orgId);
  rival = await addRivalOrg(n.ctx.db);
  base = `/api/v1/assistants/${n.org.assistantId}`;
});
afterAll(async () => n?.close());

const list = async (assistantId = n.org.assistantId, key?: string) =>
  n.api<{ items: Exclusion[] }>('GET', `/api/v1/assistants/${assistantId}/exclusions`, undefined, { key });
const patterns = async () => (await list()).body.items.map((e) => e.pattern);
const exclude = async (entries: string[]) => {
  const r = await n.api<Added>('POST', `${base}/exclusions`, { entries });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const unexclude = (pattern: string) =>
  n.api<Exclusion | Err>('DELETE', `${base}/exclusions/${encodeURIComponent(pattern)}`);
const addLead = async (email: string, extra: Record<string, unknown> = {}) => {
  const r = await n.api<Lead>('POST', '/api/v1/leads', {
    email,
    firstName: 'Robin',
    source: 'website',
    context: 'Widgets',
    timeZone: 'Europe/Paris',
    ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};
const sandboxFor = async (leadId: string) =>
  (await n.api<{ items: SandboxMessage[] }>('GET', '/api/v1/sandbox/messages?limit=1000')).body.items.filter(
    (m) => m.leadId === leadId,
  );
// Sent and recorded, not only caught: the tests then change what the next round may send.
const waitForEmails = (leadId: string, howMany: number) => sentEmails(n, leadId, howMany);
const timeline = async (leadId: string) =>
  (await n.api<{ items: TimelineItem[] }>('GET', `/api/v1/leads/${leadId}/timeline`)).body.items;
const stepStatus = async (leadId: string, step: number) =>
  (
    await n.ctx.db
      .select({ status: messages.status })
      .from(messages)
      .where(and(eq(messages.leadId, leadId), eq(messages.step, step)))
  )[0]?.status;
const makeDueNow = (leadId: string, step: number) => makeStepDueNow(n.ctx.db, leadId, step);
const storedCount = async () => (await n.ctx.db.select({ c: count() }).from(assistantExclusions))[0]!.c;

describe("an assistant's exclusion list", () => {
  it('adds addresses and domains in lower case, idempotently, lists and removes them', async () => {
    expect((await list()).body).toEqual({ items: [] });
    const first = await exclude(['  CEO@Acme.COM ', '@Globex.COM', 'initech.com', 'INITECH.com']);
    expect(first.added.map((e) => [e.pattern, e.kind])).toEqual([
      ['ceo@acme.com', 'address'],
      ['globex.com', 'domain'],
      ['initech.com', 'domain'],
    ]);
    expect(first.alreadyExcluded).toEqual([]);
    expect(first.matchingLeads).toBe(0);
    expect(Number.isNaN(Date.parse(first.added[0]!.createdAt))).toBe(false);

    // Adding again changes nothing and says so.
    const again = await exclude(['globex.com', 'ceo@acme.com', 'umbrella.example']);
    expect(again.added.map((e) => e.pattern)).toEqual(['umbrella.example']);
    expect(again.alreadyExcluded).toEqual(['globex.com', 'ceo@acme.com']);
    expect(await patterns()).toEqual(['ceo@acme.com', 'globex.com', 'initech.com', 'umbrella.example']);
    expect((await list()).body.items[0]).toMatchObject({ pattern: 'ceo@acme.com', kind: 'address' });

    // Removed by its entry, in any spelling; a second time there is nothing to remove.
    const gone = await unexclude('@INITECH.com');
    expect(gone).toMatchObject({ status: 200, body: { pattern: 'initech.com', kind: 'domain' } });
    const missing = await unexclude('initech.com');
    expect(missing.status).toBe(404);
    expect((missing.body as Err).error.message).toContain('initech.com');
    expect((await unexclude('not a pattern')).status).toBe(404);
    expect((await unexclude('CEO@acme.com')).status).toBe(200);
    expect(await patterns()).toEqual(['globex.com', 'umbrella.example']);
  });

  it('refuses a bad entry with 400 naming entries[i] and the value, storing none of them', async () => {
    const before = await storedCount();
    const r = await n.api<Err>('POST', `${base}/exclusions`, {
      entries: ['fine.example', 'ok@fine.example', '@also-fine.example', 'not a domain', 'x@'],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('entries[3]');
    expect(r.body.error.message).toContain('entries[3]');
    expect(r.body.error.message).toContain('"not a domain"');
    expect(r.body.error.details?.issues).toEqual([
      expect.objectContaining({ field: 'entries[3]', value: 'not a domain' }),
      expect.objectContaining({ field: 'entries[4]', value: 'x@' }),
    ]);
    for (const entries of [[''], ['@'], ['acme'], ['a b@acme.com'], ['ceo@acme']]) {
      const bad = await n.api<Err>('POST', `${base}/exclusions`, { entries });
      expect(bad.status, JSON.stringify(entries)).toBe(400);
      expect(bad.body.error.field).toBe('entries[0]');
    }
    expect((await n.api<Err>('POST', `${base}/exclusions`, { entries: [] })).status).toBe(400);
    expect((await n.api<Err>('POST', `${base}/exclusions`, { entries: 'acme.com' })).status).toBe(400);
    expect((await n.api<Err>('POST', `${base}/exclusions`, { entries: ['a.com'], note: 'x' })).status).toBe(
      400,
    );
    expect(await storedCount()).toBe(before);
  });

  it("lets the assistant's members read the list but only admins change it", async () => {
    const before = await patterns();
    // SPEC §10.2: a member not assigned to the assistant does not see it.
    expect((await list(n.org.assistantId, member.key)).status).toBe(404);
    const assign = await n.api('PUT', `${base}/users/${member.id}`, { manager: false });
    expect(assign.status).toBe(200);
    const read = await list(n.org.assistantId, member.key);
    expect(read.status).toBe(200);
    expect(read.body.items.map((e) => e.pattern)).toEqual(before);
    const post = await n.api<Err>(
      'POST',
      `${base}/exclusions`,
      { entries: ['member.example'] },
      { key: member.key },
    );
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe('FORBIDDEN');
    const del = await n.api('DELETE', `${base}/exclusions/globex.com`, undefined, { key: member.key });
    expect(del.status).toBe(403);
    expect(await patterns()).toEqual(before);
  });

  it("answers 404 for another org's assistant, and for an unknown one", async () => {
    const theirs = `/api/v1/assistants/${rival.assistantId}/exclusions`;
    expect((await n.api('GET', theirs)).status).toBe(404);
    expect((await n.api('POST', theirs, { entries: ['acme.com'] })).status).toBe(404);
    expect((await n.api('DELETE', `${theirs}/acme.com`)).status).toBe(404);
    expect((await n.api('GET', '/api/v1/assistants/not-a-uuid/exclusions')).status).toBe(404);
    // Their own list is untouched, and theirs only.
    expect((await list(rival.assistantId, rival.apiKey)).body).toEqual({ items: [] });
  });
});

describe('an exclusion at work', () => {
  it('refuses a new lead whose address or domain (or a subdomain) is excluded, naming the entry', async () => {
    await exclude(['refused.example', 'boss@partner.example']);
    for (const [email, entry] of [
      ['jo@refused.example', 'refused.example'],
      ['Jo@Sales.Refused.Example', 'refused.example'],
      ['boss@partner.example', 'boss@partner.example'],
    ] as const) {
      const before = (await n.ctx.db.select({ c: count() }).from(leads))[0]!.c;
      const r = await n.api<Err>('POST', '/api/v1/leads', { email, source: 'event' });
      expect(r.status, email).toBe(422);
      expect(r.body.error).toMatchObject({ code: 'REFUSED', field: 'email' });
      expect(r.body.error.message).toContain(`"${entry}"`);
      expect((await n.ctx.db.select({ c: count() }).from(leads))[0]!.c).toBe(before);
    }
    // Other addresses of the partner's domain, and other domains, are fine.
    await addLead('someone-else@partner.example');
    await addLead('jo@notrefused.example');
  });

  it('stops email to a lead already on the assistant once its domain is excluded, saying why', async () => {
    const lead = await addLead('pat@customer.example');
    await waitForEmails(lead.id, 1);

    const r = await exclude(['Customer.Example']);
    expect(r.matchingLeads).toBe(1);

    await makeDueNow(lead.id, 1);
    await waitFor(async () => (await stepStatus(lead.id, 1)) === 'cancelled', 'step 2 skipped');
    const skipped = (await timeline(lead.id)).find((i) => i.type === 'send_skipped');
    expect(skipped?.reason).toBe(
      `Not sent: pat@customer.example matches the assistant's exclusion list entry "customer.example"`,
    );
    expect(skipped?.evidence).toMatchObject({
      rule: 'exclusion',
      step: 1,
      exclusion: 'customer.example',
      exclusionKind: 'domain',
    });
    expect(await sandboxFor(lead.id)).toHaveLength(1);
    // The lead can't be emailed any more: it stops, saying why, and its other steps go with it.
    const stopped = (await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`)).body;
    expect(stopped).toMatchObject({ state: 'deactivated', subState: 'Excluded' });
    const change = (await timeline(lead.id)).find(
      (i) => i.type === 'state_changed' && i.toState === 'deactivated',
    );
    expect(change?.reason).toContain('exclusion list entry "customer.example"');
    expect(await stepStatus(lead.id, 2)).toBe('cancelled');

    // Taken off the list, an admin may continue the lead; its later steps go again.
    expect((await unexclude('customer.example')).status).toBe(200);
    const resumed = await n.api<Lead>('POST', `/api/v1/leads/${lead.id}/actions/continue`);
    expect(resumed.body).toMatchObject({ state: 'cold', subState: null });
    await makeDueNow(lead.id, 1);
    await waitForEmails(lead.id, 2);
  });

  it('stops email to an excluded address, and only for the assistant whose list it is on', async () => {
    const [main] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
    const [other] = await n.ctx.db
      .insert(assistants)
      .values({
        orgId: n.org.orgId,
        name: 'Sam',
        email: 'sam@acme.test',
        defaultScheduleId: main!.defaultScheduleId,
      })
      .returning();
    const mine = await addLead('buyer@twice.example');
    const theirs = await addLead('buyer@twice.example', { assistantId: other!.id });
    await waitForEmails(mine.id, 1);
    await waitForEmails(theirs.id, 1);

    expect((await exclude(['BUYER@twice.example'])).matchingLeads).toBe(1);
    await makeDueNow(mine.id, 1);
    await makeDueNow(theirs.id, 1);
    await waitForEmails(theirs.id, 2);
    await waitFor(async () => (await stepStatus(mine.id, 1)) === 'cancelled', 'step 2 skipped');
    expect((await timeline(mine.id)).find((i) => i.type === 'send_skipped')?.evidence).toMatchObject({
      exclusion: 'buyer@twice.example',
      exclusionKind: 'address',
    });
    expect(await sandboxFor(mine.id)).toHaveLength(1);
  });
});

describe('open and click tracking settings', () => {
  const calendarUrl = 'https://cal.example/robin';
  const sending = `/api/v1/assistants/{id}/sending`;
  let path: string;
  beforeAll(async () => {
    path = sending.replace('{id}', n.org.assistantId);
    // A link in every email (the signature's Book a Meeting) to see what click tracking does.
    await n.ctx.db.update(assistants).set({ calendarUrl }).where(eq(assistants.id, n.org.assistantId));
  });

  const sentRaw = async (email: string) => {
    const lead = await addLead(email);
    const [m] = await waitForEmails(lead.id, 1);
    const { raw } = (await n.api<{ raw: string }>('GET', `/api/v1/sandbox/messages/${m!.id}`)).body;
    return { raw, parsed: await simpleParser(raw) };
  };

  it('are on by default, shown on the assistant and changed by an admin only', async () => {
    const a = await n.api<{ trackOpens: boolean; trackClicks: boolean }>('GET', base);
    expect(a.body).toMatchObject({ trackOpens: true, trackClicks: true });
    const off = await n.api('PATCH', path, { trackOpens: false, trackClicks: false });
    expect(off).toMatchObject({
      status: 200,
      body: { trackOpens: false, trackClicks: false, dailyCap: 100 },
    });
    expect((await n.api('GET', base)).body).toMatchObject({ trackOpens: false, trackClicks: false });
    expect((await n.api('PATCH', path, { trackOpens: true }, { key: member.key })).status).toBe(403);
    const bad = await n.api<Err>('PATCH', path, { trackClicks: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('trackClicks');
    expect(
      (await n.api('PATCH', sending.replace('{id}', rival.assistantId), { trackOpens: false })).status,
    ).toBe(404);
  });

  it('with both off, the email is plain text: no pixel, links direct', async () => {
    await n.api('PATCH', path, { trackOpens: false, trackClicks: false });
    const { raw, parsed } = await sentRaw('plain@tracking.example');
    expect(parsed.html).toBe(false);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
    expect(parsed.text).toContain(calendarUrl);
    expect(raw).not.toMatch(/\/t\/[oc]\//);
  });

  it('with both on, the email carries the open pixel and tracked links (unsubscribe stays direct)', async () => {
    await n.api('PATCH', path, { trackOpens: true, trackClicks: true });
    const { parsed } = await sentRaw('tracked@tracking.example');
    const html = String(parsed.html);
    expect(html).toMatch(/<img src="[^"]+\/t\/o\/[^"]+\.gif"/);
    expect(parsed.text).toMatch(/\/t\/c\/[A-Za-z0-9_-]+/);
    expect(parsed.text).not.toContain(calendarUrl);
    expect(parsed.text).toMatch(/\/u\/[A-Za-z0-9_-]+/);
  });

  it('with clicks only, links are tracked but there is no pixel (and no HTML part)', async () => {
    await n.api('PATCH', path, { trackOpens: false, trackClicks: true });
    const { raw, parsed } = await sentRaw('clicks@tracking.example');
    expect(parsed.html).toBe(false);
    expect(raw).not.toMatch(/\/t\/o\//);
    expect(parsed.text).toMatch(/\/t\/c\/[A-Za-z0-9_-]+/);
    expect(parsed.text).not.toContain(calendarUrl);
  });
});
