import type { assistants, leads, messages } from '../db/schema.ts';
import { renderEmail } from './render-email.ts';

type LeadRow = typeof leads.$inferSelect;
type AssistantRow = typeof assistants.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

/**
 * A sequence email from its rows alone, with no database at hand: the
 * built-in templates and the assistant's own settings (proof points, quote),
 * the first email re-rendered rather than read back. The dispatcher composes
 * ahead with everything (sequence-composer.ts: the assistant's templates, the
 * first email as sent, an LLM when configured); this is for any other caller.
 */
export function composeFromRows(
  lead: LeadRow,
  assistant: AssistantRow,
  message: MessageRow,
  unsubscribeUrl: string,
): { subject: string; text: string } {
  const step = message.step ?? 0;
  const { subject, text } = renderEmail({
    lead,
    assistant,
    step,
    firstStep: message.inReplyTo ? (lead.planBaseStep ?? 0) : step,
    scheduleLength: null,
    isFirst: !message.inReplyTo,
    firstEmail: null,
    overrides: new Map(),
    unsubscribeUrl,
  });
  return { subject, text };
}
