import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteRule, routeRules } from '../src/access/route-rules.ts';
import type { InitResult } from '../src/accounts/org-setup.ts';
import {
  assistantAvatars,
  assistants,
  assistantUsers,
  breakers,
  classificationCorrections,
  inboundMessages,
  messages,
  notifications,
  reviewItems,
} from '../src/db/schema.ts';
import { type OpenApiDoc, sample, stringLeaves, withLeaf } from './helpers/openapi-samples.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Operation = OpenApiDoc['paths'][string][string];
type Err = { error?: { code: string; message: string; field?: string } };

/**
 * Issue 9: every /api/v1 route × every kind of caller → allowed or denied, as
 * its rule in access/route-rules.ts says. The routes come from
 * /api/openapi.json, their path ids are org A's real records (a lead, its
 * sandbox mail, review item, correction and unsent email, an import, a
 * notification, a schedule, an assistant, a breaker, an inbound problem), so
 * a denial is the access decision, never a missing record.
 *
 * Org A: assistant X (the lead's), assistant Y. The lead is owned by a member
 * assigned to X; X has a manager; Y's manager and a member of neither stand
 * by. Org B: its admin and a member, probing with A's ids.
 */
const actorNames = [
  'no credentials',
  "other org's member",
  "other org's admin",
  'member not owning the lead',
  'manager of another assistant',
  'owner (member)',
  'manager of this assistant',
  'admin',
] as const;
type ActorName = (typeof actorNames)[number];
type Actor = {
  name: ActorName;
  key: string | null;
  userId: string;
  org: 'A' | 'B' | null;
  assistantId: string;
  scheduleId: string;
};
type Expected = 'allow' | 401 | 403 | 404;

