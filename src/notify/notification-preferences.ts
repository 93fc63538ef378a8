import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { normalisePhone } from '../accounts/phone-number.ts';
import { type Config, whatsappConfigured } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { type NotificationChannel, type NotificationPreferences, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { type LeadNoticeKind, leadNoticeKinds } from './lead-notice.ts';

/**
 * Who wants to be told what, and how (SPEC §8): per kind of lead notification
 * (hot, responded, warm), per channel (email, WhatsApp, in the app), a
 * switch, on unless the user turned it off; and the user's phone for
 * WhatsApp (else the assistant's phone, SPEC §3). Stored on the user
 * (migration 0011) as only the switches the user set.
 */
export const notificationChannels: readonly NotificationChannel[] = ['email', 'whatsapp', 'in_app'];

export type ChannelSwitches = Record<NotificationChannel, boolean>;

/** The kinds a user switches per channel: the lead notices, and the reminders of a lead at risk (SPEC §4). */
export type PreferenceKind = LeadNoticeKind | 'lead_at_risk';
export const preferenceKinds: readonly PreferenceKind[] = [...leadNoticeKinds, 'lead_at_risk'];

/** Is this channel on for this kind? Every switch is on until the user turns it off. */
export function channelOn(
  prefs: NotificationPreferences | null | undefined,
  kind: PreferenceKind,
  channel: NotificationChannel,
): boolean {
  return prefs?.[kind]?.[channel] !== false;
}

export type PreferencesView = {
  phone: string | null;
  /** Whether this instance can send WhatsApp messages at all. */
  whatsappConfigured: boolean;
  kinds: Record<LeadNoticeKind, ChannelSwitches>;
};

export type PreferencesPatch = {
  phone?: string | null;
  kinds?: Partial<Record<LeadNoticeKind, Partial<ChannelSwitches>>>;
};

type UserPrefsRow = { phone: string | null; notificationPreferences: NotificationPreferences };

function view(config: Config, row: UserPrefsRow): PreferencesView {
  const kinds = Object.fromEntries(
    leadNoticeKinds.map((k) => [
      k,
      Object.fromEntries(notificationChannels.map((c) => [c, channelOn(row.notificationPreferences, k, c)])),
    ]),
  ) as Record<LeadNoticeKind, ChannelSwitches>;
  return { phone: row.phone, whatsappConfigured: whatsappConfigured(config), kinds };
}

async function ownRow(db: Db, actor: Actor, lock: boolean): Promise<UserPrefsRow> {
  const q = db
    .select({ phone: users.phone, notificationPreferences: users.notificationPreferences })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', `No user ${actor.userId}`);
  return row;
}

export async function getNotificationPreferences(
  db: Db,
  config: Config,
  actor: Actor,
): Promise<PreferencesView> {
  return view(config, await ownRow(db, actor, false));
}

/** Change some switches and/or the phone (null or "" clears it); the rest stays as it was. */
export async function updateNotificationPreferences(
  db: Db,
  config: Config,
  actor: Actor,
  patch: PreferencesPatch,
): Promise<PreferencesView> {
  const phone =
    patch.phone === undefined ? undefined : patch.phone?.trim() ? normalisePhone(patch.phone) : null;
  const row = await db.transaction(async (tx) => {
    const current = await ownRow(tx, actor, true);
    const prefs: NotificationPreferences = { ...current.notificationPreferences };
    for (const [kind, switches] of Object.entries(patch.kinds ?? {}) as [
      LeadNoticeKind,
      Partial<ChannelSwitches>,
    ][])
      prefs[kind] = { ...prefs[kind], ...switches };
    const [updated] = await tx
      .update(users)
      .set({ notificationPreferences: prefs, ...(phone === undefined ? {} : { phone }) })
      .where(eq(users.id, actor.userId))
      .returning({ phone: users.phone, notificationPreferences: users.notificationPreferences });
    return updated!;
  });
  return view(config, row);
}
