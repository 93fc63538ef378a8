import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistants, invitations, leadImports, notifications, users } from '../src/db/schema.ts';
import { oneTimeLinkBlanked } from '../src/notify/outbox.ts';
import { mailsTo, waitForAccountLink } from './helpers/account-mail.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';

// Team (issue 9, SPEC §10.1 "Team", §10.2) through the HTTP API: invitations
// by email (one-time, expiring, resend, cancel), roles with always an admin,
// removing a user with their leads handed over.

type Err = { error: { code: string; message: string; field?: string } };
type Invitation = { id: string; email: string; role: string; expired: boolean; expiresAt: string };
type Team = {
  users: { id: string; email: string; role: string; name: string }[];
  invitations?: Invitation[];
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture({ NOTIFY_POLL_MS: '50' });
});
afterAll(async () => n?.close());

const unique = () => Math.random().toString(36).slice(2, 10);

/** A call with a session cookie instead of an API key; returns the Set-Cookie too. */
async function withCookie(method: string, path: string, cookie: string | null, body?: unknown) {
  const res = await fetch(`${n.url}${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const setCookie = res.headers.get('set-cookie');
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
    cookie: setCookie ? setCookie.split(';')[0]! : null,
  };
}

async function invite(email: string, role: 'admin' | 'member' = 'member') {
  const r = await n.api<Invitation>('POST', '/api/v1/invitations', { email, role });
  expect(r.status).toBe(201);
  return r.body;
}

async function addLead(ownerId: string, assistantId?: string) {
  const r = await n.api<{ id: string; ownerId: string }>('POST', '/api/v1/leads', {
    email: `lead-${unique()}@example.com`,
    source: 'website',
    ownerId,
    ...(assistantId ? { assistantId } : {}),
  });
  expect(r.status).toBe(201);
  return r.body;
}

describe('invitations', () => {
  it('an admin invites by email; the invitee accepts the emailed link once and is signed in as a user of the org', async () => {
    const email = `new-${unique()}@acme.test`;
    const inv = await invite(email, 'member');
    expect(inv).toMatchObject({ email, role: 'member', expired: false });
    // About 7 days (INVITATION_TTL_HOURS=168).
    expect(Date.parse(inv.expiresAt) - Date.now()).toBeGreaterThan(167 * 3_600_000);

    const mail = await waitForAccountLink(n.api, email, 'accept-invitation');
    expect(mail.subject).toMatch(/invited you to Acme/);
    // Only the hash is stored.
    const [row] = await n.ctx.db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(row!.tokenHash).not.toContain(mail.token);
    // The outbox does not keep the link once the email went.
    await waitFor(async () => {
      const rows = await n.ctx.db.select().from(notifications).where(eq(notifications.destination, email));
      return rows.length === 1 && rows[0]!.status === 'sent' && rows[0]!.body === oneTimeLinkBlanked;
    }, 'the sent invitation blanked in the outbox');

    const preview = await n.api('POST', '/api/v1/invitations/preview', { token: mail.token }, { key: null });
    expect(preview).toMatchObject({ status: 200, body: { email, orgName: 'Acme', role: 'member' } });

    const short = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: mail.token,
      name: 'Nia',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect((short.body as Err).error.field).toBe('password');

    const accepted = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: mail.token,
      name: 'Nia Newcomer',
      password: 'a good long password',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ orgId: n.org.orgId, role: 'member' });
    const me = await withCookie('GET', '/api/v1/me', accepted.cookie);
    expect(me.body).toMatchObject({ userId: accepted.body.userId, role: 'member' });
    const login = await withCookie('POST', '/api/v1/auth/login', null, {
      email,
      password: 'a good long password',
    });
    expect(login.status).toBe(200);

    // Single use.
    const again = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: mail.token,
      name: 'Nia Again',
      password: 'another long password',
    });
    expect(again.status).toBe(404);
    expect((again.body as Err).error.field).toBe('token');

    const team = await n.api<Team>('GET', '/api/v1/users');
    expect(team.body.users.find((u) => u.email === email)).toMatchObject({
      name: 'Nia Newcomer',
      role: 'member',
    });
    expect(team.body.invitations!.some((i) => i.email === email)).toBe(false);
  });

  it('inviting an address that already is a user of the org is a 409 naming email', async () => {
    const [admin] = await n.ctx.db.select().from(users).where(eq(users.id, n.org.userId));
    const r = await n.api<Err>('POST', '/api/v1/invitations', {
      email: admin!.email.toUpperCase(),
      role: 'member',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.field).toBe('email');
    expect(r.body.error.message).toContain(admin!.email.toUpperCase());
  });

  it('resending makes a new link and kills the old one; cancelling kills the link', async () => {
    const email = `twice-${unique()}@acme.test`;
    const inv = await invite(email);
    const first = await waitForAccountLink(n.api, email, 'accept-invitation', 1);
    const resent = await n.api<Invitation>('POST', `/api/v1/invitations/${inv.id}/resend`);
    expect(resent.status).toBe(200);
    const second = await waitForAccountLink(n.api, email, 'accept-invitation', 2);
    expect(second.token).not.toBe(first.token);
    const old = await n.api<Err>(
      'POST',
      '/api/v1/invitations/preview',
      { token: first.token },
      { key: null },
    );
    expect(old.status).toBe(404);
    expect(
      (await n.api('POST', '/api/v1/invitations/preview', { token: second.token }, { key: null })).status,
    ).toBe(200);

    const cancelled = await n.api('DELETE', `/api/v1/invitations/${inv.id}`);
    expect(cancelled.status).toBe(204);
    const dead = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: second.token,
      name: 'Too Late',
      password: 'a good long password',
    });
    expect(dead.status).toBe(404);
    expect((await n.api('DELETE', `/api/v1/invitations/${inv.id}`)).status).toBe(404);
    const list = await n.api<{ items: Invitation[] }>('GET', '/api/v1/invitations');
    expect(list.body.items.some((i) => i.id === inv.id)).toBe(false);
  });

  it('an expired invitation is refused (409, naming token), listed as expired, and works again once resent', async () => {
    const email = `late-${unique()}@acme.test`;
    const inv = await invite(email);
    const link = await waitForAccountLink(n.api, email, 'accept-invitation');
    await n.ctx.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, inv.id));
    const r = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: link.token,
      name: 'Late',
      password: 'a good long password',
    });
    expect(r.status).toBe(409);
    expect((r.body as Err).error).toMatchObject({ field: 'token' });
    expect((r.body as Err).error.message).toMatch(/expired/);
    const list = await n.api<{ items: Invitation[] }>('GET', '/api/v1/invitations');
    expect(list.body.items.find((i) => i.id === inv.id)?.expired).toBe(true);
    await n.api('POST', `/api/v1/invitations/${inv.id}/resend`);
    const fresh = await waitForAccountLink(n.api, email, 'accept-invitation', 2);
    const ok = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: fresh.token,
      name: 'Late But Here',
      password: 'a good long password',
    });
    expect(ok.status).toBe(201);
  });

  it('only admins invite, resend, cancel and see invitations; another org cannot touch them', async () => {
    const member = await addMember(n.ctx.db, n.org.orgId);
    const inv = await invite(`guarded-${unique()}@acme.test`);
    const opts = { key: member.key };
    expect(
      (await n.api('POST', '/api/v1/invitations', { email: 'x@acme.test', role: 'member' }, opts)).status,
    ).toBe(403);
    expect((await n.api('GET', '/api/v1/invitations', undefined, opts)).status).toBe(403);
    expect((await n.api('POST', `/api/v1/invitations/${inv.id}/resend`, undefined, opts)).status).toBe(403);
    expect((await n.api('DELETE', `/api/v1/invitations/${inv.id}`, undefined, opts)).status).toBe(403);
    const team = await n.api<Team>('GET', '/api/v1/users', undefined, opts);
    expect(team.status).toBe(200);
    expect(team.body.invitations).toBeUndefined();
    expect(team.body.users.some((u) => u.id === member.id)).toBe(true);

    const rival = await addRivalOrg(n.ctx.db);
    const theirs = { key: rival.apiKey };
    expect((await n.api('POST', `/api/v1/invitations/${inv.id}/resend`, undefined, theirs)).status).toBe(404);
    expect((await n.api('DELETE', `/api/v1/invitations/${inv.id}`, undefined, theirs)).status).toBe(404);
    const rivalTeam = await n.api<Team>('GET', '/api/v1/users', undefined, theirs);
    expect(rivalTeam.body.users.map((u) => u.id)).toEqual([rival.userId]);
    expect(rivalTeam.body.invitations).toEqual([]);
  });

  it('an address with an account in another org may be invited, but accepting says it already has an account', async () => {
    const rival = await addRivalOrg(n.ctx.db);
    const [theirs] = await n.ctx.db.select().from(users).where(eq(users.id, rival.userId));
    await invite(theirs!.email);
    const link = await waitForAccountLink(n.api, theirs!.email, 'accept-invitation');
    const r = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: link.token,
      name: 'Double',
      password: 'a good long password',
    });
    expect(r.status).toBe(409);
    expect((r.body as Err).error.field).toBe('email');
    // Nothing changed: still one user with that address, in their own org; the invitation still open.
    const same = await n.ctx.db.select().from(users).where(eq(users.email, theirs!.email));
    expect(same.map((u) => u.orgId)).toEqual([rival.orgId]);
    expect(
      (await n.api('POST', '/api/v1/invitations/preview', { token: link.token }, { key: null })).status,
    ).toBe(200);
  });

  it('refuses a bad address and an unknown role, naming the field', async () => {
    const bad = await n.api<Err>('POST', '/api/v1/invitations', { email: 'not-an-address', role: 'member' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/email/);
    const role = await n.api<Err>('POST', '/api/v1/invitations', { email: 'ok@acme.test', role: 'owner' });
    expect(role.status).toBe(400);
    expect(role.body.error.message).toMatch(/role/);
  });
});

describe('roles', () => {
  it('makes a user admin or member, and never leaves the org without an admin', async () => {
    const member = await addMember(n.ctx.db, n.org.orgId);
    const promoted = await n.api('PATCH', `/api/v1/users/${member.id}`, { role: 'admin' });
    expect(promoted).toMatchObject({ status: 200, body: { id: member.id, role: 'admin' } });
    // The new admin's key is an admin's at once.
    expect((await n.api('GET', '/api/v1/invitations', undefined, { key: member.key })).status).toBe(200);
    const demoted = await n.api(
      'PATCH',
      `/api/v1/users/${member.id}`,
      { role: 'member' },
      { key: member.key },
    );
    expect(demoted.body).toMatchObject({ role: 'member' });
    expect((await n.api('GET', '/api/v1/invitations', undefined, { key: member.key })).status).toBe(403);

    // Only admin left: demoting them is refused.
    const admins = await n.ctx.db.select().from(users).where(eq(users.orgId, n.org.orgId));
    for (const a of admins.filter((u) => u.role === 'admin' && u.id !== n.org.userId))
      await n.api('PATCH', `/api/v1/users/${a.id}`, { role: 'member' });
    const last = await n.api<Err>('PATCH', `/api/v1/users/${n.org.userId}`, { role: 'member' });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/without an admin/);
    // A member may not change roles; another org's user is not found.
    expect(
      (await n.api('PATCH', `/api/v1/users/${n.org.userId}`, { role: 'member' }, { key: member.key })).status,
    ).toBe(403);
    const rival = await addRivalOrg(n.ctx.db);
    expect((await n.api('PATCH', `/api/v1/users/${rival.userId}`, { role: 'member' })).status).toBe(404);
  });
});

describe('removing a user', () => {
  it("hands all their leads to another user, says so on each lead's timeline, and ends their sessions and keys at once", async () => {
    const leaving = await addMember(n.ctx.db, n.org.orgId);
    const heir = await addMember(n.ctx.db, n.org.orgId);
    await n.ctx.db.update(users).set({ name: 'Heir' }).where(eq(users.id, heir.id));
    const a = await addLead(leaving.id);
    const b = await addLead(leaving.id);
    // A manager of the org's assistant: the managership must not outlive the user.
    const put = await n.api('PUT', `/api/v1/assistants/${n.org.assistantId}/users/${leaving.id}`, {
      manager: true,
    });
    expect(put.status).toBe(200);
    // Before: their key works.
    expect((await n.api('GET', '/api/v1/me', undefined, { key: leaving.key })).status).toBe(200);

    const missing = await n.api<Err>('POST', `/api/v1/users/${leaving.id}/remove`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('handTo');
    const self = await n.api<Err>('POST', `/api/v1/users/${leaving.id}/remove`, { handTo: leaving.id });
    expect(self.body.error.field).toBe('handTo');
    const rival = await addRivalOrg(n.ctx.db);
    const foreign = await n.api<Err>('POST', `/api/v1/users/${leaving.id}/remove`, { handTo: rival.userId });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.field).toBe('handTo');

    const r = await n.api('POST', `/api/v1/users/${leaving.id}/remove`, { handTo: heir.id });
    expect(r).toMatchObject({
      status: 200,
      body: { removed: leaving.id, leadsHandedOver: 2, byOwner: { [heir.id]: 2 } },
    });
    for (const lead of [a, b]) {
      const got = await n.api<{ ownerId: string }>('GET', `/api/v1/leads/${lead.id}`);
      expect(got.body.ownerId).toBe(heir.id);
      const t = await n.api<{
        items: { type?: string; reason?: string; evidence?: Record<string, unknown> }[];
      }>('GET', `/api/v1/leads/${lead.id}/timeline`);
      const ev = t.body.items.find((i) => i.type === 'owner_changed');
      expect(ev?.reason).toMatch(/removed from the team; Heir owns the lead now/);
      expect(ev?.evidence).toMatchObject({ from: leaving.id, to: heir.id });
    }
    expect((await n.api('GET', '/api/v1/me', undefined, { key: leaving.key })).status).toBe(401);
    const team = await n.api<Team>('GET', '/api/v1/users');
    expect(team.body.users.some((u) => u.id === leaving.id)).toBe(false);
    const assigned = await n.api<{ items: { userId: string }[] }>(
      'GET',
      `/api/v1/assistants/${n.org.assistantId}/users`,
    );
    expect(assigned.status).toBe(200);
    expect(JSON.stringify(assigned.body)).not.toContain(leaving.id);
  });

  it('hands leads per assistant when given a map, the rest to handTo', async () => {
    const [first] = await n.ctx.db.select().from(assistants).where(eq(assistants.orgId, n.org.orgId));
    const [second] = await n.ctx.db
      .insert(assistants)
      .values({
        orgId: n.org.orgId,
        name: 'Blair',
        email: `blair-${unique()}@acme.test`,
        signature: 'Blair',
        defaultScheduleId: first!.defaultScheduleId,
        defaultEmailccScheduleId: first!.defaultEmailccScheduleId,
      })
      .returning();
    const leaving = await addMember(n.ctx.db, n.org.orgId);
    const x = await addMember(n.ctx.db, n.org.orgId);
    const y = await addMember(n.ctx.db, n.org.orgId);
    const onFirst = await addLead(leaving.id, first!.id);
    const onSecond = await addLead(leaving.id, second!.id);
    const upload = (assistantId?: string) => ({
      orgId: n.org.orgId,
      userId: leaving.id,
      fileName: 'leads.csv',
      format: 'csv' as const,
      columns: ['email'],
      rowCount: 1,
      options: { source: 'website', ...(assistantId ? { assistantId } : {}) },
    });
    const [importForSecond] = await n.ctx.db.insert(leadImports).values(upload(second!.id)).returning();
    const [importForDefault] = await n.ctx.db.insert(leadImports).values(upload()).returning();

    // A map that leaves some leads without a new owner is refused before anything moves.
    const partial = await n.api<Err>('POST', `/api/v1/users/${leaving.id}/remove`, {
      handToByAssistant: { [second!.id]: y.id },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.field).toBe('handTo');
    expect((await n.api<{ ownerId: string }>('GET', `/api/v1/leads/${onSecond.id}`)).body.ownerId).toBe(
      leaving.id,
    );

    const r = await n.api('POST', `/api/v1/users/${leaving.id}/remove`, {
      handTo: x.id,
      handToByAssistant: { [second!.id]: y.id },
    });
    expect(r.status).toBe(200);
    expect((await n.api<{ ownerId: string }>('GET', `/api/v1/leads/${onFirst.id}`)).body.ownerId).toBe(x.id);
    expect((await n.api<{ ownerId: string }>('GET', `/api/v1/leads/${onSecond.id}`)).body.ownerId).toBe(y.id);
    // Their imports follow the leads of the same assistant (rows still queued are added as the new owner).
    const imports = await n.ctx.db.select().from(leadImports).where(eq(leadImports.orgId, n.org.orgId));
    expect(imports.find((i) => i.id === importForSecond!.id)?.userId).toBe(y.id);
    expect(imports.find((i) => i.id === importForDefault!.id)?.userId).toBe(x.id);
  });

  it("a removed user's session cookie stops working at once; the last admin cannot be removed", async () => {
    const email = `short-stay-${unique()}@acme.test`;
    await invite(email);
    const link = await waitForAccountLink(n.api, email, 'accept-invitation');
    const accepted = await withCookie('POST', '/api/v1/invitations/accept', null, {
      token: link.token,
      name: 'Short Stay',
      password: 'a good long password',
    });
    expect((await withCookie('GET', '/api/v1/me', accepted.cookie)).status).toBe(200);
    const r = await n.api('POST', `/api/v1/users/${accepted.body.userId}/remove`, { handTo: n.org.userId });
    expect(r.status).toBe(200);
    expect((await withCookie('GET', '/api/v1/me', accepted.cookie)).status).toBe(401);
    expect((await mailsTo(n.api, email)).length).toBe(1);

    const admins = (await n.api<Team>('GET', '/api/v1/users')).body.users.filter((u) => u.role === 'admin');
    expect(admins.map((a) => a.id)).toEqual([n.org.userId]);
    const member = await addMember(n.ctx.db, n.org.orgId);
    const last = await n.api<Err>('POST', `/api/v1/users/${n.org.userId}/remove`, { handTo: member.id });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/without an admin/);
    expect(
      (
        await n.api(
          'POST',
          `/api/v1/users/${n.org.userId}/remove`,
          { handTo: member.id },
          { key: member.key },
        )
      ).status,
    ).toBe(403);
  });
});
