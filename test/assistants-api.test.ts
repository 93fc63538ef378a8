import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { assistantAvatars, messages, schedules } from '../src/db/schema.ts';
import { type Dovecot, startDovecot } from './helpers/dovecot.ts';
import { startSmtpSink } from './helpers/smtp-sink.ts';
import { addMember, addRivalOrg, startTestNurture } from './helpers/test-nurture.ts';

type Assistant = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  avatarUrl: string | null;
  brochureUrl: string | null;
  calendarUrl: string | null;
  defaultScheduleId: string | null;
  defaultEmailccScheduleId: string | null;
  defaultLeadName: string;
  emailccReservePercent: number;
  riskReminderEveryDays: number;
  archivedAt: string | null;
  updatedAt: string;
  ownSmtp: boolean;
  smtp: { host: string; port: number; tls: boolean; user: string | null; passwordSet: boolean } | null;
  stoppedLeads?: number;
};
type Err = { error: { code: string; message: string; field?: string } };
type Lead = { id: string; state: string; subState: string | null };
type TimelineItem = {
  kind: string;
  type?: string;
  toState?: string | null;
  reason?: string;
  actorId?: string;
};

const secretKey = randomBytes(24).toString('hex');
let n: Awaited<ReturnType<typeof startTestNurture>>;
/** The same product with the SSRF guard on (ALLOW_PRIVATE_MAIL_HOSTS=false), as a production instance runs. */
let strict: Awaited<ReturnType<typeof startTestNurture>>;
let member: { id: string; key: string };
let rival: InitResult;
let dovecot: Dovecot;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  [n, strict, dovecot, sink] = await Promise.all([
    // PostgreSQL needs a key to seal the mail passwords (PGlite makes one in its data folder).
    startTestNurture({ SECRET_KEY: secretKey }),
    startTestNurture({ ALLOW_PRIVATE_MAIL_HOSTS: 'false', SECRET_KEY: secretKey }),
    startDovecot(),
    startSmtpSink(),
  ]);
  member = await addMember(n.ctx.db, n.org.orgId);
  rival = await addRivalOrg(n.ctx.db);
});
afterAll(async () => {
  await Promise.all([n?.close(), strict?.close(), dovecot?.stop(), sink?.close()]);
});

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now().toString(36)}@acme.test`;
const create = async (body: Record<string, unknown>) => {
  const r = await n.api<Assistant>('POST', '/api/v1/assistants', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};
const refusal = (r: { status: number; body: unknown }) => ({ status: r.status, ...(r.body as Err).error });

describe('creating and editing assistants', () => {
  it('an admin creates one with the contract fields; it gets the org default schedules', async () => {
    const first = (await n.api<Assistant>('GET', `/api/v1/assistants/${n.org.assistantId}`)).body;
    const a = await create({
      name: 'Sam',
      email: unique('sam'),
      signature: 'Sam\nAcme',
      brochureUrl: 'https://acme.example/deck.pdf',
      calendarUrl: 'https://cal.example/sam',
      moreContext: 'Widgets',
      moreInformation: 'Free trial',
    });
    expect(a).toMatchObject({
      name: 'Sam',
      brochureUrl: 'https://acme.example/deck.pdf',
      calendarUrl: 'https://cal.example/sam',
      defaultScheduleId: first.defaultScheduleId,
      defaultEmailccScheduleId: first.defaultEmailccScheduleId,
      archivedAt: null,
    });
    const listed = (await n.api<{ items: Assistant[] }>('GET', '/api/v1/assistants')).body.items;
    expect(listed.map((x) => x.id)).toContain(a.id);
  });

  it('the sending email is unique among live assistants, whatever its case: 409 naming email', async () => {
    const first = (await n.api<Assistant>('GET', `/api/v1/assistants/${n.org.assistantId}`)).body;
    const r = await n.api('POST', '/api/v1/assistants', { name: 'Twin', email: first.email.toUpperCase() });
    expect(refusal(r)).toMatchObject({ status: 409, code: 'CONFLICT', field: 'email' });
    const other = await create({ name: 'Other', email: unique('other') });
    const renamed = await n.api('PATCH', `/api/v1/assistants/${other.id}`, { email: first.email });
    expect(refusal(renamed)).toMatchObject({ status: 409, field: 'email' });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const a = await create({ name: 'Val', email: unique('val') });
    const path = `/api/v1/assistants/${a.id}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ brochureUrl: 'javascript:alert(1)' }, 'brochureUrl'],
      [{ calendarUrl: 'ftp://cal.example/x' }, 'calendarUrl'],
      [{ phone: 'call me' }, 'phone'],
      [{ riskReminderEveryDays: 31 }, 'riskReminderEveryDays'],
      [{ riskReminderTimes: 21 }, 'riskReminderTimes'],
      [{ emailccReservePercent: 51 }, 'emailccReservePercent'],
      [{ name: '   ' }, 'name'],
      [{ email: 'not-an-address' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const r = await n.api('PATCH', path, body);
      expect(refusal(r), JSON.stringify(body)).toMatchObject({ status: 400, field });
    }
    const [rivalSchedule] = await n.ctx.db.select().from(schedules).where(eq(schedules.orgId, rival.orgId));
    const foreign = await n.api('PATCH', path, { defaultScheduleId: rivalSchedule!.id });
    expect(refusal(foreign)).toMatchObject({ status: 400, field: 'defaultScheduleId' });
    const created = await n.api('POST', '/api/v1/assistants', {
      name: 'Bad',
      email: unique('bad'),
      brochureUrl: 'data:x',
    });
    expect(refusal(created)).toMatchObject({ status: 400, field: 'brochureUrl' });
  });

  it('saves the rest of §3, an empty default lead name included, and moves updatedAt', async () => {
    const a = await create({ name: 'Pat', email: unique('pat') });
    const [cc] = await n.ctx.db
      .select()
      .from(schedules)
      .where(and(eq(schedules.orgId, n.org.orgId), eq(schedules.name, 'Default EmailCC')));
    const r = await n.api<Assistant>('PATCH', `/api/v1/assistants/${a.id}`, {
      phone: '+44 7700 900123',
      defaultLeadName: '',
      emailccReservePercent: 10,
      riskReminderEveryDays: 3,
      defaultScheduleId: cc!.id,
      brochureUrl: '',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      phone: '+447700900123',
      defaultLeadName: '',
      emailccReservePercent: 10,
      riskReminderEveryDays: 3,
      defaultScheduleId: cc!.id,
      brochureUrl: null,
    });
    expect(Date.parse(r.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(a.updatedAt));
  });

  it('members may not create, edit or archive (403)', async () => {
    const key = member.key;
    expect(
      (await n.api('POST', '/api/v1/assistants', { name: 'M', email: unique('m') }, { key })).status,
    ).toBe(403);
    const path = `/api/v1/assistants/${n.org.assistantId}`;
    expect((await n.api('PATCH', path, { name: 'Hijack' }, { key })).status).toBe(403);
    expect((await n.api('POST', `${path}/archive`, undefined, { key })).status).toBe(403);
  });
});

