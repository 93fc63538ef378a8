import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedCtx, seedLeads } from '../../test/helpers/deliverability.ts';
import { verifyDkim } from '../../test/helpers/dkim-verify.ts';
import { openAssistantWindow } from '../../test/helpers/seed.ts';
import { startSmtpSink } from '../../test/helpers/smtp-sink.ts';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import type { Actor } from '../accounts/actor.ts';
import { createOrgWithAdmin, type InitResult } from '../accounts/org-setup.ts';
import { loadConfig } from '../config/config.ts';
import { assistants, workers } from '../db/schema.ts';
import { dispatchOnce } from '../outbound/dispatcher.ts';
import { createSenderRegistry, type SenderRegistry } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import { clearAssistantDkim, getAssistantDkim, setAssistantDkim } from './dkim-keys.ts';

// DKIM end to end: the dispatcher signs, a real SMTP server receives, and an
// independent verifier (test/helpers/dkim-verify.ts) checks the signature
// against the public key the DNS record would publish.
const rsa = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const instanceKey = rsa();
const assistantKey = rsa();

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let ctx: Ctx;
let senders: SenderRegistry;
let org: InitResult;
let admin: Actor;
const clock = { now: new Date('2026-12-01T10:00:00Z') };

beforeAll(async () => {
  fresh = await freshDatabase();
  sink = await startSmtpSink();
  const config = loadConfig({
    SMTP_URL: sink.url,
    LOG_LEVEL: 'error',
    SECRET_KEY: randomBytes(32).toString('hex'),
    DKIM_SELECTOR: 'inst2026',
    // Written as an env file would hold it: one line, \n escapes.
    DKIM_PRIVATE_KEY: instanceKey.privateKey.replace(/\n/g, '\\n'),
  });
  ctx = clockedCtx(fresh.database.db, config, clock);
  senders = createSenderRegistry(ctx.db, config);
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
  org = await createOrgWithAdmin(ctx.db, {
    orgName: 'Signed',
    email: 'admin@signed.test',
    password: 'password123',
  });
  admin = { orgId: org.orgId, userId: org.userId, role: 'admin' };
  await openAssistantWindow(ctx.db, org.assistantId);
});
afterAll(async () => {
  await senders?.closeAll();
  await sink?.close();
  await fresh?.drop();
});

async function sendTo(email: string) {
  await seedLeads(ctx.db, org, org.assistantId, [email], clock.now);
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
  const got = sink.received.find((m) => m.to.includes(email));
  if (!got) throw new Error(`nothing reached ${email}`);
  return got;
}

describe('DKIM signing', () => {
  it("signs with the instance's key for the sending domain, and the signature verifies", async () => {
    const m = await sendTo('first@example.com');
    const check = verifyDkim(m.raw, instanceKey.publicKey);
    expect(check.tags).toMatchObject({
      d: 'signed.test',
      s: 'inst2026',
      a: 'rsa-sha256',
      c: 'relaxed/relaxed',
    });
    expect(check.signedHeaders).toEqual(
      expect.arrayContaining(['from', 'to', 'subject', 'message-id', 'list-unsubscribe']),
    );
    expect(check.bodyHashOk).toBe(true);
    expect(check.signatureOk).toBe(true);
    // The verifier is not a rubber stamp: another key, or a changed body, fails.
    expect(verifyDkim(m.raw, assistantKey.publicKey).signatureOk).toBe(false);
    expect(verifyDkim(m.raw.replace('Hi Kim', 'Hi Eve'), instanceKey.publicKey).bodyHashOk).toBe(false);
    expect(
      verifyDkim(m.raw.replace(/^Subject: .*$/m, 'Subject: changed'), instanceKey.publicKey).signatureOk,
    ).toBe(false);
  });

  it("signs with the assistant's own key once an admin sets it, sealed at rest, and says what to publish", async () => {
    const member: Actor = { ...admin, role: 'member' };
    await expect(
      setAssistantDkim(ctx, member, org.assistantId, {
        selector: 'own',
        privateKey: assistantKey.privateKey,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      setAssistantDkim(ctx, admin, org.assistantId, { selector: 'own', privateKey: 'not a key' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'privateKey' });
    const view = await setAssistantDkim(ctx, admin, org.assistantId, {
      selector: 'own2026',
      privateKey: assistantKey.privateKey,
    });
    const publicDer = assistantKey.publicKey.replace(/-----[^-]+-----|\s/g, '');
    expect(view).toMatchObject({
      source: 'assistant',
      domain: 'signed.test',
      selector: 'own2026',
      dnsName: 'own2026._domainkey.signed.test',
      dnsValue: `v=DKIM1; k=rsa; p=${publicDer}`,
    });
    const [row] = await ctx.db.select().from(assistants).where(eq(assistants.id, org.assistantId));
    expect(row!.dkimPrivateKeyEnc).toMatch(/^v1\./);
    expect(row!.dkimPrivateKeyEnc).not.toContain('PRIVATE KEY');

    const m = await sendTo('second@example.com');
    const check = verifyDkim(m.raw, assistantKey.publicKey);
    expect(check.tags).toMatchObject({ d: 'signed.test', s: 'own2026' });
    expect(check.bodyHashOk && check.signatureOk).toBe(true);

    expect(await clearAssistantDkim(ctx, admin, org.assistantId)).toMatchObject({
      source: 'instance',
      selector: 'inst2026',
    });
    expect((await getAssistantDkim(ctx, admin, org.assistantId)).dnsName).toBe(
      'inst2026._domainkey.signed.test',
    );
    expect(verifyDkim((await sendTo('third@example.com')).raw, instanceKey.publicKey).signatureOk).toBe(true);
  });
});
