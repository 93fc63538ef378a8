import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { trackingKey } from '../tracking/tracking-tokens.ts';

/**
 * Signed one-click links in the emails that tell a user about a lead (SPEC
 * §8, issue 11): mark it hot, say it is not at risk, say it is handled
 * outside Nurture — without signing in, and nothing else. A token names one
 * lead, one user (whose action it is), one action and an expiry, plus a
 * random id (a link works once: lead-link-uses records the id), followed by
 * an HMAC-SHA256 of it all, so nobody can make or alter one.
 *
 * Layout (base64url): id (12 bytes) ‖ lead uuid (16) ‖ user uuid (16) ‖
 * action (1) ‖ expiry, seconds since the epoch (4, big-endian) ‖ mac (16).
 */
export const leadLinkActions = ['hot', 'not-at-risk', 'handled-outside'] as const;
export type LeadLinkAction = (typeof leadLinkActions)[number];

export type LeadLink = {
  tokenId: string;
  leadId: string;
  userId: string;
  action: LeadLinkAction;
  expiresAt: Date;
};

export type LeadLinkKey = Buffer;

const ID_BYTES = 12;
const PAYLOAD_BYTES = ID_BYTES + 16 + 16 + 1 + 4;
const MAC_BYTES = 16;
const TOKEN_CHARS = Math.ceil(((PAYLOAD_BYTES + MAC_BYTES) * 4) / 3);
const TOKEN_RE = /^[A-Za-z0-9_-]+$/;

const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidOf = (b: Buffer): string => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const mac = (key: LeadLinkKey, payload: Buffer): Buffer =>
  createHmac('sha256', key).update('lead-link').update(payload).digest().subarray(0, MAC_BYTES);

/**
 * The key: the instance's tracking key (TRACKING_SECRET, else the random key
 * kept in instance_settings) taken through HMAC with this purpose's name, so
 * a tracking token can never pass for a link and the other way round.
 * `db` may be the caller's transaction (notifications are written in one).
 */
export async function leadLinkKey(db: Db, config: Pick<Config, 'TRACKING_SECRET'>): Promise<LeadLinkKey> {
  const base = await trackingKey(db, config);
  return createHmac('sha256', base).update('nurture lead links v1').digest();
}

export function makeLeadLink(key: LeadLinkKey, link: Omit<LeadLink, 'tokenId'>): string {
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(Math.floor(link.expiresAt.getTime() / 1000));
  const payload = Buffer.concat([
    randomBytes(ID_BYTES),
    uuidBytes(link.leadId),
    uuidBytes(link.userId),
    Buffer.from([leadLinkActions.indexOf(link.action)]),
    expiry,
  ]);
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

/** What a genuine token says (its expiry not checked here), else null: forged, altered, malformed. */
export function readLeadLink(key: LeadLinkKey, token: string): LeadLink | null {
  if (token.length !== TOKEN_CHARS || !TOKEN_RE.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  // Decoding is lenient; only the one canonical spelling of the bytes is accepted.
  if (bytes.length !== PAYLOAD_BYTES + MAC_BYTES || bytes.toString('base64url') !== token) return null;
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), mac(key, payload))) return null;
  const action = leadLinkActions[payload[ID_BYTES + 32]!];
  if (!action) return null;
  return {
    tokenId: payload.subarray(0, ID_BYTES).toString('base64url'),
    leadId: uuidOf(payload.subarray(ID_BYTES, ID_BYTES + 16)),
    userId: uuidOf(payload.subarray(ID_BYTES + 16, ID_BYTES + 32)),
    action,
    expiresAt: new Date(payload.readUInt32BE(ID_BYTES + 33) * 1000),
  };
}

/** The page a link opens: the lead in the path, the token after `#` (it reaches no server log or Referer). */
export const leadLinkUrl = (baseUrl: string, leadId: string, token: string): string =>
  `${baseUrl}/lead-action?lead=${leadId}#token=${token}`;

/** Words for a link's action, in an email and on its page. */
export const leadLinkLabels: Record<LeadLinkAction, string> = {
  hot: 'Mark it hot',
  'not-at-risk': 'Not at risk',
  'handled-outside': 'Handled outside Nurture',
};

/** The signed links of one email: one per action, for one lead and one user. */
export function leadLinksFor(
  key: LeadLinkKey,
  baseUrl: string,
  t: { leadId: string; userId: string; now: Date; ttlDays: number; actions: readonly LeadLinkAction[] },
): { action: LeadLinkAction; label: string; url: string }[] {
  const expiresAt = new Date(t.now.getTime() + t.ttlDays * 86_400_000);
  return t.actions.map((action) => ({
    action,
    label: leadLinkLabels[action],
    url: leadLinkUrl(
      baseUrl,
      t.leadId,
      makeLeadLink(key, { leadId: t.leadId, userId: t.userId, action, expiresAt }),
    ),
  }));
}

/** The one-click section of an email's text (none when there are no links, e.g. a team copy). */
export function oneClickLines(links: readonly { label: string; url: string }[], ttlDays: number): string[] {
  if (!links.length) return [];
  const width = Math.max(...links.map((l) => l.label.length)) + 2;
  return [
    `One click, no sign-in needed (each link works once, for ${ttlDays} days; it asks before it acts):`,
    ...links.map((l) => `  ${`${l.label}:`.padEnd(width)}${l.url}`),
  ];
}
