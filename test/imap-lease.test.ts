import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../src/accounts/org-setup.ts';
import { setAssistantMailbox } from '../src/assistants/assistant-mailbox.ts';
import { loadConfig } from '../src/config/config.ts';
import type { Database } from '../src/db/database.ts';
import { assistants, inboundMessages } from '../src/db/schema.ts';
import { advanceMailboxCursor, releaseMailboxLease, takeMailboxLease } from '../src/inbound/imap-lease.ts';
import { type MailboxReaders, startMailboxReaders } from '../src/inbound/imap-reader.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { type Dovecot, startDovecot } from './helpers/dovecot.ts';
import { freshDatabase } from './helpers/test-database.ts';
import { waitFor } from './helpers/test-nurture.ts';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let database: Database;
let dovecot: Dovecot;
let org: InitResult;
let ctx: Ctx;

beforeAll(async () => {
  dovecot = await startDovecot();
  fresh = await freshDatabase();
  database = fresh.database;
  org = await createOrgWithAdmin(database.db, {
    orgName: 'Lease',
    email: 'admin@lease.test',
    password: 'correct horse',
  });
  ctx = {
    db: database.db,
    config: loadConfig({
      SECRET_KEY: randomBytes(24).toString('hex'),
      IMAP_SCAN_MS: '100',
      ALLOW_PRIVATE_MAIL_HOSTS: 'true', // Dovecot listens on 127.0.0.1
      WORKER_HEARTBEAT_MS: '100',
      // The lease a reader takes lasts this long. Both readers run in this process beside PGlite: on
      // a busy machine its event loop can stall for over a second, and a live reader's lease must not
      // lapse then (the hand-over tested here is a clean stop; expiry is tested with its own lease).
      WORKER_STALE_AFTER_MS: '30000',
      LOG_LEVEL: 'error',
    }),
    log: createLogger('error', 'json'),
    now: () => new Date(),
    wake: { dispatcher: () => {}, inbound: () => {} },
  };
  await setAssistantMailbox(ctx, { orgId: org.orgId, userId: org.userId, role: 'admin' }, org.assistantId, {
    host: dovecot.host,
    port: dovecot.port,
    tls: false,
    user: dovecot.user,
    password: dovecot.password,
  });
});
afterAll(async () => {
  await fresh?.drop();
  await dovecot?.stop();
});

const holder = async () =>
  (await database.db.select().from(assistants).where(eq(assistants.id, org.assistantId)))[0]!.imapLeasedBy;
const message = (i: number) =>
  `From: lead${i}@example.com\r\nTo: alex@lease.test\r\nSubject: Re: hello\r\nMessage-ID: <lease-${i}-${randomBytes(4).toString('hex')}@example.com>\r\n\r\nReply ${i}\r\n`;
const stored = async () =>
  database.db.select().from(inboundMessages).where(eq(inboundMessages.assistantId, org.assistantId));

describe('the mailbox lease', () => {
  it('is held by one worker at a time, renewable by it, free once released or expired', async () => {
    const who = { host: dovecot.host, user: dovecot.user, mailbox: 'INBOX' };
    expect(await takeMailboxLease(database.db, org.assistantId, 'w1', 60_000)).toBe(true);
    expect(await takeMailboxLease(database.db, org.assistantId, 'w2', 60_000)).toBe(false);
    expect(await takeMailboxLease(database.db, org.assistantId, 'w1', 300)).toBe(true);
    // Only the holder may move the cursor.
    const cursor = { uidValidity: '1', lastUid: 0 };
    expect(await advanceMailboxCursor(database.db, org.assistantId, 'w2', who, cursor)).toBe(false);
    expect(await advanceMailboxCursor(database.db, org.assistantId, 'w1', who, cursor)).toBe(true);
    // …and only for the mailbox it was started on.
    expect(
      await advanceMailboxCursor(database.db, org.assistantId, 'w1', { ...who, mailbox: 'Other' }, cursor),
    ).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await takeMailboxLease(database.db, org.assistantId, 'w2', 60_000)).toBe(true);
    expect(await takeMailboxLease(database.db, org.assistantId, 'w1', 60_000)).toBe(false);
    await releaseMailboxLease(database.db, org.assistantId, 'w1'); // not the holder: no effect
    expect(await holder()).toBe('w2');
    await releaseMailboxLease(database.db, org.assistantId, 'w2');
    expect(await holder()).toBeNull();
    // Start the reader test from a fresh mailbox cursor.
    await database.db
      .update(assistants)
      .set({ imapUidValidity: null, imapLastUid: 0 })
      .where(eq(assistants.id, org.assistantId));
  });

  it('two workers: one reads the mailbox, each message is stored once; the other takes over when it stops', async () => {
    const a = startMailboxReaders(ctx, 'worker-a');
    const b = startMailboxReaders(ctx, 'worker-b');
    const readers: Record<string, MailboxReaders> = { 'worker-a': a, 'worker-b': b };
    try {
      const first = await waitFor(holder, 'a worker to take the lease');
      // Watch for a second over several scans and lease renewals: never two readers.
      for (let i = 0; i < 20; i++) {
        const reading = [a, b].filter((r) => r.reading().includes(org.assistantId));
        expect(reading).toHaveLength(1);
        expect(reading[0]).toBe(readers[first]);
        await new Promise((r) => setTimeout(r, 50));
      }
      for (let i = 0; i < 3; i++) await dovecot.append(message(i));
      await waitFor(async () => (await stored()).length >= 3, 'three messages stored');
      expect(await holder()).toBe(first);

      // A clean stop releases the lease at once; the other worker picks the mailbox up.
      await readers[first]!.stop();
      const second = await waitFor(async () => {
        const h = await holder();
        return h && h !== first ? h : null;
      }, 'the other worker to take over');
      await dovecot.append(message(3));
      await waitFor(async () => (await stored()).length >= 4, 'the fourth message stored');
      await new Promise((r) => setTimeout(r, 300));
      const rows = await stored();
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.channel === 'imap')).toBe(true);
      expect(readers[second]!.reading()).toEqual([org.assistantId]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(await holder()).toBeNull();
  });

  it('a changed UIDVALIDITY starts over from the last days: recent mail again (deduped), older mail left alone', async () => {
    const old = await dovecot.append(message(100), { date: new Date(Date.now() - 10 * 86_400_000) });
    // As if the server had renumbered the mailbox since the cursor was written.
    await database.db
      .update(assistants)
      .set({ imapUidValidity: '999', imapLastUid: 0 })
      .where(eq(assistants.id, org.assistantId));
    const r = startMailboxReaders(ctx, 'worker-c');
    try {
      const row = await waitFor(async () => {
        const [a] = await database.db.select().from(assistants).where(eq(assistants.id, org.assistantId));
        return a!.imapUidValidity !== '999' ? a : null;
      }, 'the reader to read the renumbered mailbox');
      expect(row!.imapLastUid).toBe(old);
      const rows = await stored();
      expect(rows).toHaveLength(4);
      expect(rows.filter((m) => m.messageId?.includes('lease-100-'))).toEqual([]);
      await dovecot.append(message(5));
      await waitFor(async () => (await stored()).length === 5, 'new mail after the backfill');
    } finally {
      await r.stop();
    }
  });
});