describe('archiving', () => {
  it('stops its running leads with a timeline event naming who, cancels their emails, and hides it', async () => {
    const a = await create({ name: 'Arch', email: unique('arch') });
    const added = await n.api<Lead>('POST', '/api/v1/leads', {
      email: 'robin@customer.example',
      firstName: 'Robin',
      source: 'website',
      context: 'Widgets',
      assistantId: a.id,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const leadId = added.body.id;
    const r = await n.api<Assistant>('POST', `/api/v1/assistants/${a.id}/archive`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.archivedAt).not.toBeNull();
    expect(r.body.stoppedLeads).toBe(1);

    const lead = (await n.api<Lead>('GET', `/api/v1/leads/${leadId}`)).body;
    expect(lead).toMatchObject({ state: 'deactivated', subState: 'ManualStop' });
    const events = (await n.api<{ items: TimelineItem[] }>('GET', `/api/v1/leads/${leadId}/timeline`)).body
      .items;
    const stop = events.find(
      (e) => e.kind === 'event' && e.type === 'state_changed' && e.toState === 'deactivated',
    );
    expect(stop?.reason).toMatch(/assistant Arch was archived by/);
    const scheduled = await n.ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, leadId), eq(messages.status, 'scheduled')));
    expect(scheduled).toEqual([]);

    const live = (await n.api<{ items: Assistant[] }>('GET', '/api/v1/assistants')).body.items;
    expect(live.map((x) => x.id)).not.toContain(a.id);
    const archived = (await n.api<{ items: Assistant[] }>('GET', '/api/v1/assistants?archived=true')).body
      .items;
    expect(archived.map((x) => x.id)).toContain(a.id);

    const refused = await n.api('POST', '/api/v1/leads', {
      email: 'sky@customer.example',
      source: 'website',
      assistantId: a.id,
    });
    expect(refusal(refused)).toMatchObject({ status: 409, field: 'assistantId' });
    const again = await n.api('POST', `/api/v1/assistants/${a.id}/archive`);
    expect(refusal(again)).toMatchObject({ status: 409 });

    // Its address is free again while it is archived.
    await create({ name: 'Successor', email: a.email });
  });
});

