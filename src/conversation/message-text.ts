import { analyzeReply } from '../classify/reply-text/strip-reply.ts';
import { type AssistantFields, footerLead, signOff } from '../compose/render-email.ts';
import type { ThreadEntry } from './thread-headers.ts';

/** The most of the answered message quoted under a user's text: enough to recall it, not the history. */
const maxQuotedChars = 3000;

/**
 * The email a user writes as the assistant: their words, the assistant's
 * sign-off as every email of the assistant ends (signature, Book a Meeting),
 * then the message it answers, quoted as mail clients do. The unsubscribe
 * line is added when it goes (outbound/outgoing-mail.ts), as for every email.
 */
export function messageAsAssistant(
  text: string,
  assistant: Pick<AssistantFields, 'name' | 'signature' | 'calendarUrl'>,
  answering: ThreadEntry | null,
): string {
  const body = text.replace(/\r\n?/g, '\n').trim();
  const quote = answering?.text?.trim() ? quoteOf(answering) : '';
  return `${body}\n\n${signOff(assistant)}\n${quote ? `\n${quote}\n` : ''}`;
}

function quoteOf(e: ThreadEntry): string {
  const text = e.text!.trim();
  const clipped = text.length > maxQuotedChars ? `${text.slice(0, maxQuotedChars - 1)}…` : text;
  const who = e.from?.trim() || (e.direction === 'in' ? 'the lead' : 'me');
  return [
    `On ${e.at.toUTCString()}, ${who} wrote:`,
    ...clipped.split('\n').map((l) => (l ? `> ${l}` : '>')),
  ].join('\n');
}

/**
 * An email's text as the conversation shows it: what was written (signature
 * kept) and the quoted history under it, which the screen folds away. The
 * unsubscribe line every email ends with is not part of what was said.
 */
export function foldQuoted(full: string | null): { text: string; quoted: string | null } {
  if (!full) return { text: '', quoted: null };
  const footer = full.lastIndexOf(`\n--\n${footerLead}`);
  const text = footer >= 0 ? full.slice(0, footer) : full;
  const a = analyzeReply({ text });
  if (!a.quoted.trim() || !a.unquoted.trim()) return { text: text.trim(), quoted: null };
  return { text: a.unquoted.trim(), quoted: a.quoted.trim() };
}
