import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/accounts/actor.ts';
import { leads, messages, timelineEvents } from '../src/db/schema.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { startDnsServer, type TestDnsServer } from './helpers/dns-server.ts';
import { startTestNurture, waitFor } from './helpers/test-nurture.ts';
import { startVerifierServer } from './helpers/verifier-server.ts';

/**
 * SPEC §7 end to end: a real DNS server and a real verifier (ZeroBounce
 * protocol) on loopback, the worker's validation loop, the dispatcher and the
 * sandbox. The leads' domains are under `.internal` (private use, never on
 * the public internet), so they are validated through DNS like any real
 * domain — the sandbox shortcut is only for the RFC 2606 test names.
 */
type Lead = { id: string; email: string; state: string; subState: string | null };
type Err = { error: { code: string; message: string; field?: string } };
type Event = {
  kind: string;
  type?: string;
  reason?: string;
  toState?: string;
  toSubState?: string;
  evidence?: Record<string, unknown>;
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
let dns: TestDnsServer;
let verifier: Awaited<ReturnType<typeof startVerifierServer>>;
let verifierDown = false;
let actor: Actor;

beforeAll(async () => {
  dns = await startDnsServer({
    'mx.corp.internal': { mx: [[10, 'mail.mx.corp.internal']] },
    'a-only.corp.internal': { a: ['192.0.2.25'] },
    'nullmx.corp.internal': { mx: 'null', a: ['192.0.2.26'] },
    'xn--bcher-kva.corp.internal': { mx: [[5, 'mx.xn--bcher-kva.corp.internal']] },
    'broken.corp.internal': { rcode: 'SERVFAIL' },
    '*.ok.internal': { mx: [[10, 'mx.ok.internal']] },
    '*.bulk.internal': { mx: [[10, 'mx.bulk.internal']] },
  });
  verifier = await startVerifierServer((email) => {
    const local = email.slice(0, email.indexOf('@'));
    if (verifierDown) return { httpStatus: 503, raw: 'maintenance' };
    if (local === 'ghost') return { status: 'invalid', sub_status: 'mailbox_not_found' };
    if (local === 'anyone') return { status: 'catch-all' };
    return { status: 'valid' };
  });
  n = await startTestNurture({
    VALIDATION_MODE: 'full',
    DNS_SERVERS: dns.server,
    // The DNS server and the verifier run in this process, beside PGlite: on a busy machine their
    // answers can wait seconds for the event loop, and a try that times out is retried (another
    // query, another address_checked event), which is not what these tests count.
    DNS_TIMEOUT_MS: '5000',
    VALIDATION_POLL_MS: '50',
    // Waits between tries of 2, 4, 8, 8… s. "DNS answered for other domains since the lead's previous
    // try" is judged over the last wait (at most 8 s) when the verdict is recorded: a round that takes
    // seconds on a busy machine must not push every other domain's answer out of it.
    VALIDATION_RETRY_BASE_MS: '2000',
    VALIDATION_RETRY_MAX_MS: '8000',
    VALIDATION_MAX_ATTEMPTS: '4',
    VERIFIER_URL: verifier.url,
    VERIFIER_API_KEY: 'test-key',
    VERIFIER_TIMEOUT_MS: '5000',
  });
  actor = { orgId: n.org.orgId, userId: n.org.userId, role: 'admin' };
  // These tests add hundreds of leads, each emailed once valid: more than the default daily cap of
  // 100, which would hold a later test's email until tomorrow (as it should in production).
  const cap = await n.api('PATCH', `/api/v1/assistants/${n.org.assistantId}/sending`, { dailyCap: 2000 });
  expect(cap.status).toBe(200);
});
afterAll(async () => {
  await n?.close();
  await dns?.close();
  await verifier?.close();
});

const add = async (email: string) => {
  const r = await n.api<Lead>('POST', '/api/v1/leads', { email, source: 'event', context: 'Expo' });
  expect(r.status).toBe(201);
  return r.body;
};
const lead = async (id: string) => (await n.api<Lead>('GET', `/api/v1/leads/${id}`)).body;
const settled = (id: string, timeoutMs = 60_000) =>
  waitFor(
    async () => {
      const l = await lead(id);
      return l.state !== 'pending' || l.subState !== 'Unverified' ? l : null;
    },
    `lead ${id} validated`,
    timeoutMs,
  );
const events = async (id: string) =>
  (await n.api<{ items: Event[] }>('GET', `/api/v1/leads/${id}/timeline`)).body.items.filter(
    (i) => i.kind === 'event',
  );
const emailed = (id: string) =>
  waitFor(async () => {
    const r = await n.api<{ items: { leadId: string }[] }>('GET', '/api/v1/sandbox/messages');
    return r.body.items.some((m) => m.leadId === id);
  }, `an email to lead ${id}`);
const wasEmailed = async (id: string) => {
  const sent = await n.ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.leadId, id), eq(messages.status, 'sent')));
  return sent.length > 0;
};

