import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { schedules } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';

/** SPEC §5.1: seven messages with growing gaps. */
export const defaultScheduleSteps = [0, 2, 5, 9, 14, 21, 30];
export const maxScheduleSteps = 20;

export type Schedule = typeof schedules.$inferSelect;

/** Every org starts with the default schedule and its EmailCC copy (which starts at the second message). */
export async function createDefaultSchedules(
  db: Db,
  orgId: string,
): Promise<{ standard: Schedule; emailcc: Schedule }> {
  const [standard] = await db
    .insert(schedules)
    .values({ orgId, name: 'Default', steps: defaultScheduleSteps, startsAtStep: 0 })
    .returning();
  const [emailcc] = await db
    .insert(schedules)
    .values({ orgId, name: 'Default EmailCC', steps: defaultScheduleSteps, startsAtStep: 1 })
    .returning();
  return { standard: standard!, emailcc: emailcc! };
}

export async function getSchedule(
  db: Db,
  orgId: string,
  id: string,
  field = 'scheduleId',
): Promise<Schedule> {
  const [row] = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.orgId, orgId), eq(schedules.id, id)));
  if (!row) throw new AppError('NOT_FOUND', `No schedule ${id} in this organisation`, { field });
  return row;
}
