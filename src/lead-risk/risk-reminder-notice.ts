/**
 * The reminder a lead's owner gets while the lead is at risk (SPEC §4): who
 * the lead is, since when nobody has acted on it, which reminder this is of
 * how many, what clears it, and the one-click links. Pure: writing it is
 * at-risk-job.ts.
 */
import { oneClickLines } from '../lead-links/lead-link-tokens.ts';

export type RiskReminderInput = {
  lead: {
    id: string;
    email: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    phone: string | null;
    state: string;
    subState: string | null;
  };
  ownerName: string;
  assistantName: string;
  /** When the lead became hot or responded: the 24-hour clock's start. */
  since: Date;
  now: Date;
  reminder: number;
  of: number;
  everyDays: number;
  /** The signed one-click links; empty for a team copy. */
  links: { label: string; url: string }[];
  linkTtlDays: number;
  baseUrl: string;
};

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const utc = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function name(l: RiskReminderInput['lead']): string {
  return oneLine([l.firstName, l.lastName].filter(Boolean).join(' ')) || l.email;
}

const became = (l: RiskReminderInput['lead']): string =>
  l.state === 'hot' ? 'became hot' : `replied${l.subState ? ` (${l.subState})` : ''}`;

export function riskReminderEmail(n: RiskReminderInput): { subject: string; body: string } {
  const days = Math.max(1, Math.floor((n.now.getTime() - n.since.getTime()) / 86_400_000));
  const who = `${name(n.lead)}${n.lead.company ? ` (${oneLine(n.lead.company)})` : ''}`;
  const subject = clip(
    oneLine(`Lead at risk: ${who} ${became(n.lead)} ${days} day${days === 1 ? '' : 's'} ago, no action yet`),
    200,
  );
  const last = n.reminder >= n.of;
  const lines = [
    `Hello${n.ownerName.trim() ? ` ${oneLine(n.ownerName)}` : ''},`,
    '',
    `${who} ${became(n.lead)} on ${utc(n.since)} and nobody has acted on the lead since.`,
    `This is reminder ${n.reminder} of ${n.of}${last ? ': the last one' : `; the next comes in ${n.everyDays} day${n.everyDays === 1 ? '' : 's'} unless someone acts on the lead`}.`,
    '',
    'What to do:',
    `1. Open the lead: ${n.baseUrl}/leads/${n.lead.id}`,
    `2. Answer ${n.lead.firstName ? oneLine(n.lead.firstName) : name(n.lead)}: a message as ${oneLine(n.assistantName) || 'the assistant'}, an introduction, a note or a change of state ends the reminders.`,
    ...(n.links.length ? ['', ...oneClickLines(n.links, n.linkTtlDays)] : []),
    '',
    'About the lead:',
    `  Name:    ${name(n.lead)}`,
    ...(n.lead.company ? [`  Company: ${oneLine(n.lead.company)}`] : []),
    `  Email:   ${n.lead.email}`,
    ...(n.lead.phone ? [`  Phone:   ${oneLine(n.lead.phone)}`] : []),
    `  State:   ${n.lead.state}${n.lead.subState ? ` (${n.lead.subState})` : ''}`,
    '',
    '-- ',
    `Nurture. You get this because you own the lead. Choose what you are told, and how: ${n.baseUrl}/me`,
    '',
  ];
  return { subject, body: lines.join('\n') };
}

/** The WhatsApp text and template parameters (headline, what happened, link). */
export function riskReminderShort(n: RiskReminderInput): { text: string; params: [string, string, string] } {
  const { subject } = riskReminderEmail(n);
  const link = `${n.baseUrl}/leads/${n.lead.id}`;
  const detail = `Reminder ${n.reminder} of ${n.of}: ${n.lead.email}`;
  return { text: [`Nurture — ${subject}`, detail, link].join('\n'), params: [subject, detail, link] };
}