describe('address validation (SPEC §7)', () => {
  it('a valid address: pending while its domain is checked, then cold and emailed, the timeline says why', async () => {
    const t = Date.now();
    const l = await add('jane@mx.corp.internal');
    expect(l).toMatchObject({ state: 'pending', subState: 'Unverified' });
    expect(await settled(l.id)).toMatchObject({ state: 'cold', subState: null });
    // The time is logged below (well under a second on a quiet machine, 6-11 s with other suites
    // running): a measure of the machine. What the product promises is that the first try decides.
    const validatedMs = Date.now() - t;
    await emailed(l.id);
    const verified = (await events(l.id)).find((e) => e.type === 'state_changed' && e.toState === 'cold')!;
    expect(verified.evidence).toMatchObject({ attempts: 1 });
    expect((await events(l.id)).filter((e) => e.type === 'address_checked')).toEqual([]);
    expect(verified.reason).toContain('mx.corp.internal has mail hosts mail.mx.corp.internal (MX 10)');
    expect(verified.reason).toContain('says "valid"');
    const checks = verified.evidence!.checks as { check: string; result: string; evidence?: unknown }[];
    expect(checks.map((c) => `${c.check}:${c.result}`)).toEqual([
      'syntax:pass',
      'disposable:pass',
      'spam-trap:pass',
      'dns:pass',
      'verifier:pass',
    ]);
    expect(checks.find((c) => c.check === 'dns')!.evidence).toMatchObject({
      via: 'mx',
      hosts: ['mail.mx.corp.internal (MX 10)'],
    });
    expect(verifier.requests.at(-1)).toEqual({ email: 'jane@mx.corp.internal', apiKey: 'test-key' });
    console.log(`[validation] one lead added → cold in ${validatedMs} ms`);
  });

  it('no MX but an A record: the domain itself takes mail (RFC 5321 §5.1); an IDN domain is asked in punycode', async () => {
    const a = await add('ops@a-only.corp.internal');
    const idnOk = await add('kontakt@BÜCHER.corp.internal');
    expect(idnOk.email).toBe('kontakt@bücher.corp.internal');
    expect(await settled(a.id)).toMatchObject({ state: 'cold' });
    expect(await settled(idnOk.id)).toMatchObject({ state: 'cold' });
    const verified = (await events(a.id)).find((e) => e.toState === 'cold')!;
    expect(verified.reason).toContain('no MX but its own address (A 192.0.2.25)');
    expect(dns.queries.some((q) => q.name === 'xn--bcher-kva.corp.internal' && q.type === 'MX')).toBe(true);
  });

  it('a null MX or a domain that does not exist: deactivated/ServerUnReachable, nothing sent', async () => {
    const nullMx = await add('jo@nullmx.corp.internal');
    const nx = await add('jo@nowhere.corp.internal');
    expect(await settled(nullMx.id)).toMatchObject({ state: 'deactivated', subState: 'ServerUnReachable' });
    expect(await settled(nx.id)).toMatchObject({ state: 'deactivated', subState: 'ServerUnReachable' });
    const why = (await events(nullMx.id)).find((e) => e.toState === 'deactivated')!;
    expect(why.reason).toContain('null MX');
    expect((await events(nx.id)).find((e) => e.toState === 'deactivated')!.reason).toContain('NXDOMAIN');
    expect((await events(nx.id)).some((e) => e.type === 'steps_cancelled')).toBe(true);
    // The null MX's A record is not used as a fallback.
    expect(dns.queries.filter((q) => q.name === 'nullmx.corp.internal').map((q) => q.type)).toEqual(['MX']);
    expect(await wasEmailed(nullMx.id)).toBe(false);
  });

  it('refuses bad syntax with 400 naming email; decides disposable, spam traps and .invalid when the lead is added', async () => {
    for (const email of ['jane@@corp.internal', 'jane@exa_mple.internal', 'jürgen@bücher.de']) {
      const r = await n.api<Err>('POST', '/api/v1/leads', { email, source: 'event' });
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe('email');
    }
    expect(await add('temp@mailinator.com')).toMatchObject({ state: 'deactivated', subState: 'Disposable' });
    expect(await add('spamtrap@mx.corp.internal')).toMatchObject({
      state: 'deactivated',
      subState: 'SpamTrap',
    });
    expect(await add('noreply@mx.corp.internal')).toMatchObject({
      state: 'deactivated',
      subState: 'InvalidEmail',
    });
    // An RFC 2606 test name skips DNS here only because this assistant's mail stays in the sandbox.
    const sandboxed = await add('jane@example.com');
    expect(sandboxed).toMatchObject({ state: 'cold' });
    expect((await events(sandboxed.id)).find((e) => e.toState === 'cold')!.reason).toContain(
      'reserved for testing (RFC 2606 §3)',
    );
    expect(dns.queries.some((q) => q.name === 'example.com')).toBe(false);
    const invalid = await add('jane@shop.invalid');
    expect(invalid).toMatchObject({ state: 'deactivated', subState: 'ServerUnReachable' });
    expect((await events(invalid.id)).find((e) => e.toState === 'deactivated')!.reason).toContain('RFC 6761');
    const planned = await n.ctx.db.select().from(messages).where(eq(messages.leadId, invalid.id));
    expect(planned).toEqual([]);
  });

  it('a role account is a warning on the timeline, not a reason to stop', async () => {
    const l = await add('info@mx.corp.internal');
    expect(await settled(l.id)).toMatchObject({ state: 'cold' });
    const verified = (await events(l.id)).find((e) => e.toState === 'cold')!;
    expect(verified.reason).toContain('info@ is a role account');
  });

  it("maps the verifier's answers: no mailbox → InvalidEmail; catch-all → pending/CatchAll, still emailed", async () => {
    const ghost = await add('ghost@mx.corp.internal');
    const anyone = await add('anyone@mx.corp.internal');
    expect(await settled(ghost.id)).toMatchObject({ state: 'deactivated', subState: 'InvalidEmail' });
    expect((await events(ghost.id)).find((e) => e.toState === 'deactivated')!.reason).toContain(
      '"invalid / mailbox_not_found"',
    );
    expect(await settled(anyone.id)).toMatchObject({ state: 'pending', subState: 'CatchAll' });
    await emailed(anyone.id);
  });

  it('a verifier outage delays the lead; after the tries run out our own checks decide', async () => {
    verifierDown = true;
    try {
      const l = await add('pat@mx.corp.internal');
      expect(await settled(l.id)).toMatchObject({ state: 'cold' });
      const evs = await events(l.id);
      expect(evs.filter((e) => e.type === 'address_checked')).toHaveLength(3);
      expect(evs.find((e) => e.toState === 'cold')!.reason).toContain('our own checks decide');
    } finally {
      verifierDown = false;
    }
  });

  it('a DNS timeout leaves the lead pending and unemailed, retried until the server answers', async () => {
    dns.set('slow.corp.internal', { silent: true });
    const l = await add('kim@slow.corp.internal');
    await waitFor(
      async () => (await events(l.id)).filter((e) => e.type === 'address_checked').length >= 2,
      'two failed tries',
    );
    const checked = (await events(l.id)).filter((e) => e.type === 'address_checked');
    expect(checked[0]!.reason).toContain('timed out');
    expect(checked[0]!.evidence).toMatchObject({ attempts: 1, nextTryAt: expect.any(String) });
    expect(await lead(l.id)).toMatchObject({ state: 'pending', subState: 'Unverified' });
    // The first email came due and was held, not sent.
    expect(
      (await events(l.id)).some((e) => e.type === 'send_deferred' && e.evidence?.hold === 'validation'),
    ).toBe(true);
    expect(await wasEmailed(l.id)).toBe(false);
    dns.set('slow.corp.internal', { mx: [[10, 'mx.slow.corp.internal']] });
    expect(await settled(l.id)).toMatchObject({ state: 'cold' });
    await emailed(l.id);
  });

  it('a domain whose DNS keeps failing while DNS answers for others: CannotDetermine after the last try', {
    timeout: 240_000,
  }, async () => {
    const l = await add('lee@broken.corp.internal');
    // Other leads' fresh domains keep DNS proven to work meanwhile (as an import would): three at a
    // time, each three validated before the next, so DNS keeps answering for others without a backlog
    // (a timer adding leads faster than a busy machine validates them starved the lead under test).
    let trickling = true;
    const trickle = (async () => {
      for (let i = 0; trickling; ) {
        const others = await Promise.all(
          [0, 1, 2].map(() => addLead(n.ctx, actor, { email: `p@d${i++}.ok.internal`, source: 'event' })),
        );
        await waitFor(async () => {
          if (!trickling) return true;
          const rows = await n.ctx.db
            .select({ state: leads.state })
            .from(leads)
            .where(
              inArray(
                leads.id,
                others.map((o) => o.id),
              ),
            );
          return rows.every((r) => r.state !== 'pending');
        }, 'the other domains validated');
      }
    })();
    try {
      expect(await settled(l.id)).toMatchObject({
        state: 'deactivated',
        subState: 'CannotDetermine',
      });
    } finally {
      trickling = false;
      await trickle;
    }
    const evs = await events(l.id);
    expect(evs.filter((e) => e.type === 'address_checked')).toHaveLength(3);
    expect(evs.find((e) => e.toState === 'deactivated')!.reason).toContain('SERVFAIL');
  });

  it('a lead added during a DNS outage is neither lost nor blamed: it waits past the last try and goes once DNS is back', {
    timeout: 300_000,
  }, async () => {
    await dns.stop();
    try {
      const l = await add('sam@outage.ok.internal');
      await waitFor(
        async () => {
          const [row] = await n.ctx.db.select().from(leads).where(eq(leads.id, l.id));
          return row!.validationAttempts >= 6;
        },
        'six tries during the outage',
        // Six tries of a 5 s DNS timeout plus their back-off: well over a minute on a busy machine.
        200_000,
      );
      expect(await lead(l.id)).toMatchObject({ state: 'pending', subState: 'Unverified' });
      const last = (await events(l.id)).filter((e) => e.type === 'address_checked').at(-1)!;
      expect(last.reason).toContain('we wait rather than blame the address');
      await dns.start();
      expect(await settled(l.id)).toMatchObject({ state: 'cold' });
      await emailed(l.id);
    } finally {
      await dns.start();
    }
  });

  it('500 leads across 20 domains are validated with one DNS query per domain', async () => {
    const before = dns.queries.length;
    const t0 = Date.now();
    const added: string[] = [];
    // Through the API, ten at a time, as an import or a CRM would. (A tight loop of addLead calls on
    // PGlite is one long chain of microtasks that starves the event loop, DNS answers included.)
    for (let i = 0; i < 500; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, k) => add(`lead${i + k}@d${(i + k) % 20}.bulk.internal`)),
      );
      added.push(...batch.map((l) => l.id));
    }
    const addedMs = Date.now() - t0;
    await waitFor(
      async () => {
        const rows = await n.ctx.db
          .select({ state: leads.state })
          .from(leads)
          .where(inArray(leads.id, added));
        return rows.every((r) => r.state === 'cold');
      },
      '500 leads validated',
      300_000, // a ceiling: each is validated and emailed, which takes minutes beside other suites
    );
    const totalMs = Date.now() - t0;
    const bulkQueries = dns.queries.slice(before).filter((q) => q.name.endsWith('.bulk.internal'));
    const retried = await n.ctx.db
      .select({ reason: timelineEvents.reason })
      .from(timelineEvents)
      .where(and(inArray(timelineEvents.leadId, added), eq(timelineEvents.type, 'address_checked')));
    const asked = JSON.stringify({ queries: bulkQueries.map((q) => `${q.name}/${q.type}`).sort(), retried });
    // One question per domain. A question whose answer came after DNS_TIMEOUT_MS (the event loop of
    // a busy machine can hold an answer that long) is a failed try, on the timeline, and asked again:
    // that domain may be asked once more per timed-out wave, and only that domain.
    const perDomain = new Map<string, number>();
    for (const q of bulkQueries) perDomain.set(q.name, (perDomain.get(q.name) ?? 0) + 1);
    const timedOut = new Map<string, Set<string>>();
    for (const r of retried) {
      const m = /DNS gave no answer about (\S+) \(timed out\)\. Still pending \(try (\d+)\)/.exec(r.reason);
      if (m) timedOut.set(m[1]!, (timedOut.get(m[1]!) ?? new Set()).add(m[2]!));
    }
    expect(perDomain.size, asked).toBe(20);
    for (const [domain, count] of perDomain) {
      expect(count, `${domain}: ${asked}`).toBeLessThanOrEqual(1 + (timedOut.get(domain)?.size ?? 0));
    }
    const verified = await n.ctx.db
      .select({ id: timelineEvents.id })
      .from(timelineEvents)
      .where(and(inArray(timelineEvents.leadId, added), eq(timelineEvents.toState, 'cold')));
    expect(verified).toHaveLength(500);
    const stillDue = await n.ctx.db
      .select({ id: leads.id })
      .from(leads)
      .where(and(like(leads.email, '%.bulk.internal'), eq(leads.state, 'pending')));
    expect(stillDue).toEqual([]);
    console.log(
      `[validation] 500 leads / 20 domains: ${bulkQueries.length} DNS queries (${timedOut.size} domains timed out once or more); added in ${addedMs} ms, all cold ${totalMs} ms after the first add`,
    );
  }, 600_000);
});