/** A PNG header of the given size: signature, then an IHDR chunk with width and height. */
function png(width: number, height: number, padTo = 0): Buffer {
  const head = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  head[24] = 8;
  head[25] = 6;
  return padTo > head.length ? Buffer.concat([head, Buffer.alloc(padTo - head.length)]) : head;
}

async function upload(assistantId: string, bytes: Buffer, type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'avatar.png');
  const res = await fetch(`${n.url}/api/v1/assistants/${assistantId}/avatar`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${n.org.apiKey}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Assistant & Err };
}

describe('avatar', () => {
  it('takes a PNG, serves it, and leaves the database as it was on a refused upload', async () => {
    const a = await create({ name: 'Pic', email: unique('pic') });
    const good = png(64, 64, 200);
    const ok = await upload(a.id, good);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.avatarUrl).toMatch(new RegExp(`^/api/v1/assistants/${a.id}/avatar\\?v=\\d+$`));
    const served = await fetch(`${n.url}${ok.body.avatarUrl}`, {
      headers: { authorization: `Bearer ${n.org.apiKey}` },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(good)).toBe(true);

    const before = await n.ctx.db
      .select()
      .from(assistantAvatars)
      .where(eq(assistantAvatars.assistantId, a.id));
    const refusals = [
      await upload(a.id, Buffer.from('<svg onload=alert(1)>'), 'image/png'), // not an image by its bytes
      await upload(a.id, png(64, 64, 600 * 1024)), // over 512 KB
      await upload(a.id, png(10_000, 10_000)), // absurd dimensions
    ];
    expect(refusals.map((r) => [r.status, r.body.error.field])).toEqual([
      [400, 'file'],
      [413, 'file'],
      [400, 'file'],
    ]);
    expect(refusals[1]!.body.error.message).toMatch(/512 KB/);
    const after = await n.ctx.db
      .select()
      .from(assistantAvatars)
      .where(eq(assistantAvatars.assistantId, a.id));
    expect(after).toEqual(before);
    expect((await n.api<Assistant>('GET', `/api/v1/assistants/${a.id}`)).body.avatarUrl).toBe(
      ok.body.avatarUrl,
    );

    const removed = await n.api<Assistant>('DELETE', `/api/v1/assistants/${a.id}/avatar`);
    expect(removed.body.avatarUrl).toBeNull();
    expect((await n.api('GET', `/api/v1/assistants/${a.id}/avatar`)).status).toBe(404);
  });
});

