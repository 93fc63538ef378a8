import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../../test/helpers/dns-server.ts';
import { createMailHostResolver } from './mail-host-resolver.ts';

let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startDnsServer({
    'mx.corp.internal': {
      mx: [
        [20, 'b.mx.corp.internal'],
        [10, 'a.mx.corp.internal'],
      ],
    },
    'a-only.corp.internal': { a: ['192.0.2.10'] },
    'aaaa-only.corp.internal': { aaaa: ['2001:db8::1'] },
    'null.corp.internal': { mx: 'null', a: ['192.0.2.11'] },
    'empty.corp.internal': {},
    'broken.corp.internal': { rcode: 'SERVFAIL' },
    'refusing.corp.internal': { rcode: 'REFUSED' },
    'slow.corp.internal': { silent: true },
  });
});
afterAll(() => dns?.close());

// The DNS server answers from this process: on a busy machine an answer can take a second or more,
// so only the silent names are meant to time out.
const resolver = (over: Partial<Parameters<typeof createMailHostResolver>[0]> = {}) =>
  createMailHostResolver({
    servers: [dns.server],
    timeoutMs: 10_000,
    concurrency: 4,
    positiveTtlMs: 60_000,
    negativeTtlMs: 60_000,
    ...over,
  });

describe('mail host resolver (real DNS on loopback)', () => {
  it('MX hosts, by priority', async () => {
    expect(await resolver().lookup('mx.corp.internal')).toMatchObject({
      kind: 'mail-host',
      via: 'mx',
      hosts: ['a.mx.corp.internal (MX 10)', 'b.mx.corp.internal (MX 20)'],
      cached: false,
    });
  });
  it('no MX: the A, then AAAA record is the mail host (RFC 5321 §5.1)', async () => {
    const r = resolver();
    expect(await r.lookup('a-only.corp.internal')).toMatchObject({
      kind: 'mail-host',
      via: 'a',
      hosts: ['192.0.2.10'],
    });
    expect(await r.lookup('aaaa-only.corp.internal')).toMatchObject({ kind: 'mail-host', via: 'aaaa' });
  });
  it('a null MX, NXDOMAIN or no record at all: no mail host', async () => {
    const r = resolver();
    expect(await r.lookup('null.corp.internal')).toMatchObject({ kind: 'no-mail-host', why: 'null-mx' });
    expect(await r.lookup('nowhere.corp.internal')).toMatchObject({ kind: 'no-mail-host', why: 'nxdomain' });
    expect(await r.lookup('empty.corp.internal')).toMatchObject({ kind: 'no-mail-host', why: 'no-records' });
  });
  it('SERVFAIL, REFUSED and timeouts are unknown, never "no mail host", and not cached', async () => {
    const r = resolver();
    expect(await r.lookup('broken.corp.internal')).toMatchObject({ kind: 'unknown', code: 'ESERVFAIL' });
    expect(await r.lookup('refusing.corp.internal')).toMatchObject({ kind: 'unknown', code: 'EREFUSED' });
    const t = Date.now();
    const impatient = resolver({ timeoutMs: 300 });
    expect(await impatient.lookup('slow.corp.internal')).toMatchObject({ kind: 'unknown', code: 'ETIMEOUT' });
    // One try of 300 ms, not the resolver's default four with doubling waits (4.5 s).
    expect(Date.now() - t).toBeLessThan(4000);
    const before = dns.queries.length;
    await r.lookup('broken.corp.internal');
    expect(dns.queries.length).toBe(before + 1);
  });
  it('asks once per domain: concurrent lookups share a query, answers are cached until their TTL', async () => {
    let clock = 1_000_000;
    const r = resolver({ now: () => clock, positiveTtlMs: 1000, negativeTtlMs: 500 });
    const before = dns.queries.length;
    const all = await Promise.all(Array.from({ length: 50 }, () => r.lookup('mx.corp.internal')));
    expect(all.filter((a) => !a.cached)).toHaveLength(1);
    expect(dns.queries.length - before).toBe(1);
    await r.lookup('nowhere.corp.internal');
    expect(dns.queries.length - before).toBe(2);
    clock += 600; // the negative answer expired, the positive one not
    await r.lookup('mx.corp.internal');
    await r.lookup('nowhere.corp.internal');
    expect(dns.queries.length - before).toBe(3);
    expect(r.lastAnsweredAt()).toBe(clock);
  });
  it('keeps at most `concurrency` queries in the air', async () => {
    // Slots are held for 2 s (the silent server's timeout): long enough to look while they are full.
    const r = resolver({ concurrency: 2, timeoutMs: 2000 });
    const names = ['s1', 's2', 's3', 's4'].map((n) => `${n}.slow.corp.internal`);
    for (const n of names) dns.set(n, { silent: true });
    const before = dns.queries.length;
    const all = Promise.all(names.map((n) => r.lookup(n)));
    while (dns.queries.length - before < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dns.queries.length - before).toBe(2); // the other two wait for a slot
    await all;
    expect(dns.queries.length - before).toBe(4);
  });
});
