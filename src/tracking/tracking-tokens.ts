import { createHmac, createSecretKey, type KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { instanceSettings } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * Signed tokens for the open pixel and click redirects. A token carries what
 * it is about (the message, and for a click the URL) followed by an
 * HMAC-SHA256 of it, so nobody can make a token we did not put in an email:
 * the click redirect goes only to a URL that was in our email (no open
 * redirect), and a pixel cannot be fetched for someone else's message.
 *
 * Layout (base64url): open = uuid(16 bytes) ‖ mac; click = uuid ‖ url (UTF-8)
 * ‖ mac. The MAC is the first 16 bytes of HMAC(key, kind ‖ payload): 128 bits
 * is plenty against forgery and keeps links short.
 */
const MAC_BYTES = 16;
const MAC_CHARS = 22; // base64url length of 16 bytes
const UUID_BYTES = 16;
const TOKEN_RE = /^[A-Za-z0-9_-]+$/;

export type TrackingKey = Buffer;
export type ClickTarget = { messageId: string; url: string };

const uuidToBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const bytesToUuid = (b: Buffer): string => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
// A KeyObject made once per key: handing createHmac a Buffer costs it a key
// conversion on every call (a few µs, paid for every link of every email).
const keyObjects = new WeakMap<TrackingKey, KeyObject>();
const keyObject = (key: TrackingKey): KeyObject => {
  let k = keyObjects.get(key);
  if (!k) {
    k = createSecretKey(key);
    keyObjects.set(key, k);
  }
  return k;
};
const mac = (key: TrackingKey, kind: 'o' | 'c', payload: Buffer): Buffer =>
  createHmac('sha256', keyObject(key)).update(kind).update(payload).digest().subarray(0, MAC_BYTES);

function sign(key: TrackingKey, kind: 'o' | 'c', payload: Buffer): string {
  return payload.toString('base64url') + mac(key, kind, payload).toString('base64url');
}

/** The payload of a well-formed token whose MAC verifies, else null. */
function verify(key: TrackingKey, kind: 'o' | 'c', token: string): Buffer | null {
  if (token.length <= MAC_CHARS || !TOKEN_RE.test(token)) return null;
  const payload = Buffer.from(token.slice(0, -MAC_CHARS), 'base64url');
  // Decoding is lenient; insist on the one canonical spelling of the payload.
  if (payload.toString('base64url') !== token.slice(0, -MAC_CHARS)) return null;
  const given = Buffer.from(token.slice(-MAC_CHARS), 'base64url');
  // The MAC's last character carries two unused bits: only the canonical one is accepted.
  if (given.length !== MAC_BYTES || given.toString('base64url') !== token.slice(-MAC_CHARS)) return null;
  return timingSafeEqual(given, mac(key, kind, payload)) ? payload : null;
}

export function openToken(key: TrackingKey, messageId: string): string {
  return sign(key, 'o', uuidToBytes(messageId));
}

/** The message id of a genuine open token, or null. */
export function readOpenToken(key: TrackingKey, token: string): string | null {
  const p = verify(key, 'o', token);
  return p && p.length === UUID_BYTES ? bytesToUuid(p) : null;
}

export function clickToken(key: TrackingKey, messageId: string, url: string): string {
  return sign(key, 'c', Buffer.concat([uuidToBytes(messageId), Buffer.from(url, 'utf8')]));
}

/** The message and URL of a genuine click token, or null (forged, altered, or not http(s)). */
export function readClickToken(key: TrackingKey, token: string): ClickTarget | null {
  const p = verify(key, 'c', token);
  if (!p || p.length <= UUID_BYTES) return null;
  const url = p.subarray(UUID_BYTES).toString('utf8');
  if (!/^https?:\/\//i.test(url)) return null;
  return { messageId: bytesToUuid(p.subarray(0, UUID_BYTES)), url };
}

/** Builds the public tracking URLs of one message. */
export type TrackingLinks = {
  openPixel(messageId: string): string;
  click(messageId: string, url: string): string;
  /** True for our own URLs (unsubscribe, tracking): they are never wrapped. */
  isOwn(url: string): boolean;
};

export function trackingLinks(publicUrl: string, key: TrackingKey): TrackingLinks {
  return {
    openPixel: (messageId) => `${publicUrl}/t/o/${openToken(key, messageId)}.gif`,
    click: (messageId, url) => `${publicUrl}/t/c/${clickToken(key, messageId, url)}`,
    isOwn: (url) => url.startsWith(`${publicUrl}/u/`) || url.startsWith(`${publicUrl}/t/`),
  };
}

const SETTING = 'tracking_hmac_key';
const cached = new WeakMap<Db, Promise<TrackingKey>>();

/**
 * The signing key: derived from TRACKING_SECRET when set; otherwise a random
 * key made on first use and kept in `instance_settings`, so links stay valid
 * across restarts and every process of the instance agrees (the insert is
 * first-writer-wins). Call outside a transaction (PGlite has one connection).
 */
export function trackingKey(db: Db, config: Pick<Config, 'TRACKING_SECRET'>): Promise<TrackingKey> {
  if (config.TRACKING_SECRET)
    return Promise.resolve(
      createHmac('sha256', config.TRACKING_SECRET).update('nurture tracking links v1').digest(),
    );
  let key = cached.get(db);
  if (!key) {
    key = loadOrCreateKey(db);
    cached.set(db, key);
    key.catch(() => cached.delete(db));
  }
  return key;
}

async function loadOrCreateKey(db: Db): Promise<TrackingKey> {
  await db
    .insert(instanceSettings)
    .values({ key: SETTING, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: instanceSettings.value })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, SETTING));
  if (!row) throw new AppError('INTERNAL', 'The tracking key is missing right after it was stored');
  return Buffer.from(row.value, 'base64url');
}
