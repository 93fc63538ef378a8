import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.ts';
import { leads, messages, timelineEvents } from '../../src/db/schema.ts';

/** A lead's messages, in step order (a re-planned step's newer row after the older). */
export const leadMessages = (db: Db, leadId: string) =>
  db
    .select()
    .from(messages)
    .where(eq(messages.leadId, leadId))
    .orderBy(asc(messages.step), asc(messages.createdAt));

/** A lead's timeline events of one type, oldest first. */
export const leadEvents = (db: Db, leadId: string, type: string) =>
  db
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.leadId, leadId), eq(timelineEvents.type, type)))
    .orderBy(asc(timelineEvents.id));

/** The lead row as stored now. */
export const leadRow = async (db: Db, id: string) =>
  (await db.select().from(leads).where(eq(leads.id, id)))[0]!;

/**
 * A lead's follow-up made due now, as if the days before it had passed: the
 * step's due time is now and the lead's earlier sent steps went `daysAgo` days
 * earlier than they did, so the schedule's gap after them (the step-gap send
 * rule) has passed too. Moving only the due time would leave the step held.
 */
export async function makeStepDueNow(db: Db, leadId: string, step: number, daysAgo = 60): Promise<void> {
  await db
    .update(messages)
    .set({ sentAt: sql`${messages.sentAt} - make_interval(days => ${daysAgo})` })
    .where(and(eq(messages.leadId, leadId), eq(messages.status, 'sent'), lt(messages.step, step)));
  await db
    .update(messages)
    .set({ dueAt: new Date() })
    .where(and(eq(messages.leadId, leadId), eq(messages.step, step)));
}
