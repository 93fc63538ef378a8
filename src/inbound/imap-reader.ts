import { setTimeout as sleep } from 'node:timers/promises';
import { and, isNotNull, isNull } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { checkMailHost } from '../assistants/mail-host-guard.ts';
import { assistants } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import type { Logger } from '../platform/logger.ts';
import { openSecret } from '../platform/secret-box.ts';
import { recordMailboxError, releaseMailboxLease, takeMailboxLease } from './imap-lease.ts';
import { MailboxLeaseLost, syncMailbox } from './imap-sync.ts';

/**
 * The IMAP channel of SPEC §6.1, run by every worker. Every IMAP_SCAN_MS it
 * looks at which assistants have a mailbox set, stops readers whose settings
 * changed or went away, and starts one for each mailbox whose lease it can
 * take (only one worker reads a mailbox). A reader connects, hands new
 * messages to `ingestRaw` (imap-sync.ts), then waits in IDLE — the server
 * tells it about new mail within a second — with a poll every IMAP_POLL_MS for
 * servers without IDLE. Errors are shown on the assistant (`imap_error`) and
 * retried with a doubling back-off.
 */
export type MailboxReaders = {
  /** Assistants whose mailbox this worker reads now. */
  reading(): string[];
  /** Look for added, changed or removed mailboxes now instead of at the next scan. */
  rescan(): Promise<void>;
  stop(): Promise<void>;
};

type Settings = typeof assistants.$inferSelect;
type Reader = { fingerprint: string; ended: boolean; stop(): Promise<void> };

const firstBackoffMs = 1000;
const maxBackoffMs = 60_000;

export function startMailboxReaders(ctx: Ctx, workerId: string): MailboxReaders {
  const log = ctx.log.child({ worker: workerId, part: 'imap' });
  const readers = new Map<string, Reader>();
  let stopping = false;
  let scanning: Promise<void> = Promise.resolve();

  const scanOnce = async () => {
    const rows = await ctx.db
      .select()
      .from(assistants)
      .where(
        and(
          isNotNull(assistants.imapHost),
          isNotNull(assistants.imapPort),
          isNotNull(assistants.imapUser),
          isNotNull(assistants.imapPasswordEnc),
          // An archived assistant's mailbox is not read (assistants/assistant-archive.ts).
          isNull(assistants.archivedAt),
        ),
      );
    const wanted = new Map(rows.map((r) => [r.id, r]));
    for (const [id, reader] of readers) {
      const row = wanted.get(id);
      if (!reader.ended && row && fingerprint(row) === reader.fingerprint) continue;
      readers.delete(id);
      await reader.stop();
    }
    for (const row of rows) {
      if (stopping || readers.has(row.id)) continue;
      if (!(await takeMailboxLease(ctx.db, row.id, workerId, ctx.config.WORKER_STALE_AFTER_MS))) continue;
      log.info('reading mailbox', { assistantId: row.id, host: row.imapHost, mailbox: row.imapMailbox });
      readers.set(row.id, startReader(ctx, log, workerId, row));
    }
  };
  const scan = () => {
    // One scan at a time: a rescan during a scan runs after it.
    scanning = scanning.then(() =>
      stopping ? undefined : scanOnce().catch((e) => log.error('mailbox scan failed', { error: e })),
    );
    return scanning;
  };
  void scan();
  const timer = setInterval(() => void scan(), ctx.config.IMAP_SCAN_MS);

  return {
    reading: () => [...readers].filter(([, r]) => !r.ended).map(([id]) => id),
    rescan: scan,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await scanning;
      await Promise.all([...readers.values()].map((r) => r.stop()));
      readers.clear();
    },
  };
}

function fingerprint(r: Settings): string {
  return JSON.stringify([r.imapHost, r.imapPort, r.imapTls, r.imapUser, r.imapPasswordEnc, r.imapMailbox]);
}

