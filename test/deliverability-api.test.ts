import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverabilityEvents, messages } from '../src/db/schema.ts';
import { evaluateBreakers } from '../src/deliverability/breaker-evaluation.ts';
import { seedLeads } from './helpers/deliverability.ts';
import { addMember, addRivalOrg, startTestNurture } from './helpers/test-nurture.ts';

type Breaker = {
  id: string;
  scope: string;
  kind: string;
  state: string;
  rate: number;
  sends: number;
  events: number;
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
let memberKey: string;
beforeAll(async () => {
  // A key to seal DKIM keys with (PostgreSQL has no data folder to keep a generated one).
  n = await startTestNurture({ SECRET_KEY: randomBytes(32).toString('hex') });
  memberKey = (await addMember(n.ctx.db, n.org.orgId)).key;
});
afterAll(async () => n?.close());

describe('deliverability API', () => {
  it('lists the breakers with their rates; only an admin resumes one, once', async () => {
    expect((await n.api('GET', '/api/v1/deliverability/breakers')).body).toEqual({ items: [] });
    // 50 emails sent this week and 3 refused at send time: 3 of 53, over the 4 % pause level.
    const now = new Date();
    const ids = await seedLeads(
      n.ctx.db,
      n.org,
      n.org.assistantId,
      Array.from({ length: 53 }, (_, i) => `l${i}@example.com`),
      new Date(now.getTime() + 30 * 86_400_000),
    );
    await n.ctx.db
      .update(messages)
      .set({ status: 'sent', sentAt: now })
      .where(and(inArray(messages.leadId, ids.slice(0, 50)), eq(messages.step, 0)));
    await n.ctx.db.insert(deliverabilityEvents).values(
      ids.slice(50).map((leadId) => ({
        orgId: n.org.orgId,
        assistantId: n.org.assistantId,
        mailbox: 'alex@acme.test',
        leadId,
        kind: 'hard_bounce' as const,
        source: 'smtp' as const,
        sentAt: now,
        occurredAt: now,
      })),
    );
    await n.ctx.db.transaction((tx) => evaluateBreakers(tx, n.ctx.config, { orgId: n.org.orgId, now }));

    const list = await n.api<{ items: Breaker[] }>('GET', '/api/v1/deliverability/breakers', undefined, {
      key: memberKey,
    });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(6);
    const bounce = list.body.items.filter((b) => b.kind === 'hard_bounce');
    expect(bounce.map((b) => [b.scope, b.state, b.sends, b.events])).toEqual([
      ['org', 'tripped', 53, 3],
      ['mailbox', 'tripped', 53, 3],
      ['assistant', 'tripped', 53, 3],
    ]);
    expect(bounce[0]).toMatchObject({ rate: 3 / 53, warnRate: 0.02, pauseRate: 0.04, minSends: 50 });
    expect(list.body.items.filter((b) => b.kind === 'complaint').every((b) => b.state === 'armed')).toBe(
      true,
    );

    const target = bounce[2]!.id;
    const path = `/api/v1/deliverability/breakers/${target}/resume`;
    expect((await n.api('POST', path, undefined, { key: memberKey })).status).toBe(403);
    expect((await n.api('POST', `/api/v1/deliverability/breakers/${randomUUID()}/resume`)).status).toBe(404);
    expect((await n.api('POST', '/api/v1/deliverability/breakers/not-a-uuid/resume')).status).toBe(404);
    const rival = await addRivalOrg(n.ctx.db);
    expect((await n.api('POST', path, undefined, { key: rival.apiKey })).status).toBe(404);

    const resumed = await n.api<{
      breaker: Breaker & { resumedBy: string };
      alsoResumed: string[];
      released: number;
    }>('POST', path);
    expect(resumed.status).toBe(200);
    expect(resumed.body.breaker).toMatchObject({
      id: target,
      state: 'armed',
      sends: 0,
      resumedBy: n.org.userId,
    });
    expect(resumed.body.alsoResumed.sort()).toEqual([bounce[0]!.id, bounce[1]!.id].sort());
    expect(resumed.body.released).toBe(0);
    expect((await n.api('POST', path)).status).toBe(409);
    const after = await n.api<{ items: Breaker[] }>('GET', '/api/v1/deliverability/breakers');
    expect(after.body.items.every((b) => b.state === 'armed')).toBe(true);
  });

  it('DKIM keys: admins set them, the API shows the DNS record and never the key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const path = `/api/v1/deliverability/dkim/${n.org.assistantId}`;
    expect((await n.api('GET', path)).body).toMatchObject({ source: 'none', dnsValue: null });
    expect((await n.api('PUT', path, { selector: 's1', privateKey }, { key: memberKey })).status).toBe(403);
    const bad = await n.api<{ error: { field: string } }>('PUT', path, {
      selector: 's1',
      privateKey: 'x'.repeat(200),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('privateKey');
    const set = await n.api('PUT', path, { selector: 's1', privateKey });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      source: 'assistant',
      selector: 's1',
      dnsName: 's1._domainkey.acme.test',
    });
    expect(String(set.body.dnsValue)).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    const shown = JSON.stringify((await n.api('GET', `/api/v1/assistants/${n.org.assistantId}`)).body);
    expect(shown).not.toMatch(/dkimPrivateKey|PRIVATE KEY|v1\./);
    expect((await n.api('DELETE', path)).body).toMatchObject({ source: 'none' });
  });
});