let n: Awaited<ReturnType<typeof startTestNurture>>;
let doc: OpenApiDoc;
let rival: InitResult;
const actors = new Map<ActorName, Actor>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  n = await startTestNurture();
  doc = (await (await fetch(`${n.url}/api/openapi.json`)).json()) as OpenApiDoc;
  const db = n.ctx.db;
  rival = await addRivalOrg(db);
  const [x] = await db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
  const { id: _id, createdAt: _created, ...copy } = x!;
  const [y] = await db
    .insert(assistants)
    .values({ ...copy, name: 'Yves', email: 'yves@acme.test' })
    .returning();
  const owner = await addMember(db, n.org.orgId);
  const manager = await addMember(db, n.org.orgId);
  const otherManager = await addMember(db, n.org.orgId);
  const bystander = await addMember(db, n.org.orgId);
  const spare = await addMember(db, n.org.orgId);
  const rivalMember = await addMember(db, rival.orgId);
  await db.insert(assistantUsers).values([
    { orgId: n.org.orgId, assistantId: x!.id, userId: owner.id, isManager: false },
    { orgId: n.org.orgId, assistantId: x!.id, userId: manager.id, isManager: true },
    { orgId: n.org.orgId, assistantId: y!.id, userId: otherManager.id, isManager: true },
    { orgId: n.org.orgId, assistantId: x!.id, userId: spare.id, isManager: false },
  ]);
  const scheduleOf = async (key: string) =>
    (await n.api<{ items: { id: string }[] }>('GET', '/api/v1/schedules', undefined, { key })).body.items[0]!
      .id;
  const schedule = await scheduleOf(n.org.apiKey);
  const rivalSchedule = await scheduleOf(rival.apiKey);
  const inA = { org: 'A' as const, assistantId: x!.id, scheduleId: schedule };
  // Those with no part in X add their leads to Y: what they own stays off X.
  const onY = { ...inA, assistantId: y!.id };
  const inB = { org: 'B' as const, assistantId: rival.assistantId, scheduleId: rivalSchedule };
  for (const a of [
    {
      name: 'no credentials',
      key: null,
      userId: randomUUID(),
      org: null,
      assistantId: x!.id,
      scheduleId: schedule,
    },
    { name: "other org's member", key: rivalMember.key, userId: rivalMember.id, ...inB },
    { name: "other org's admin", key: rival.apiKey, userId: rival.userId, ...inB },
    { name: 'member not owning the lead', key: bystander.key, userId: bystander.id, ...onY },
    { name: 'manager of another assistant', key: otherManager.key, userId: otherManager.id, ...onY },
    { name: 'owner (member)', key: owner.key, userId: owner.id, ...inA },
    { name: 'manager of this assistant', key: manager.key, userId: manager.id, ...inA },
    { name: 'admin', key: n.org.apiKey, userId: n.org.userId, ...inA },
  ] satisfies Actor[])
    actors.set(a.name, a);

  // The lead, owned by the member, and the records that belong to it.
  const lead = await n.api<{ id: string }>('POST', '/api/v1/leads', {
    email: 'matrix-lead@example.com',
    firstName: 'Matrix',
    source: 'event',
    assistantId: x!.id,
    ownerId: owner.id,
  });
  expect(lead.status).toBe(201);
  const mail = await waitFor(async () => {
    const r = await n.api<{ items: { id: string; leadId: string }[] }>('GET', '/api/v1/sandbox/messages');
    return r.body.items.find((m) => m.leadId === lead.body.id);
  }, 'the lead’s first email in the sandbox');
  const [unsent] = await db
    .update(messages)
    .set({ status: 'failed', lastError: '550 refused' })
    .where(and(eq(messages.leadId, lead.body.id), eq(messages.step, 1)))
    .returning();
  const [reply] = await db
    .insert(inboundMessages)
    .values({
      channel: 'http',
      dedupeKey: randomUUID(),
      raw: Buffer.from('Subject: maybe\r\n\r\nmaybe later'),
      orgId: n.org.orgId,
      leadId: lead.body.id,
      kind: 'reply',
      status: 'processed',
      replyText: 'maybe later',
      classification: { intent: 'other' },
    })
    .returning();
  const [item] = await db
    .insert(reviewItems)
    .values({
      orgId: n.org.orgId,
      leadId: lead.body.id,
      inboundMessageId: reply!.id,
      suggestedIntent: 'other',
      confidence: 0.4,
    })
    .returning();
  const [correction] = await db
    .insert(classificationCorrections)
    .values({
      orgId: n.org.orgId,
      leadId: lead.body.id,
      inboundMessageId: reply!.id,
      text: 'maybe later',
      intent: 'connect_later',
      createdBy: n.org.userId,
    })
    .returning();
  const [problem] = await db
    .insert(inboundMessages)
    .values({
      channel: 'http',
      dedupeKey: randomUUID(),
      raw: Buffer.from('Subject: broken\r\n\r\nbroken'),
      orgId: n.org.orgId,
      status: 'quarantined',
      error: 'overran its budget',
      quarantinedAt: new Date(),
    })
    .returning();
  const [notification] = await db
    .insert(notifications)
    .values({
      orgId: n.org.orgId,
      userId: owner.id,
      assistantId: x!.id,
      leadId: lead.body.id,
      kind: 'lead_hot',
      channel: 'in_app',
      sourceId: randomUUID(),
      destination: owner.id,
      messageId: `<${randomUUID()}@acme.test>`,
      subject: 'Hot lead',
      body: 'Matrix is hot',
      nextAttemptAt: new Date(),
    })
    .returning();
  const [breaker] = await db
    .insert(breakers)
    .values({ orgId: n.org.orgId, scope: 'assistant', scopeId: x!.id, kind: 'hard_bounce' })
    .returning();
  // Assistant setup (issue 10): X has an avatar to read (GET runs before the DELETE).
  await db.insert(assistantAvatars).values({
    assistantId: x!.id,
    orgId: n.org.orgId,
    contentType: 'image/gif',
    data: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
  });
  const form = new FormData();
  form.append('file', new Blob(['email,first name\nimported@example.com,Ida\n']), 'leads.csv');
  const upload = await fetch(`${n.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.key}` },
    body: form,
  });
  expect(upload.status).toBe(201);
  const spareSchedule = await n.api<{ id: string }>('POST', '/api/v1/schedules', {
    name: 'Spare',
    steps: [0, 3],
  });
  expect(
    (await n.api('POST', `/api/v1/assistants/${x!.id}/exclusions`, { entries: ['matrix.example'] })).status,
  ).toBe(200);
  // Team and account records: a second key of the owner's (revoking it must not cut the matrix's own),
  // users for the role change and the removal (each its own: a removed user is gone), an invitation.
  const ownerKey = await n.api<{ id: string }>(
    'POST',
    '/api/v1/me/api-keys',
    { name: 'spare' },
    { key: owner.key },
  );
  expect(ownerKey.status).toBe(201);
  const promoted = await addMember(db, n.org.orgId);
  const removed = await addMember(db, n.org.orgId);
  const invitation = await n.api<{ id: string }>('POST', '/api/v1/invitations', {
    email: 'invited-by-matrix@example.com',
    role: 'member',
  });
  expect(invitation.status).toBe(201);
  Object.assign(ids, {
    apiKey: ownerKey.body.id,
    promotedUser: promoted.id,
    removedUser: removed.id,
    invitation: invitation.body.id,
    lead: lead.body.id,
    // A scheduled step of the lead, for the routes that edit or skip one.
    leadEmail: (
      await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.leadId, lead.body.id), eq(messages.step, 2)))
    )[0]!.id,
    sandbox: mail.id,
    unsent: unsent!.id,
    inbound: reply!.id,
    reviewItem: item!.id,
    correction: correction!.id,
    problem: problem!.id,
    notification: notification!.id,
    breaker: breaker!.id,
    import: ((await upload.json()) as { id: string }).id,
    schedule,
    spareSchedule: spareSchedule.body.id,
    assistant: x!.id,
    spareUser: spare.id,
  });
}, 120_000);
afterAll(async () => n?.close());

