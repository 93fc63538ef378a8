import { and, eq } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { assistants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { isValidTimeZone } from '../sequences/send-window.ts';
import { getAssistantRow } from './assistant-queries.ts';

/** How an assistant's mailbox paces its sends (SPEC §3, §5.3). */
export type SendingSettings = {
  sendDays: number[];
  sendStartMinute: number;
  sendEndMinute: number;
  dailyCap: number;
  sendSpacingSeconds: number;
  timeZone: string | null;
  /** SPEC §5.4: an open pixel (the text also goes as minimal HTML). */
  trackOpens: boolean;
  /** SPEC §5.4: links through signed redirects (never the unsubscribe link). */
  trackClicks: boolean;
};

export const maxDailyCap = 100_000;
export const maxSpacingSeconds = 86_400;

export function sendingSettings(a: typeof assistants.$inferSelect): SendingSettings & { id: string } {
  return {
    id: a.id,
    sendDays: a.sendDays,
    sendStartMinute: a.sendStartMinute,
    sendEndMinute: a.sendEndMinute,
    dailyCap: a.dailyCap,
    sendSpacingSeconds: a.sendSpacingSeconds,
    timeZone: a.timeZone,
    trackOpens: a.trackOpens,
    trackClicks: a.trackClicks,
  };
}

const bad = (field: string, message: string) => new AppError('VALIDATION', `${field}: ${message}`, { field });

/** The settings as a whole must make a window that opens, whatever subset was changed. */
function check(s: SendingSettings): void {
  if (!s.sendDays.length) throw bad('sendDays', 'at least one day, or the window never opens');
  s.sendDays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d > 6) throw bad(`sendDays.${i}`, 'a weekday from 0 (Sunday) to 6');
  });
  if (new Set(s.sendDays).size !== s.sendDays.length) throw bad('sendDays', 'each day once');
  for (const f of ['sendStartMinute', 'sendEndMinute'] as const)
    if (!Number.isInteger(s[f]) || s[f] < 0 || s[f] > 1440) throw bad(f, 'minutes from 0 to 1440');
  if (s.sendStartMinute >= s.sendEndMinute)
    throw bad('sendEndMinute', `must be after sendStartMinute (${s.sendStartMinute})`);
  if (!Number.isInteger(s.dailyCap) || s.dailyCap < 1 || s.dailyCap > maxDailyCap)
    throw bad('dailyCap', `from 1 to ${maxDailyCap}`);
  if (
    !Number.isInteger(s.sendSpacingSeconds) ||
    s.sendSpacingSeconds < 0 ||
    s.sendSpacingSeconds > maxSpacingSeconds
  )
    throw bad('sendSpacingSeconds', `from 0 (off) to ${maxSpacingSeconds}`);
  if (s.timeZone !== null && !isValidTimeZone(s.timeZone))
    throw bad('timeZone', `unknown IANA time zone "${s.timeZone}"`);
  for (const f of ['trackOpens', 'trackClicks'] as const)
    if (typeof s[f] !== 'boolean') throw bad(f, 'true or false');
}

/**
 * Change when and how fast an assistant sends, and whether its emails are
 * tracked (admins). The window, cap, spacing and tracking are read at
 * dispatch, so scheduled emails follow the new settings at once; the time
 * zone is assumed for leads added later whose own zone cannot be told.
 */
export async function updateSendingSettings(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: Partial<SendingSettings>,
): Promise<SendingSettings & { id: string }> {
  requireAdmin(actor, "change an assistant's sending");
  const current = await getAssistantRow(ctx, actor, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const { id: _id, ...settings } = sendingSettings(current);
  const next: SendingSettings = { ...settings, ...defined };
  check(next);
  const [row] = await ctx.db
    .update(assistants)
    .set(next)
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  return sendingSettings(row!);
}
