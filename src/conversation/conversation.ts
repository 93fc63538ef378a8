import { eq } from 'drizzle-orm';
import { findVisibleLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { composePreviews } from '../compose/sequence-composer.ts';
import { publicUrl } from '../config/config.ts';
import { assistants } from '../db/schema.ts';
import { unsubscribeUrl } from '../outbound/outgoing-mail.ts';
import type { Ctx } from '../platform/context.ts';
import { type IncomingRow, loadExchange, type OutgoingRow } from './lead-exchange.ts';
import { foldQuoted } from './message-text.ts';
import type { ThreadEntry } from './thread-headers.ts';

type AssistantRow = typeof assistants.$inferSelect;

/** One email of the exchange, as the lead page shows it. */
export type ConversationItem = {
  id: string;
  direction: 'out' | 'in';
  at: Date;
  from: string;
  to: string;
  subject: string | null;
  /** What was written: quotes folded away; for a reply, its signature too (as the classifier read it). */
  text: string;
  /** The quoted history under it, for the screen to fold; null when there is none. */
  quoted: string | null;
  kind: 'sequence' | 'manual' | 'reply' | 'auto_reply';
  step: number | null;
  /** An email out a user wrote (sent as the assistant), or the user's own first email (EmailCC). */
  writtenBy: string | null;
  status: string;
};

/** An email still to go: its time and its text, editable (or skippable) while it is `scheduled`. */
export type UpcomingEmail = {
  id: string;
  kind: 'sequence' | 'manual';
  step: number | null;
  status: string;
  dueAt: Date;
  subject: string | null;
  text: string;
  /** False while a sequence step's text is still to be written when it goes (what is shown is a preview). */
  written: boolean;
  writtenBy: string | null;
  editable: boolean;
};

export type Conversation = {
  assistant: { id: string; name: string; email: string };
  items: ConversationItem[];
  upcoming: UpcomingEmail[];
};

/** Sent: the email left (or may have: a send whose delivery a dead worker left uncertain). */
const wentStatuses = new Set(['sent', 'uncertain']);

/**
 * The lead's exchange (SPEC §6.4 "view the exchange"): every email sent and
 * every reply received, oldest first, each with who and when, quoted history
 * apart; and the emails still to go, with the text each will carry.
 */
export async function leadConversation(ctx: Ctx, actor: Actor, leadId: string): Promise<Conversation> {
  const lead = await findVisibleLead(ctx.db, actor, leadId);
  const [[assistant], exchange] = await Promise.all([
    ctx.db.select().from(assistants).where(eq(assistants.id, lead.assistantId)),
    loadExchange(ctx.db, lead),
  ]);
  const from = `${assistant!.name} <${assistant!.email}>`;
  const out: ConversationItem[] = exchange.outgoing
    .filter((m) => wentStatuses.has(m.status))
    .map((m) => ({
      id: m.id,
      direction: 'out',
      at: m.sentAt ?? m.dueAt,
      // The user's own first email (EmailCC) came from them; everything else went as the assistant.
      from: m.kind === 'sequence' && m.writtenBy ? m.writtenBy : from,
      to: lead.email,
      subject: m.subject,
      ...foldQuoted(m.textBody),
      kind: m.kind,
      step: m.step,
      writtenBy: m.writtenBy,
      status: m.status,
    }));
  const inbound: ConversationItem[] = exchange.incoming.map((m) => ({
    id: m.id,
    direction: 'in',
    at: m.at,
    from: m.from ?? lead.email,
    to: from,
    subject: m.subject,
    text: m.text ?? '',
    quoted: quotedOf(m),
    kind: m.kind === 'auto_reply' ? 'auto_reply' : 'reply',
    step: null,
    writtenBy: null,
    status: 'received',
  }));
  const pending = exchange.outgoing.filter((m) => m.status === 'scheduled' || m.status === 'sending');
  const previews = await composePreviews(
    ctx,
    lead,
    assistant!,
    exchange.outgoing,
    unsubscribeUrl(publicUrl(ctx.config), lead),
  );
  return {
    assistant: { id: assistant!.id, name: assistant!.name, email: assistant!.email },
    items: [...out, ...inbound].sort((a, b) => a.at.getTime() - b.at.getTime()),
    upcoming: pending.map((m) => {
      const preview = previews.get(m.id);
      return {
        id: m.id,
        kind: m.kind,
        step: m.step,
        status: m.status,
        dueAt: m.dueAt,
        subject: preview?.subject ?? m.subject,
        text: preview?.text ?? m.textBody ?? '',
        written: !preview,
        writtenBy: m.writtenBy,
        editable: m.status === 'scheduled',
      };
    }),
  };
}

const quotedOf = (m: IncomingRow): string | null => {
  const q = m.classification?.quotedText;
  return typeof q === 'string' && q.trim() ? q.trim() : null;
};

/**
 * The exchange as thread entries (thread-headers.ts): what went and the
 * lead's own replies. An automatic answer is not someone to answer.
 */
export function exchangeEntries(
  exchange: { outgoing: OutgoingRow[]; incoming: IncomingRow[] },
  assistant: Pick<AssistantRow, 'name' | 'email'>,
): ThreadEntry[] {
  return [
    ...exchange.outgoing
      .filter((m) => wentStatuses.has(m.status))
      .map(
        (m): ThreadEntry => ({
          direction: 'out',
          at: m.sentAt ?? m.dueAt,
          messageId: m.messageId,
          subject: m.subject,
          references: m.references,
          from: m.kind === 'sequence' && m.writtenBy ? m.writtenBy : `${assistant.name} <${assistant.email}>`,
          text: foldQuoted(m.textBody).text,
        }),
      ),
    ...exchange.incoming
      .filter((m) => m.kind === 'reply')
      .map(
        (m): ThreadEntry => ({
          direction: 'in',
          at: m.at,
          messageId: m.messageId,
          subject: m.subject,
          from: m.from,
          text: m.text,
        }),
      ),
  ];
}
