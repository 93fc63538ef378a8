import { and, asc, eq } from 'drizzle-orm';
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