/** Org A's record for each path parameter, by where it sits. */
function fill(op: Operation, method: string, path: string): string {
  const byPrefix: [string, string][] = [
    ['/api/v1/leads/{id}', ids.lead!],
    ['/api/v1/sandbox/messages/{id}', ids.sandbox!],
    ['/api/v1/unsent-emails/{id}', ids.unsent!],
    ['/api/v1/review-items/{id}', ids.reviewItem!],
    ['/api/v1/corrections/{id}', ids.correction!],
    ['/api/v1/inbound-problems/{id}', ids.problem!],
    ['/api/v1/notifications/{id}', ids.notification!],
    ['/api/v1/deliverability/breakers/{id}', ids.breaker!],
    ['/api/v1/imports/{id}', ids.import!],
    // The one deletion that would take a record later probes need: it gets its own.
    [
      '/api/v1/schedules/{id}',
      method === 'delete' && path === '/api/v1/schedules/{id}' ? ids.spareSchedule! : ids.schedule!,
    ],
    ['/api/v1/assistants/{id}', ids.assistant!],
    ['/api/v1/me/api-keys/{id}', ids.apiKey!],
    ['/api/v1/users/{id}/remove', ids.removedUser!],
    ['/api/v1/users/{id}', ids.promotedUser!],
    ['/api/v1/invitations/{id}', ids.invitation!],
    ['/api/v1/deliverability/dkim/{assistantId}', ids.assistant!],
  ];
  const record = byPrefix.find(([prefix]) => path.startsWith(prefix));
  const out = record ? path.replace(/\{[^}]+\}/, record[1]) : path;
  return out.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'userId') return ids.spareUser!;
    if (name === 'pattern') return 'matrix.example';
    if (name === 'messageId') return ids.leadEmail!;
    const p = op.parameters?.find((x) => x.in === 'path' && x.name === name);
    const enumValue = p?.schema?.enum?.[0];
    if (enumValue !== undefined) return String(enumValue);
    throw new Error(`No record for {${name}} in ${path}: give the matrix one`);
  });
}

const editsLead = new Set(['/api/v1/leads/{id}', '/api/v1/leads/edit']);

/** The body, its ids those the actor would name in their own org (their assistant, schedule, self). */
function bodyFor(op: Operation, actor: Actor, path: string): unknown {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (!schema) return undefined;
  const value = sample(doc, schema, randomUUID, { minimal: true });
  const byField: Record<string, string> = {
    assistantId: actor.assistantId,
    scheduleId: actor.scheduleId,
    defaultScheduleId: actor.scheduleId,
    defaultEmailccScheduleId: actor.scheduleId,
    // Editing the lead names its owner as it is: a probe that took the lead from its owner would
    // hide it from the probes after it.
    ownerId: editsLead.has(path) ? actors.get('owner (member)')!.userId : actor.userId,
    handTo: actor.userId,
    userId: actor.userId,
    leadId: ids.lead!,
    leadIds: ids.lead!,
    inboundMessageId: ids.inbound!,
  };
  let out = value;
  for (const leaf of stringLeaves(value)) {
    const name = leaf.path.findLast((p) => !/^\d+$/.test(p));
    const real = name ? byField[name] : undefined;
    if (real) out = withLeaf(out, leaf, () => real);
  }
  return out;
}

/** A path parameter that names a record (not an enum such as an action or a template's step). */
const hasRecordParam = (op: Operation, template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].some(
    ([, name]) => !op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema?.enum,
  );

const consumesLead = (method: string, path: string) =>
  method === 'post' && path === '/api/v1/leads/{id}/erase';

