import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { messages, timelineEvents, workers } from '../src/db/schema.ts';
import { dispatchOnce } from '../src/outbound/dispatcher.ts';
import { flushHeldOutcomes } from '../src/outbound/held-outcomes.ts';
import { reconcileInterrupted } from '../src/outbound/reconcile-interrupted.ts';
import { createSenderRegistry } from '../src/outbound/sender-registry.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { type FreshDatabase, orgOnFreshDatabase } from './helpers/org-database.ts';
import { seedDueMessages } from './helpers/seed.ts';
import { startSmtpSink } from './helpers/smtp-sink.ts';
import { startTcpProxy, throughProxy } from './helpers/tcp-proxy.ts';
import { waitFor } from './helpers/test-nurture.ts';

// A worker loses PostgreSQL mid-batch, for long enough that a peer takes its
// claims over: the peer settles each by how far it got (and sends again only
// what never left), the cut-off worker keeps its outcomes in memory, and once
// the database is back its late write settles what the peer could only call
// uncertain. Real SMTP, real PostgreSQL behind a TCP proxy that is cut.
type Fresh = FreshDatabase;

describe('a worker cut off from the database while a peer takes over its claims', () => {
  let fresh: Fresh;
  let org: InitResult;
  beforeAll(async () => {
    ({ fresh, org } = await orgOnFreshDatabase());
  });
  afterAll(async () => fresh?.drop());

  it('no email goes twice, none stays sending or uncertain, and the timeline tells it', async () => {
    const sink = await startSmtpSink({ delayMs: 150 });
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(fresh.url!).port || 5432) });
    const cutOffDb = await openDatabase({ databaseUrl: throughProxy(fresh.url!, proxy) });
    const config = loadConfig({
      DATABASE_URL: fresh.url!,
      SMTP_URL: sink.url,
      LOG_LEVEL: 'error',
      DISPATCH_BATCH_SIZE: '40',
      SMTP_MAX_CONNECTIONS: '5',
    });
    const ctx = (db: Ctx['db']): Ctx => ({
      db,
      config,
      log: createLogger('silent'),
      now: () => new Date(),
      wake: { dispatcher() {}, inbound() {} },
    });
    const cut = ctx(cutOffDb.db);
    const peer = ctx(fresh.database.db);
    const sendersCut = createSenderRegistry(cut.db, config);
    const sendersPeer = createSenderRegistry(peer.db, config);
    await fresh.database.db.insert(workers).values([
      { id: 'cut-off', pid: process.pid, host: 'test' },
      { id: 'peer', pid: process.pid, host: 'test' },
    ]);
    const leadIds = await seedDueMessages(fresh.database.db, org, 40);
    const all = () => fresh.database.db.select().from(messages).where(inArray(messages.leadId, leadIds));
    try {
      const round = dispatchOnce(cut, sendersCut, 'cut-off');
      await waitFor(async () => sink.received.length >= 3, 'the first emails on the wire');
      proxy.cut();
      // Silent long enough: the peer's reconciler takes the cut-off worker's claims.
      await fresh.database.db
        .update(workers)
        .set({ heartbeatAt: sql`now() - interval '1 hour'` })
        .where(eq(workers.id, 'cut-off'));
      expect(await reconcileInterrupted(peer, sendersPeer, 'peer')).toBe(40);
      const handedOver = await all();
      const uncertain = handedOver.filter((m) => m.status === 'uncertain');
      expect(uncertain.length).toBeGreaterThan(0); // on the wire at the cut: unknown to the peer
      expect(uncertain.length).toBeLessThanOrEqual(10); // two groups of SMTP_MAX_CONNECTIONS at most
      // The cut-off worker finishes what was on the wire, hands nothing more over, and holds its outcomes.
      await round;
      // The peer sends what never left; nothing the cut-off worker sent is sent again.
      while ((await dispatchOnce(peer, sendersPeer, 'peer')) > 0);
      proxy.restore();
      await flushHeldOutcomes(cut, 'cut-off');
      // If the cut fell while a "handing over now" mark was in flight, the mark
      // committed but its answer never came back: the peer could only call the
      // email uncertain, and the cut-off worker's late write says it never left.
      // It is due again, and the next round sends it.
      while ((await dispatchOnce(peer, sendersPeer, 'peer')) > 0);

      const settled = await all();
      expect(settled.filter((m) => m.status !== 'sent')).toEqual([]);
      const perId = new Map<string, number>();
      for (const r of sink.received) perId.set(r.messageId, (perId.get(r.messageId) ?? 0) + 1);
      expect(settled.filter((m) => perId.get(m.messageId) !== 1)).toEqual([]);
      // What the peer called uncertain, the cut-off worker's late write settled, on the timeline:
      // sent by the cut-off worker, or never handed over and sent afterwards.
      const told = await fresh.database.db
        .select({ type: timelineEvents.type, messageId: timelineEvents.messageId })
        .from(timelineEvents)
        .where(
          inArray(
            timelineEvents.messageId,
            uncertain.map((m) => m.id),
          ),
        )
        .orderBy(timelineEvents.id);
      for (const m of uncertain) {
        expect([
          ['send_uncertain', 'message_sent'],
          ['send_uncertain', 'send_deferred', 'message_sent'],
        ]).toContainEqual(told.filter((e) => e.messageId === m.id).map((e) => e.type));
      }
    } finally {
      await sendersCut.closeAll();
      await sendersPeer.closeAll();
      await cutOffDb.close().catch(() => {});
      await proxy.close();
      await sink.close();
    }
  }, 120_000);
});
