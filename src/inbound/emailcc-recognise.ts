import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { assistants, type InboundChannel, users } from '../db/schema.ts';
import type { Analysis, NamedAddress } from './analyse-message.ts';

type AssistantRow = typeof assistants.$inferSelect;
export type EmailCcUser = { id: string; email: string; name: string; role: 'admin' | 'member' };

/** A user's email to one or more people that copies the assistant (SPEC §6.5). */
export type EmailCc = {
  user: EmailCcUser;
  assistant: AssistantRow;
  /** How the assistant was copied: named in Cc, or not named at all (Bcc). */
  copiedBy: 'cc' | 'bcc';
  /** The `To` recipients who are neither the org's assistants nor its users, once each. */
  recipients: NamedAddress[];
};

export type EmailCcRecognition =
  | { kind: 'emailcc'; emailCc: EmailCc }
  /** EmailCC-shaped, from someone who is not a user of the org: creates nothing, tells nobody. */
  | { kind: 'not-a-user'; reason: string }
  | null;

/**
 * Is this message an EmailCC? It is when all of these hold:
 * - the assistant it is for is copied: named in Cc, or not in To/Cc at all
 *   (Bcc). Which assistant: the one it arrived for (its address on the SMTP
 *   listener, whose envelope named it; its IMAP mailbox); else (the raw
 *   endpoint, or the listener for several assistants of the org at once) the
 *   org's assistant named in Cc, or, on the raw endpoint only, the one named
 *   by `Delivered-To`/`X-Original-To` (a Bcc the receiving server recorded:
 *   believed there because that channel is authenticated by the org's secret);
 * - `To` names someone who is neither one of the org's assistants nor one of
 *   its users (them the assistant emails);
 * - the sender (`From`) is a user of the org (case-insensitive). Otherwise
 *   the result is `not-a-user`: the caller still matches it as any inbound
 *   message (a lead's reply-all copies the assistant too) and, if it matches
 *   nothing, keeps the reason.
 * A user writing To the assistant is not an EmailCC (that is mail for the
 * assistant); a user's reply in a lead's thread that copies the assistant is
 * one: it creates the To recipients who are not leads yet, and counts as the
 * user's action on those who are.
 */
export async function recogniseEmailCc(
  db: Db,
  m: { orgId: string; assistantId: string | null; channel: InboundChannel; analysis: Analysis },
): Promise<EmailCcRecognition> {
  const a = m.analysis;
  if (!a.from || !a.recipients.to.length || m.channel === 'sandbox') return null;
  const orgAssistants = await db
    .select()
    .from(assistants)
    .where(eq(assistants.orgId, m.orgId))
    .orderBy(asc(assistants.createdAt), asc(assistants.id));
  const assistantAddresses = new Set(orgAssistants.map((x) => plainAddress(x.email)));
  const to = new Set(a.recipients.to.map((r) => plainAddress(r.address)));
  const cc = new Set(a.recipients.cc.map((r) => plainAddress(r.address)));
  const copied = copiedAssistant(orgAssistants, m, to, cc);
  if (!copied) return null;

  const outside = new Map<string, NamedAddress>();
  for (const r of a.recipients.to) {
    const key = r.address.trim().toLowerCase();
    if (!assistantAddresses.has(plainAddress(key)) && !outside.has(key)) outside.set(key, r);
  }
  const from = a.from.trim().toLowerCase();
  const known = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.orgId, m.orgId),
        inArray(sql`lower(${users.email})`, [...new Set([from, ...outside.keys()])]),
      ),
    );
  const knownAddresses = new Set(known.map((u) => u.email.toLowerCase()));
  const recipients = [...outside.entries()].filter(([k]) => !knownAddresses.has(k)).map(([, r]) => r);
  if (!recipients.length) return null;
  const user = known.find((u) => u.email.toLowerCase() === from);
  if (!user)
    return {
      kind: 'not-a-user',
      reason: `EmailCC not acted on: the sender ${from} is not a user of this organisation; nothing was created and nobody was told`,
    };
  return { kind: 'emailcc', emailCc: { user, ...copied, recipients } };
}

function copiedAssistant(
  orgAssistants: AssistantRow[],
  m: { assistantId: string | null; channel: InboundChannel; analysis: Analysis },
  to: Set<string>,
  cc: Set<string>,
): { assistant: AssistantRow; copiedBy: 'cc' | 'bcc' } | null {
  const address = (x: AssistantRow) => plainAddress(x.email);
  if (m.assistantId) {
    const assistant = orgAssistants.find((x) => x.id === m.assistantId);
    if (!assistant || to.has(address(assistant))) return null;
    return { assistant, copiedBy: cc.has(address(assistant)) ? 'cc' : 'bcc' };
  }
  const inCc = orgAssistants.find((x) => cc.has(address(x)) && !to.has(address(x)));
  if (inCc) return { assistant: inCc, copiedBy: 'cc' };
  if (m.channel !== 'http') return null;
  const envelope = new Set(m.analysis.recipients.envelope.map(plainAddress));
  const bcc = orgAssistants.find(
    (x) => envelope.has(address(x)) && !to.has(address(x)) && !cc.has(address(x)),
  );
  return bcc ? { assistant: bcc, copiedBy: 'bcc' } : null;
}

/** An address as the assistants' are compared: lower case, a `+tag` (a reply token) dropped. */
const plainAddress = (address: string): string => {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  const plus = a.indexOf('+');
  return plus >= 0 && plus < at ? a.slice(0, plus) + a.slice(at) : a;
};
