import { createHash } from 'node:crypto';
import { angles, openings, type Source, sources, subjects } from './templates.ts';

export type ComposeInput = {
  lead: {
    id: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    industry: string | null;
    source: string;
    context: string;
    additionalInformation: string;
  };
  assistant: { name: string; signature: string; calendarUrl: string | null };
  /** Position in the sequence: 0 for the first email. */
  position: number;
  unsubscribeUrl: string;
};

export type Composed = { subject: string; text: string };

/**
 * Render one email. Deterministic for a lead (the variant is picked from the
 * lead id), so the follow-ups can quote the same subject without a lookup.
 */
export function compose(input: ComposeInput): Composed {
  const { lead, assistant, position } = input;
  const source: Source = (sources as readonly string[]).includes(lead.source)
    ? (lead.source as Source)
    : 'api';
  const variant = createHash('sha1').update(lead.id).digest()[0]! % 2;
  const vars: Record<string, string> = {
    firstName: lead.firstName?.trim() || 'there',
    company: lead.company?.trim() || 'your team',
    industry: lead.industry?.trim() || 'your industry',
    context: lead.context.trim() || 'what we offer',
    additionalInformation: lead.additionalInformation.trim(),
  };
  vars.opening = fill(openings[source], vars);
  const subjectTemplates = subjects[source];
  const subject = oneLine(fill(subjectTemplates[variant % subjectTemplates.length]!, vars));
  const body = fill(angles[Math.min(position, angles.length - 1)]!, vars)
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ +\n/g, '\n');
  const signature = [
    assistant.signature.trim() || assistant.name,
    assistant.calendarUrl ? `Book a Meeting: ${assistant.calendarUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const text = `Hi ${vars.firstName},\n\n${body.trim()}\n\nBest regards,\n${signature}\n\n--\nDon't want to hear from me again? Unsubscribe: ${input.unsubscribeUrl}\n`;
  return { subject: position === 0 ? subject : `Re: ${subject}`, text };
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    if (v === undefined) throw new Error(`Template placeholder {${k}} has no value`);
    return v;
  });
}

/** Lead data must never break a header: no CR/LF, bounded length. */
const oneLine = (s: string): string =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 150);
