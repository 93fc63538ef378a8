import { clean } from './placeholders.ts';
import { type AssistantFields, signOff } from './render-email.ts';

type Who = {
  lead: { firstName: string | null };
  assistant: Pick<AssistantFields, 'name' | 'signature' | 'calendarUrl'>;
};

const greeting = (lead: Who['lead']) => `Hi ${clean(lead.firstName ?? '').slice(0, 40) || 'there'},`;

/** The assistant's answer to a lead who asked for a brochure or more information (SPEC §6.2). */
export function brochureAnswerText({ lead, assistant }: Who, brochureUrl: string): string {
  return `${greeting(lead)}\n\nThank you for your interest. Here is more information: ${brochureUrl.trim()}\n\nHappy to answer any questions, or to set up a short call.\n\n${signOff(assistant)}\n`;
}

/** The check-in on the date a lead asked to be contacted again. */
export function checkInText({ lead, assistant }: Who): string {
  return `${greeting(lead)}\n\nYou asked me to get back in touch around now, so here I am. Is this a better time to talk?\n\n${signOff(assistant)}\n`;
}
