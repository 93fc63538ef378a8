import type { Db } from '../db/database.ts';
import type { assistants } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { getSchedule } from '../schedules/schedules.ts';
import { planSequence } from '../sequences/plan-sequence.ts';
import { type Admission, admitLead } from '../validation/admit-lead.ts';
import type { LeadRow } from './lead-state-change.ts';

type Assistant = Pick<typeof assistants.$inferSelect, 'id' | 'smtpUrl' | 'email'>;

/**
 * What happens to a `new` lead once the plan has room for it (SPEC §9), the
 * one path for a lead added with room (add-lead.ts), activated by the daily
 * job or by an admin (plans/activation.ts): the address's offline checks
 * decide `cold`, `pending` or `deactivated` (validation/admit-lead.ts), then
 * the sequence is planned on the lead's own schedule. In the caller's
 * transaction; returns the lead as it now stands.
 */
export async function startLead(
  tx: Db,
  ctx: Ctx,
  lead: LeadRow,
  assistant: Assistant,
  opts: { room?: Admission; justAdded?: boolean } = {},
): Promise<LeadRow> {
  const active = await admitLead(tx, ctx, lead, assistant, opts.room);
  if (active.state === 'deactivated') return active;
  const schedule = await getSchedule(tx, lead.orgId, lead.scheduleId);
  const now = ctx.now();
  const chosen = lead.firstSendAt;
  // A chosen time that passed while the lead waited for room is no longer a choice: as soon as the window allows.
  const explicit = Boolean(chosen && (chosen > now || opts.justAdded));
  await planSequence(tx, active, schedule, {
    base: chosen && chosen > now ? chosen : now,
    explicitFirst: explicit,
    senderAddress: assistant.email,
    reason: explicit
      ? `First email at the chosen time ${chosen!.toISOString()}`
      : 'First email as soon as the send window allows',
    cause: opts.room?.by,
  });
  return active;
}
