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
 * (hot, responded, warm, at risk), per channel (email, WhatsApp, in the app),
 * a switch, on unless the user turned it off; the user's phone for WhatsApp
 * (else the assistant's phone, SPEC §3); team addresses that get a copy of
 * the lead emails; and the daily digest of warm leads (off until turned on).
 * Stored on the user (migrations 0011, 0025), the switches as only those the
 * user set.
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
  kinds: Record<PreferenceKind, ChannelSwitches>;
  /** Team addresses that get a copy of the user's lead emails (notify/team-copies.ts). */
  copyTo: string[];
  /** A daily email of the user's warm leads (notify/warm-lead-digest.ts). */
  warmDigest: boolean;
};

export type PreferencesPatch = {
  phone?: string | null;
  kinds?: Partial<Record<PreferenceKind, Partial<ChannelSwitches>>>;
  copyTo?: string[];
  warmDigest?: boolean;
};

type UserPrefsRow = {
  phone: string | null;
  notificationPreferences: NotificationPreferences;
  notificationCopyTo: string[];
  warmDigest: boolean;
};

const prefsColumns = {
  phone: users.phone,
  notificationPreferences: users.notificationPreferences,
  notificationCopyTo: users.notificationCopyTo,
  warmDigest: users.warmDigest,
};

/** One address, pragmatically (a copy goes by email): local@domain.tld, no spaces, quotes or list separators. */
function isAddress(a: string): boolean {
  const at = a.indexOf('@');
  const domain = a.slice(at + 1);
  return (
    at > 0 &&
    a.lastIndexOf('@') === at &&
    domain.includes('.') &&
    !domain.startsWith('.') &&
    !domain.endsWith('.') &&
    !/[\s<>,;"]/.test(a)
  );
}

/** The team addresses as given: each an address, none twice (any case), refused naming the entry. */
function copyAddresses(given: string[]): string[] {
  const out: string[] = [];
  given.forEach((raw, i) => {
    const a = raw.trim().toLowerCase();
    if (!a) return;
    if (!isAddress(a))
      throw new AppError('VALIDATION', `copyTo.${i}: "${raw}" is not an email address`, {
        field: `copyTo.${i}`,
      });
    if (!out.includes(a)) out.push(a);
  });
  return out;
}

function view(config: Config, row: UserPrefsRow): PreferencesView {
  const kinds = Object.fromEntries(
    preferenceKinds.map((k) => [
      k,
      Object.fromEntries(notificationChannels.map((c) => [c, channelOn(row.notificationPreferences, k, c)])),
    ]),
  ) as Record<PreferenceKind, ChannelSwitches>;
  return {
    phone: row.phone,
    whatsappConfigured: whatsappConfigured(config),
    kinds,
    copyTo: row.notificationCopyTo,
    warmDigest: row.warmDigest,
  };
}

async function ownRow(db: Db, actor: Actor, lock: boolean): Promise<UserPrefsRow> {
  const q = db
    .select(prefsColumns)
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
  const copyTo = patch.copyTo === undefined ? undefined : copyAddresses(patch.copyTo);
  const row = await db.transaction(async (tx) => {
    const current = await ownRow(tx, actor, true);
    const prefs: NotificationPreferences = { ...current.notificationPreferences };
    for (const [kind, switches] of Object.entries(patch.kinds ?? {}) as [
      PreferenceKind,
      Partial<ChannelSwitches>,
    ][])
      prefs[kind] = { ...prefs[kind], ...switches };
    const [updated] = await tx
      .update(users)
      .set({
        notificationPreferences: prefs,
        ...(phone === undefined ? {} : { phone }),
        ...(copyTo === undefined ? {} : { notificationCopyTo: copyTo }),
        ...(patch.warmDigest === undefined ? {} : { warmDigest: patch.warmDigest }),
      })
      .where(eq(users.id, actor.userId))
      .returning(prefsColumns);
    return updated!;
  });
  return view(config, row);
}
