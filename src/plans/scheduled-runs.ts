import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { scheduledRuns } from '../db/schema.ts';

/**
 * A daily job run once across any number of workers (migration 0021): the
 * first worker to insert the job's row for the day runs it; the others'
 * inserts do nothing and they go on. A run whose worker died before it
 * finished is taken over by the next worker that looks, once it is older
 * than `staleMs` (the job itself must bear running twice: the activation
 * does, it locks what it changes).
 */
export const staleRunMs = 15 * 60_000;

/** The UTC day of `at`, as the run's key (YYYY-MM-DD). */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Claim `job`'s run of `day` for `workerId`; true when this worker is to run it. */
export async function claimRun(
  db: Db,
  job: string,
  day: string,
  workerId: string,
  now: Date,
): Promise<boolean> {
  const claimed = await db
    .insert(scheduledRuns)
    .values({ job, runOn: day, claimedBy: workerId, startedAt: now })
    .onConflictDoNothing()
    .returning({ job: scheduledRuns.job });
  if (claimed.length) return true;
  const takenOver = await db
    .update(scheduledRuns)
    .set({ claimedBy: workerId, startedAt: now })
    .where(
      and(
        eq(scheduledRuns.job, job),
        eq(scheduledRuns.runOn, day),
        isNull(scheduledRuns.finishedAt),
        lt(scheduledRuns.startedAt, new Date(now.getTime() - staleRunMs)),
      ),
    )
    .returning({ job: scheduledRuns.job });
  return takenOver.length > 0;
}

export async function finishRun(
  db: Db,
  job: string,
  day: string,
  workerId: string,
  now: Date,
  result: Record<string, unknown>,
): Promise<void> {
  await db
    .update(scheduledRuns)
    .set({ finishedAt: now, result })
    .where(
      and(eq(scheduledRuns.job, job), eq(scheduledRuns.runOn, day), eq(scheduledRuns.claimedBy, workerId)),
    );
}

/** Whether a worker has run (or is running) `job`'s run of `day`. */
export async function hasRun(db: Db, job: string, day: string): Promise<boolean> {
  const [row] = await db
    .select({ job: scheduledRuns.job })
    .from(scheduledRuns)
    .where(and(eq(scheduledRuns.job, job), eq(scheduledRuns.runOn, day)));
  return Boolean(row);
}