describe('mail servers: SSRF guard', () => {
  const imap = (host: string) => ({ host, port: 993, tls: true, user: 'u', password: 'p' });
  const smtp = (host: string) => ({ host, port: 587, tls: false, user: 'u', password: 'p' });
  const refusedHosts = [
    '127.0.0.1',
    '10.0.0.1',
    '169.254.169.254',
    '::1',
    'localhost',
    '2130706433',
    '0x7f.1',
    '100.64.0.1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ];

  it('refuses loopback, private, link-local and names resolving to them, naming the host field', async () => {
    const path = `/api/v1/assistants/${strict.org.assistantId}`;
    for (const host of refusedHosts) {
      for (const [route, body] of [
        ['mailbox', imap(host)],
        ['smtp', smtp(host)],
        ['mailbox/test', imap(host)],
        ['smtp/test', smtp(host)],
      ] as const) {
        const method = route.endsWith('test') ? 'POST' : 'PUT';
        const r = await strict.api(method, `${path}/${route}`, body);
        expect(refusal(r), `${route} ${host}`).toMatchObject({ status: 400, field: 'host' });
        expect((r.body as Err).error.message).toMatch(/special-use|ALLOW_PRIVATE_MAIL_HOSTS/);
      }
    }
    const a = (await strict.api<Assistant>('GET', path)).body;
    expect(a.smtp).toBeNull();
  });

  it('accepts a public address when saving (nothing connects on save)', async () => {
    const path = `/api/v1/assistants/${strict.org.assistantId}`;
    const r = await strict.api<Assistant>('PUT', `${path}/smtp`, smtp('93.184.216.34'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.smtp).toMatchObject({ host: '93.184.216.34', passwordSet: true });
    expect(JSON.stringify(r.body)).not.toContain('"p"');
    expect((await strict.api('DELETE', `${path}/smtp`)).status).toBe(200);
  });

  it('accepts the same hosts when the instance allows private mail hosts', async () => {
    const path = `/api/v1/assistants/${n.org.assistantId}`;
    for (const host of ['127.0.0.1', 'localhost', '10.0.0.1']) {
      const r = await n.api<Assistant>('PUT', `${path}/smtp`, smtp(host));
      expect(r.status, `${host} ${JSON.stringify(r.body)}`).toBe(200);
    }
    expect((await n.api('DELETE', `${path}/smtp`)).status).toBe(200);
  });
});

describe('test connection', () => {
  it('reports the IMAP server accepting the sign-in, and its own words refusing a wrong password', async () => {
    const path = `/api/v1/assistants/${n.org.assistantId}/mailbox/test`;
    const body = {
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      user: dovecot.user,
      password: dovecot.password,
    };
    const ok = await n.api<{ ok: boolean; message: string }>('POST', path, body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.ok, ok.body.message).toBe(true);
    expect(ok.body.message).toMatch(/Signed in as test/);
    const bad = await n.api<{ ok: boolean; message: string }>('POST', path, { ...body, password: 'wrong' });
    expect(bad.body.ok).toBe(false);
    expect(bad.body.message).toMatch(/authenticat/i);
  });

  it('reports an SMTP server taking mail, and its own words refusing a sign-in', async () => {
    const path = `/api/v1/assistants/${n.org.assistantId}/smtp/test`;
    const ok = await n.api<{ ok: boolean; message: string }>('POST', path, {
      host: '127.0.0.1',
      port: sink.port,
      tls: false,
    });
    expect(ok.body, JSON.stringify(ok.body)).toMatchObject({ ok: true });
    // A server that asks for a sign-in and refuses this one, in words of its own.
    const strictServer = new SMTPServer({
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(_auth, _session, callback) {
        callback(new Error('Mailbox sam is locked by the post office'));
      },
    });
    strictServer.on('error', () => {});
    await new Promise<void>((r) => strictServer.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (strictServer.server.address() as { port: number }).port;
      const auth = await n.api<{ ok: boolean; message: string }>('POST', path, {
        host: '127.0.0.1',
        port,
        tls: false,
        user: 'sam',
        password: 'secret',
      });
      expect(auth.body.ok, auth.body.message).toBe(false);
      expect(auth.body.message).toContain('Mailbox sam is locked by the post office');
    } finally {
      await new Promise<void>((r) => strictServer.close(() => r()));
    }
  });

  it('tests the saved SMTP server when no settings are given', async () => {
    const path = `/api/v1/assistants/${n.org.assistantId}`;
    const saved = await n.api<Assistant>('PUT', `${path}/smtp`, {
      host: '127.0.0.1',
      port: sink.port,
      tls: false,
    });
    expect(saved.body).toMatchObject({
      ownSmtp: true,
      smtp: { host: '127.0.0.1', port: sink.port, user: null },
    });
    const ok = await n.api<{ ok: boolean; message: string }>('POST', `${path}/smtp/test`);
    expect(ok.body, JSON.stringify(ok.body)).toMatchObject({ ok: true });
    expect((await n.api('DELETE', `${path}/smtp`)).status).toBe(200);
  });
});
