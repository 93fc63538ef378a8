import { eq } from 'drizzle-orm';
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { assistants } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { advanceMailboxCursor, type MailboxIdentity } from './imap-lease.ts';
import { ingestRaw } from './ingest.ts';

/**
 * How far back a mailbox is read the first time, or after its UIDVALIDITY
 * changed (the server renumbered it, so the stored UID means nothing). Replies
 * to mail sent before the mailbox was set up are still picked up; older
 * history is left alone. Anything read twice is stored once (ingest dedupes by
 * Message-ID), so starting over is safe.
 */
export const backfillDays = 3;

export class MailboxLeaseLost extends Error {
  constructor() {
    super('the mailbox lease was lost or its settings changed');
    this.name = 'MailboxLeaseLost';
  }
}

export type SyncTarget = { assistantId: string; workerId: string; who: MailboxIdentity };

/**
 * Hand every message not yet seen to `ingestRaw`, oldest first, advancing the
 * stored cursor only after each one is stored: a crash between the two reads
 * the message again, and ingest's dedupe absorbs it. Returns how many were
 * handed over.
 */
export async function syncMailbox(ctx: Ctx, client: ImapFlow, t: SyncTarget): Promise<number> {
  const [cursor] = await ctx.db
    .select({ uidValidity: assistants.imapUidValidity, lastUid: assistants.imapLastUid })
    .from(assistants)
    .where(eq(assistants.id, t.assistantId));
  if (!cursor) throw new MailboxLeaseLost();
  const lock = await client.getMailboxLock(t.who.mailbox);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`mailbox ${t.who.mailbox} could not be opened`);
    // A BigInt: kept as text, since JSON and the database column cannot take it as is.
    const uidValidity = box.uidValidity.toString();
    if (cursor.uidValidity !== uidValidity) return await backfill(ctx, client, t, uidValidity);
    // `N:*` always yields the newest message, even when its UID is below N.
    const fresh = await list(client, `${cursor.lastUid + 1}:*`, cursor.lastUid);
    let n = 0;
    for (const m of fresh) {
      n += await handOver(ctx, client, t, m);
      if (
        !(await advanceMailboxCursor(ctx.db, t.assistantId, t.workerId, t.who, {
          uidValidity,
          lastUid: m.uid,
        }))
      )
        throw new MailboxLeaseLost();
    }
    return n;
  } finally {
    lock.release();
  }
}

/**
 * First read, or a renumbered mailbox: the last `backfillDays` days. The
 * cursor is written once at the end (a run cut short repeats, deduped), and
 * never below the newest UID seen before the search, so the older history
 * outside the window is not read next time either.
 */
async function backfill(ctx: Ctx, client: ImapFlow, t: SyncTarget, uidValidity: string): Promise<number> {
  const newest = await client.fetchOne('*', { uid: true }).catch(() => false as const);
  let lastUid = newest ? newest.uid : 0;
  const since = new Date(ctx.now().getTime() - backfillDays * 86_400_000);
  const recent = await list(client, { since }, 0);
  ctx.log.info('reading mailbox from the last days', {
    assistantId: t.assistantId,
    mailbox: t.who.mailbox,
    uidValidity,
    messages: recent.length,
  });
  let n = 0;
  for (const m of recent) {
    n += await handOver(ctx, client, t, m);
    lastUid = Math.max(lastUid, m.uid);
  }
  if (!(await advanceMailboxCursor(ctx.db, t.assistantId, t.workerId, t.who, { uidValidity, lastUid })))
    throw new MailboxLeaseLost();
  return n;
}

type Listed = { uid: number; size: number };

/** UIDs and sizes only: sources are fetched one at a time so a big mailbox never sits in memory. */
async function list(client: ImapFlow, range: string | { since: Date }, above: number): Promise<Listed[]> {
  const found = await client.fetchAll(range, { uid: true, size: true }, { uid: true });
  return found
    .filter((m: FetchMessageObject) => m.uid > above)
    .map((m) => ({ uid: m.uid, size: m.size ?? 0 }))
    .sort((a, b) => a.uid - b.uid);
}

async function handOver(ctx: Ctx, client: ImapFlow, t: SyncTarget, m: Listed): Promise<number> {
  // Over ingest's limit it could never be stored: skip it rather than stall the mailbox.
  if (m.size > ctx.config.INBOUND_MAX_BYTES) {
    ctx.log.warn('mailbox message too large; skipped', {
      assistantId: t.assistantId,
      uid: m.uid,
      size: m.size,
    });
    return 0;
  }
  const msg = await client.fetchOne(String(m.uid), { uid: true, source: true }, { uid: true });
  const source = msg ? msg.source : undefined;
  // Expunged between listing and fetching, or empty: nothing to hand over.
  if (!source?.length) return 0;
  await ingestRaw(ctx, 'imap', source, { assistantId: t.assistantId });
  return 1;
}