/** One mailbox, read until stopped or until the lease is lost. Holds the lease while it runs. */
function startReader(ctx: Ctx, parentLog: Logger, workerId: string, s: Settings): Reader {
  const assistantId = s.id;
  const log = parentLog.child({ assistantId });
  const target = {
    assistantId,
    workerId,
    who: { host: s.imapHost!, user: s.imapUser!, mailbox: s.imapMailbox },
  };
  let stopped = false;
  // Ends a back-off sleep early, on stop only: a reconnect storm must not be poked awake.
  const stopSignal = new AbortController();
  let client: ImapFlow | null = null;
  // A poke ends the current wait: new mail (EXISTS), a dropped connection, stop.
  let poked = false;
  let wakeWait: (() => void) | null = null;
  const poke = () => {
    poked = true;
    wakeWait?.();
  };
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (poked || stopped) return resolve();
      const t = setTimeout(resolve, ms);
      wakeWait = () => {
        clearTimeout(t);
        resolve();
      };
    }).finally(() => {
      wakeWait = null;
      poked = false;
    });

  const reader: Reader = {
    fingerprint: fingerprint(s),
    ended: false,
    async stop() {
      stopped = true;
      stopSignal.abort();
      poke();
      const c = client;
      if (c?.usable) await Promise.race([c.logout().catch(() => {}), sleep(1000)]);
      c?.close();
      await done;
      clearInterval(renew);
      await releaseMailboxLease(ctx.db, assistantId, workerId).catch((e) =>
        log.warn('could not release the mailbox lease', { error: e }),
      );
    },
  };

  const renew = setInterval(() => {
    takeMailboxLease(ctx.db, assistantId, workerId, ctx.config.WORKER_STALE_AFTER_MS).then(
      (held) => {
        if (held || stopped) return;
        log.warn('mailbox lease lost; another worker reads it now');
        stopped = true;
        stopSignal.abort();
        reader.ended = true;
        client?.close();
        poke();
      },
      (e) => log.warn('could not renew the mailbox lease', { error: e }),
    );
  }, ctx.config.WORKER_HEARTBEAT_MS);

  let backoff = firstBackoffMs;
  const session = async () => {
    if (!ctx.config.SECRET_KEY)
      throw new Error('SECRET_KEY is not set: the mailbox password cannot be decrypted');
    // The SSRF guard again at each connection: the host's DNS answers may have changed since it was saved.
    await checkMailHost(ctx.config, s.imapHost!, 'imap.host');
    const c = new ImapFlow({
      host: s.imapHost!,
      port: s.imapPort!,
      secure: s.imapTls,
      auth: { user: s.imapUser!, pass: openSecret(ctx.config.SECRET_KEY, s.imapPasswordEnc!) },
      logger: false,
      // IDLE soon after each read (the default waits 15 s), restarted every few minutes so neither side times it out.
      autoIdleDelay: 300,
      maxIdleTime: 4 * 60_000,
      connectionTimeout: 30_000,
      clientInfo: { name: 'Nurture' },
    });
    client = c;
    // Without a listener an 'error' event would crash the process; the close that follows ends the session.
    c.on('error', (e: Error) => log.warn('IMAP connection error', { error: e.message }));
    c.on('exists', poke);
    c.on('close', poke);
    try {
      await c.connect();
      let first = true;
      while (!stopped) {
        const n = await syncMailbox(ctx, c, target);
        if (first) {
          // Reading works: whatever went wrong before is no longer true.
          await recordMailboxError(ctx.db, assistantId, workerId, null);
          backoff = firstBackoffMs;
          first = false;
        }
        if (n) log.info('mailbox messages handed to the inbound pipeline', { count: n });
        if (n || stopped) continue;
        await wait(ctx.config.IMAP_POLL_MS);
        if (!c.usable && !stopped) throw new Error('the IMAP server closed the connection');
      }
    } finally {
      c.close();
      client = null;
    }
  };

  const done = (async () => {
    while (!stopped) {
      try {
        await session();
      } catch (e) {
        if (stopped) break;
        if (e instanceof MailboxLeaseLost) {
          log.info('mailbox no longer ours to read', { reason: e.message });
          break;
        }
        const message = describeError(e);
        log.warn('mailbox reader failed; retrying', { error: message, retryInMs: backoff });
        await recordMailboxError(ctx.db, assistantId, workerId, message).catch(() => {});
        await sleep(backoff, undefined, { signal: stopSignal.signal }).catch(() => {});
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
    }
    reader.ended = true;
  })();
  return reader;
}

/** A message an admin can act on: the server's words when it said something (wrong password…). */
function describeError(e: unknown): string {
  const err = e as Error & { responseText?: string; code?: string };
  const parts = [err.message ?? String(e)];
  if (err.responseText && !parts[0]!.includes(err.responseText)) parts.push(err.responseText);
  if (err.code && !parts.join(' ').includes(err.code)) parts.push(`(${err.code})`);
  return parts.join(': ').slice(0, 1000);
}
