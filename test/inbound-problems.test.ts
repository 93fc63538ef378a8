import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessages, workers } from '../src/db/schema.ts';
import { ingestRaw } from '../src/inbound/ingest.ts';
import { processInboundOnce } from '../src/inbound/process-inbound.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Problem = {
  id: string;
  status: string;
  channel: string;
  from: string | null;
  subject: string | null;
  sizeBytes: number;
  receivedAt: string;
  reason: string | null;
  attempts: number;
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture({ INBOUND_MAX_ATTEMPTS: '2', INBOUND_RETRY_BASE_MS: '100' });
});
afterAll(async () => n?.close());

/** More MIME parts than the parser takes (1,000): it fails the same way on every attempt. */
const message = (subject: string) => {
  const parts: string[] = [];
  for (let i = 0; i < 1200; i++) parts.push(`--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
  return Buffer.from(
    `From: Dana <Dana@Lead.Example>\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@lead.example>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts.join('')}--b--\r\n`,
  );
};
const reason = 'Max allowed child nodes exceeded';

const problems = async (key?: string) =>
  (await n.api<{ items: Problem[] }>('GET', '/api/v1/inbound-problems', undefined, key ? { key } : {})).body
    .items;

describe('inbound problems: quarantined messages shown for a human', () => {
  it('a message that fails on every attempt is quarantined with its reason, listed for its org only', async () => {
    const raw = message('Overrun one');
    const stored = await ingestRaw(n.ctx, 'http', raw, { orgId: n.org.orgId });
    const row = await waitFor(
      async () => {
        const [r] = await n.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, stored.id));
        return r?.status === 'quarantined' ? r : null;
      },
      'the message to be quarantined',
      60_000,
    );
    expect(row.attempts).toBe(2);
    expect(row.error).toBe(reason);

    const listed = (await problems()).find((p) => p.id === stored.id);
    expect(listed).toMatchObject({
      status: 'quarantined',
      channel: 'http',
      from: 'dana@lead.example',
      subject: 'Overrun one',
      sizeBytes: raw.length,
      reason,
      attempts: 2,
    });
    const rival = await addRivalOrg(n.ctx.db);
    expect((await problems(rival.apiKey)).find((p) => p.id === stored.id)).toBeUndefined();
    // Another org can neither retry nor dismiss it: to them it does not exist.
    for (const action of ['retry', 'dismiss'])
      expect(
        (
          await n.api('POST', `/api/v1/inbound-problems/${stored.id}/${action}`, undefined, {
            key: rival.apiKey,
          })
        ).status,
      ).toBe(404);
  }, 90_000);

  it('admins retry one (attempts start over) or dismiss one; members may only look', async () => {
    const stored = await ingestRaw(n.ctx, 'http', message('Overrun two'), { orgId: n.org.orgId });
    await waitFor(
      async () => (await problems()).find((p) => p.id === stored.id),
      'the second message to be quarantined',
      60_000,
    );
    const member = await addMember(n.ctx.db, n.org.orgId);
    expect((await problems(member.key)).some((p) => p.id === stored.id)).toBe(true);
    expect(
      (await n.api('POST', `/api/v1/inbound-problems/${stored.id}/retry`, undefined, { key: member.key }))
        .status,
    ).toBe(403);
    expect(
      (await n.api('POST', `/api/v1/inbound-problems/${stored.id}/dismiss`, undefined, { key: member.key }))
        .status,
    ).toBe(403);

    // Retried: claimed again from zero attempts (and, the budget unchanged, quarantined again after two).
    const retried = await n.api('POST', `/api/v1/inbound-problems/${stored.id}/retry`);
    expect(retried.status).toBe(200);
    const [queued] = await n.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, stored.id));
    expect(['received', 'processing']).toContain(queued!.status);
    expect(queued!.attempts).toBeLessThanOrEqual(1);
    const again = await waitFor(
      async () => (await problems()).find((p) => p.id === stored.id),
      'the retried message to be quarantined again',
      60_000,
    );
    expect(again.attempts).toBe(2);

    const dismissed = await n.api('POST', `/api/v1/inbound-problems/${stored.id}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect((await problems()).some((p) => p.id === stored.id)).toBe(false);
    expect((await n.api('POST', `/api/v1/inbound-problems/${stored.id}/dismiss`)).status).toBe(409);
    expect((await n.api('POST', '/api/v1/inbound-problems/not-a-uuid/retry')).status).toBe(404);
    // The same message arriving again is recognised, not processed again.
    expect((await ingestRaw(n.ctx, 'http', message('Overrun two'), { orgId: n.org.orgId })).duplicate).toBe(
      true,
    );
  }, 150_000);

  it('a message whose worker died on its last attempt is quarantined by the next claimer, never left processing', async () => {
    // As a kill -9 leaves it: claimed (attempts counted at claim time) by a worker that stopped heart-beating.
    await n.ctx.db
      .insert(workers)
      .values({ id: 'dead-worker', pid: 1, host: 'gone', heartbeatAt: new Date(0) });
    const [stored] = await n.ctx.db
      .insert(inboundMessages)
      .values({
        channel: 'smtp',
        dedupeKey: 'mid:<killer@x.example>',
        raw: Buffer.from('From: a@b.example\r\nSubject: Killer\r\n\r\nhi'),
        status: 'processing',
        claimedBy: 'dead-worker',
        attempts: 2,
        orgId: n.org.orgId,
        sizeBytes: 40,
      })
      .returning();
    await processInboundOnce(n.ctx, 'another-worker');
    const stored2 = stored!;
    const [row] = await n.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, stored2.id));
    expect(row).toMatchObject({ status: 'quarantined', attempts: 2, claimedBy: null });
    expect(row!.error).toBe('its worker stopped while processing it (2 attempts)');
    expect((await problems()).find((p) => p.id === stored2.id)?.reason).toBe(row!.error);
  });
});
