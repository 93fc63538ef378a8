/**
 * The email an assistant's users get about one delivery report that puts the
 * assistant's mail at risk (SPEC §5.3, §6.2), as a pure function: a bounce
 * that blames the sender (blocklisted IP, SPF/DKIM/DMARC failure, policy…:
 * the lead is kept) or a spam complaint (the lead is unsubscribed). Subject
 * and plain text with what happened, the remote server's own words, the lead
 * concerned and what to do. The alert, the anti-flood rule and the enqueueing
 * live in inbound/act-on-classification.ts; delivery in notify/. The breakers'
 * rate emails are breaker-notice.ts.
 */

import { guardFooter, oneLine } from './breaker-notice.ts';

export type AlertNoticeKind = 'sender_block' | 'complaint';

export type AlertNoticeInput = {
  kind: AlertNoticeKind;
  assistant: { id: string; name: string; email: string };
  lead: {
    id: string;
    email: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
  };
  /**
   * What the report says: its sisimai reason, D.S.N. status, the remote
   * server's words (a DSN's diagnostic, an ARF report's notice), the ARF
   * feedback type, the report's subject.
   */
  report: {
    reason: string;
    status: string | null;
    diagnostic: string | null;
    feedbackType: string | null;
    subject: string | null;
  };
  receivedAt: Date;
  /** The anti-flood window: later alerts of this kind for this assistant within it are not emailed. */
  quietMinutes: number;
  userName: string;
  /** PUBLIC_URL (config.publicUrl). */
  baseUrl: string;
};

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const utc = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** "refused …" in words, by the bounce's sisimai reason (the sender-caused ones, classify/bounce/reason.ts). */
const refusedAs: Record<string, string> = {
  blocked: 'as blocked',
  badreputation: "for the sender's poor reputation",
  policyviolation: "by the receiver's policy",
  requireptr: 'for a sending IP without reverse DNS',
  authfailure: 'for failing authentication (SPF/DKIM/DMARC)',
  spamdetected: 'as spam',
  securityerror: 'as a security risk',
  norelaying: 'as relaying not allowed',
  notcompliantrfc: 'as not standards-compliant',
  contenterror: 'for its content',
  rejected: 'as a rejected sender',
  speeding: 'for sending too fast',
  toomanyconn: 'for too many connections',
  virusdetected: 'as carrying a virus',
  failedstarttls: 'for lack of TLS',
  mesgtoobig: 'as too big',
};

/** How the subject and body word a sender-side refusal. */
export function refusalWords(reason: string): string {
  return refusedAs[reason] ?? `for a sender-side reason (${oneLine(reason) || 'unknown'})`;
}

function leadLabel(l: AlertNoticeInput['lead']): string {
  const name = oneLine([l.firstName, l.lastName].filter(Boolean).join(' '));
  const company = l.company ? oneLine(l.company) : '';
  return `${name ? `${name} <${l.email}>` : l.email}${company ? ` (${company})` : ''}`;
}

/** What to check after a sender block, the likeliest cause first. */
function senderBlockTodo(n: AlertNoticeInput, api: string): string[] {
  const auth = `Check the SPF, DKIM and DMARC records of ${domainOf(n.assistant.email)}: the sending server must be allowed by SPF, and mail must be DKIM-signed for the domain (Nurture's key and the DNS record to publish: GET ${api}/deliverability/dkim/${n.assistant.id}).`;
  const lists =
    'Look up the sending IP and domain on the public blocklists (Spamhaus, Barracuda, SpamCop…; the diagnostic above often names the list or the IP). Fix the cause, then ask the list to delist you.';
  const volume = `Check the sending volume: a sudden rise, or many emails in a short time, looks like spam. Lower the daily cap or widen the spacing between emails (PATCH ${api}/assistants/${n.assistant.id}/sending).`;
  const r = n.report.reason;
  if (r === 'authfailure' || r === 'requireptr' || r === 'failedstarttls') return [auth, lists, volume];
  if (r === 'speeding' || r === 'toomanyconn') return [volume, lists, auth];
  return [lists, auth, volume];
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);

export function alertNotice(n: AlertNoticeInput): { subject: string; body: string } {
  const block = n.kind === 'sender_block';
  const mailbox = n.assistant.email;
  const assistant = oneLine(n.assistant.name) || mailbox;
  const lead = leadLabel(n.lead);
  const api = `${n.baseUrl}/api/v1`;

  const subject = block
    ? `Deliverability alert: mail from ${mailbox} was refused ${refusalWords(n.report.reason)}`
    : `Deliverability alert: a recipient reported an email from ${mailbox} as spam`;

  const happened = block
    ? `The mail server of one of ${assistant}'s leads refused an email sent from ${mailbox} ${refusalWords(n.report.reason)}. The lead's address is not at fault: the refusal is about the sender, so other recipients may refuse ${assistant}'s mail the same way until the cause is fixed.`
    : `A lead of ${assistant} reported an email sent from ${mailbox} as spam (the report came through their mailbox provider's feedback loop). Complaints hurt the reputation of the sending domain and IP with every provider.`;

  const words = [
    ...(n.report.status ? [`Status:      ${n.report.status}`] : []),
    ...(block ? [`Reason:      ${oneLine(n.report.reason)}`] : []),
    ...(n.report.feedbackType ? [`Feedback:    ${oneLine(n.report.feedbackType)}`] : []),
    // A DSN's Diagnostic-Code; an ARF report's human-readable notice.
    ...(n.report.diagnostic
      ? [`${block ? 'Diagnostic:  ' : 'Notice:      '}${clip(oneLine(n.report.diagnostic), 600)}`]
      : []),
    `Report:      ${n.report.subject ? `"${clip(oneLine(n.report.subject), 200)}", ` : ''}received ${utc(n.receivedAt)}`,
  ];

  const now = block
    ? "The lead is kept and its sequence goes on; the refused email is not sent again. Until the cause is fixed, the assistant's next emails risk the same refusal."
    : 'The lead is unsubscribed and the address is suppressed for good: no assistant of the organisation will email it again. The complaint counts against the complaint breaker, which pauses sequence emails if complaints keep coming.';

  const todo = block
    ? senderBlockTodo(n, api)
    : [
        `Look at what ${lead} was sent and why they were on the list (the timeline above): people who never asked to hear from you complain.`,
        'Check the source of the leads: remove those who did not opt in or would not expect the email, before more of them complain.',
        `Soften the wording or slow the pace if needed, and watch the complaint rate: GET ${api}/deliverability/breakers`,
      ];

  const lines = [
    `Hello${n.userName.trim() ? ` ${oneLine(n.userName)}` : ''},`,
    '',
    happened,
    '',
    block ? 'What the remote server said:' : 'What the report says:',
    ...words.map((w) => `  ${w}`),
    '',
    `Lead:        ${lead}`,
    `Open it:     ${n.baseUrl}/leads/${n.lead.id}`,
    `Timeline:    GET ${api}/leads/${n.lead.id}/timeline`,
    `Assistant:   ${assistant} <${mailbox}>`,
    '',
    `What happens now: ${now}`,
    '',
    'What to do:',
    ...todo.map((t, i) => `${i + 1}. ${t}`),
    '',
    `Further ${block ? 'sender blocks' : 'spam complaints'} for ${assistant} in the next ${n.quietMinutes} minutes are recorded on the leads' timelines without another email.`,
    ...guardFooter,
  ];
  return { subject: oneLine(subject), body: lines.join('\n') };
}
