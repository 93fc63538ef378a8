import type { Ctx } from '../platform/context.ts';
import { recordOutcomes, type Verdict } from './record-outcomes.ts';

/**
 * A live worker's memory of its own claims. Between claiming a batch and
 * writing its outcomes the database may go away (an outage, a failover):
 * the emails already with the mail server must not be forgotten, or they
 * stay `sending` until a restart. So outcomes that cannot be written are
 * held here and written first thing once the database answers again
 * (`flushHeldOutcomes`, at the start of every dispatch round). Meanwhile the
 * rows stay `sending`, claimed by this worker: no peer sends them again
 * (a peer's reconciler only takes a silent worker's claims, and settles them
 * by how far each got; see reconcile-interrupted.ts).
 *
 * Module state, keyed by worker id: a worker's dispatch loops share it, and
 * it lives exactly as long as the process that holds the claims.
 */
type Held = { verdicts: Verdict[]; now: Date };
const heldByWorker = new Map<string, Held[]>();
const inHandByWorker = new Map<string, Set<string>>();
const flushing = new Map<string, Promise<void>>();

const inHand = (workerId: string) => {
  let set = inHandByWorker.get(workerId);
  if (!set) {
    set = new Set();
    inHandByWorker.set(workerId, set);
  }
  return set;
};

/** The ids this worker has claimed and not yet written an outcome for. */
export function claimsInHand(workerId: string): ReadonlySet<string> {
  return inHand(workerId);
}

export function takeInHand(workerId: string, ids: readonly string[]): void {
  const set = inHand(workerId);
  for (const id of ids) set.add(id);
}

function release(workerId: string, verdicts: Verdict[]): void {
  const set = inHand(workerId);
  for (const v of verdicts) set.delete(v.message.id);
}

/** Write a round's outcomes; if the database cannot take them now, hold them for later. */
export async function recordOrHold(
  ctx: Ctx,
  workerId: string,
  verdicts: Verdict[],
  now: Date,
): Promise<void> {
  if (!verdicts.length) return;
  try {
    await recordOutcomes(ctx, verdicts, now);
    release(workerId, verdicts);
  } catch (e) {
    const held = heldByWorker.get(workerId) ?? [];
    held.push({ verdicts, now });
    heldByWorker.set(workerId, held);
    ctx.log.warn('could not record send outcomes; kept in memory until the database answers', {
      error: e,
      workerId,
      held: held.reduce((n, h) => n + h.verdicts.length, 0),
    });
  }
}

/** Write what an outage held back, oldest first; throws (holding the rest) while the database is away. */
export async function flushHeldOutcomes(ctx: Ctx, workerId: string): Promise<void> {
  if (!heldByWorker.get(workerId)?.length) return;
  let running = flushing.get(workerId);
  if (!running) {
    running = (async () => {
      const held = heldByWorker.get(workerId)!;
      while (held.length) {
        const next = held[0]!;
        await recordOutcomes(ctx, next.verdicts, next.now);
        held.shift();
        release(workerId, next.verdicts);
        ctx.log.info('recorded send outcomes held during a database outage', {
          workerId,
          count: next.verdicts.length,
        });
      }
    })().finally(() => flushing.delete(workerId));
    flushing.set(workerId, running);
  }
  await running;
}