let freshLeads = 0;
async function freshLead(): Promise<string> {
  const owner = actors.get('owner (member)')!;
  const r = await n.api<{ id: string }>('POST', '/api/v1/leads', {
    email: `matrix-erasable-${++freshLeads}@example.com`,
    source: 'event',
    assistantId: owner.assistantId,
    ownerId: owner.userId,
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

/** What the rule says for this caller: the whole point of the test, in one place. */
function expected(rule: RouteRule, template: string, op: Operation, actor: Actor): Expected {
  if (!actor.key) return 401;
  const named = hasRecordParam(op, template);
  if (actor.org === 'B') {
    if (rule === 'admin') return actor.name === "other org's admin" ? (named ? 404 : 'allow') : 403;
    return named ? 404 : 'allow';
  }
  const is = (...names: ActorName[]) => names.includes(actor.name);
  switch (rule) {
    case 'signed-in':
      return 'allow';
    case 'self':
      if (!named) return 'allow';
      // A notification is its user's alone; an import is also the org's admins'.
      return is('owner (member)') || (is('admin') && template.startsWith('/api/v1/imports/')) ? 'allow' : 404;
    case 'lead':
    case 'lead-record':
    case 'assistant':
      return is('owner (member)', 'manager of this assistant', 'admin') ? 'allow' : 404;
    case 'lead-owner':
      return is('owner (member)', 'admin') ? 'allow' : is('manager of this assistant') ? 403 : 404;
    case 'assistant-manager':
      return is('manager of this assistant', 'admin') ? 'allow' : is('owner (member)') ? 403 : 404;
    case 'admin':
      return is('admin') ? 'allow' : 403;
    case 'public':
      return 'allow';
  }
}

/** Denied by access: 401, 403, or a 404 about the path's record (not one about a body field). */
function outcome(status: number, body: Err): Expected {
  if (status === 401 || status === 403) return status;
  if (status === 404 && (!body.error?.field || body.error.field === 'id')) return 404;
  return 'allow';
}

describe('the authorisation matrix', () => {
  it('has a rule for every documented route, and a documented route for every rule', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const api = documented.filter((k) => k.split(' ')[1]!.startsWith('/api/v1/'));
    expect(api.filter((k) => !(k in routeRules))).toEqual([]);
    expect(Object.keys(routeRules).filter((k) => !api.includes(k))).toEqual([]);
  });

  it('allows and denies every route for every caller as its rule says', async () => {
    const order = { get: 0, post: 1, put: 1, patch: 1, delete: 2 } as Record<string, number>;
    const routes = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })))
      .filter(
        (r) =>
          r.path.startsWith('/api/v1/') && routeRules[`${r.method.toUpperCase()} ${r.path}`] !== 'public',
      )
      .sort((a, b) => (order[a.method] ?? 1) - (order[b.method] ?? 1));
    const wrong: string[] = [];
    let probes = 0;
    for (const { method, path, op } of routes) {
      const rule = routeRules[`${method.toUpperCase()} ${path}`]!;
      const url = fill(op, method, path);
      // Least privileged first: a mutation by an allowed caller comes after every refusal.
      for (const name of actorNames) {
        const actor = actors.get(name)!;
        const want = expected(rule, path, op, actor);
        // Erasing takes its lead away: each caller probes a fresh one, owned and placed as the matrix's.
        const probed = consumesLead(method, path) ? url.replace(ids.lead!, await freshLead()) : url;
        const r = await n.api<Err>(method.toUpperCase(), probed, bodyFor(op, actor, path), {
          key: actor.key,
        });
        const got = outcome(r.status, r.body);
        probes++;
        if (got !== want)
          wrong.push(
            `${method.toUpperCase()} ${path} (${rule}) as ${name}: expected ${want}, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`,
          );
      }
    }
    console.log(
      `authorisation matrix: ${routes.length} routes × ${actorNames.length} callers = ${probes} probes` +
        ` (${Object.values(routeRules).filter((r) => r === 'public').length} public routes checked by their own tests)`,
    );
    expect(wrong).toEqual([]);
    expect(routes.length).toBeGreaterThan(55);
  }, 300_000);
});

