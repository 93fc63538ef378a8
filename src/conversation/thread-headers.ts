/**
 * Where a new email to a lead goes in their thread (RFC 5322 §3.6.4), as a
 * pure function of the exchange so far: it answers the latest message, sent
 * or received (In-Reply-To), carries the chain that message belongs to
 * (References), and keeps the thread's subject with one "Re:".
 */

export type ThreadEntry = {
  direction: 'out' | 'in';
  at: Date;
  /** The Message-ID, angle brackets included; an inbound message may have none. */
  messageId: string | null;
  subject: string | null;
  /** An email we sent: the References it went with. */
  references?: string[];
  /** Who wrote it, as the quote's attribution says it. */
  from: string | null;
  /** What it said, without its own quoted history. */
  text: string | null;
};

export type ReplyPlace = {
  inReplyTo: string | null;
  references: string[];
  subject: string;
  /** The message answered, for the quote under the new text. */
  answering: ThreadEntry;
};

/**
 * A long thread's References keep its root and its latest ids: RFC 5322
 * allows trimming the middle, and some servers refuse very long headers.
 */
export const maxReferences = 20;

// "Re:", "RE :", "Aw:", "Sv:", "Fwd:" and the like, repeated: the thread's subject is what they prefix.
const replyPrefix = /^\s*(?:re|aw|sv|vs|antw|fwd?|wg|tr)\s*:\s*/i;

export function threadSubject(subject: string | null): string {
  let s = (subject ?? '').trim();
  for (let i = 0; i < 10 && replyPrefix.test(s); i++) s = s.replace(replyPrefix, '');
  return s.trim();
}

/** Null when there is no thread yet (nothing sent, nothing received). */
export function replyPlace(entries: readonly ThreadEntry[]): ReplyPlace | null {
  if (!entries.length) return null;
  const ordered = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = ordered.at(-1)!;
  // The chain: the last email we sent, with its own References, and what the lead sent after it.
  let lastOut = -1;
  for (let i = ordered.length - 1; i >= 0 && lastOut < 0; i--)
    if (ordered[i]!.direction === 'out') lastOut = i;
  const chain =
    lastOut < 0
      ? ordered.map((e) => e.messageId)
      : [...(ordered[lastOut]!.references ?? []), ...ordered.slice(lastOut).map((e) => e.messageId)];
  const ids = [...new Set(chain.filter((id): id is string => Boolean(id)))];
  const references = ids.length > maxReferences ? [ids[0]!, ...ids.slice(-(maxReferences - 1))] : ids;
  const base =
    threadSubject(lastOut >= 0 ? ordered[lastOut]!.subject : null) || threadSubject(latest.subject);
  return {
    inReplyTo: latest.messageId ?? references.at(-1) ?? null,
    references,
    subject: base ? `Re: ${base}` : 'Re: our conversation',
    answering: latest,
  };
}