describe('what managers and members see and do (SPEC §10.2)', () => {
  const as = (name: ActorName) => ({ key: actors.get(name)!.key });
  const userOf = (name: ActorName) => actors.get(name)!.userId;

  it('lists follow the lead: a manager sees the leads of their assistant, a member only their own', async () => {
    type Items = { items: { id: string; leadId?: string }[] };
    // A reply of the lead's that could not be processed: an inbound problem that belongs to the lead.
    const [problem] = await n.ctx.db
      .insert(inboundMessages)
      .values({
        channel: 'http',
        dedupeKey: randomUUID(),
        raw: Buffer.from('Subject: Re: hello\r\n\r\nbroken'),
        orgId: n.org.orgId,
        leadId: ids.lead,
        status: 'quarantined',
        error: 'could not be read',
        quarantinedAt: new Date(),
      })
      .returning();
    const sees = async (name: ActorName) => {
      const [list, mail, corrections, unsent, problems] = await Promise.all(
        [
          '/api/v1/leads',
          '/api/v1/sandbox/messages',
          '/api/v1/corrections',
          '/api/v1/unsent-emails',
          '/api/v1/inbound-problems',
        ].map((path) => n.api<Items>('GET', path, undefined, as(name))),
      );
      return {
        lead: list!.body.items.some((l) => l.id === ids.lead),
        mail: mail!.body.items.some((m) => m.leadId === ids.lead),
        correction: corrections!.body.items.some((c) => c.id === ids.correction),
        unsent: unsent!.body.items.some((u) => u.leadId === ids.lead),
        problem: problems!.body.items.some((p) => p.id === problem!.id),
      };
    };
    const all = { lead: true, mail: true, correction: true, problem: true };
    for (const name of ['owner (member)', 'manager of this assistant', 'admin'] as const)
      expect(await sees(name), name).toMatchObject(all);
    const none = { lead: false, mail: false, correction: false, unsent: false, problem: false };
    for (const name of [
      'member not owning the lead',
      'manager of another assistant',
      "other org's admin",
    ] as const)
      expect(await sees(name), name).toEqual(none);
  });

  it('a manager adds leads for their assistant’s users and re-owns among them; a member owns only their own', async () => {
    const add = (name: ActorName, ownerId: string) =>
      n.api<Err & { ownerId?: string }>(
        'POST',
        '/api/v1/leads',
        {
          email: `owned-${randomUUID().slice(0, 8)}@example.com`,
          source: 'event',
          assistantId: ids.assistant,
          ownerId,
        },
        as(name),
      );
    const forOwner = await add('manager of this assistant', userOf('owner (member)'));
    expect([forOwner.status, forOwner.body.ownerId]).toEqual([201, userOf('owner (member)')]);
    const forStranger = await add('manager of this assistant', userOf('member not owning the lead'));
    expect([forStranger.status, forStranger.body.error?.field]).toEqual([403, 'ownerId']);
    const byMember = await add('owner (member)', userOf('manager of this assistant'));
    expect([byMember.status, byMember.body.error?.field]).toEqual([403, 'ownerId']);
    expect((await add('owner (member)', userOf('owner (member)'))).status).toBe(201);
    const acrossOrgs = await add('admin', rival.userId);
    expect([acrossOrgs.status, acrossOrgs.body.error?.field]).toEqual([404, 'ownerId']);

    const change = (name: ActorName, ownerId: string) =>
      n.api<Err & { ownerId?: string }>(
        'POST',
        `/api/v1/leads/${(forOwner.body as { id?: string }).id}/actions/change-owner`,
        { ownerId },
        as(name),
      );
    // The matrix took the spare user off X at its end (DELETE …/users/{userId}): an admin assigns them again.
    const assign = await n.api<{ userId: string; manager: boolean }>(
      'PUT',
      `/api/v1/assistants/${ids.assistant}/users/${ids.spareUser}`,
      { manager: false },
    );
    expect(assign.body).toMatchObject({ userId: ids.spareUser, manager: false });
    const team = await n.api<{ items: { userId: string; manager: boolean }[] }>(
      'GET',
      `/api/v1/assistants/${ids.assistant}/users`,
      undefined,
      as('manager of this assistant'),
    );
    expect(team.body.items.map((u) => [u.userId, u.manager])).toEqual([
      [userOf('manager of this assistant'), true],
      [userOf('owner (member)'), false],
      [ids.spareUser, false],
    ]);
    const toSpare = await change('manager of this assistant', ids.spareUser!);
    expect([toSpare.status, toSpare.body.ownerId]).toEqual([200, ids.spareUser]);
    expect((await change('manager of this assistant', userOf('member not owning the lead'))).status).toBe(
      403,
    );
    expect((await change('manager of this assistant', rival.userId)).status).toBe(404);
    // Another assistant's manager does not even see it.
    expect(
      (await change('manager of another assistant', userOf('manager of another assistant'))).status,
    ).toBe(404);
  });

  it('an assistant’s users and managers are told about it', async () => {
    const { assistantUsers: usersOf } = await import('../src/notify/recipients.ts');
    const told = (await usersOf(n.ctx.db, n.org.orgId, [ids.assistant!]))
      .get(ids.assistant!)!
      .map((u) => u.id);
    for (const name of ['owner (member)', 'manager of this assistant', 'admin'] as const)
      expect(told, name).toContain(userOf(name));
    expect(told).not.toContain(userOf('member not owning the lead'));
    expect(told).not.toContain(userOf('manager of another assistant'));
  });
});
