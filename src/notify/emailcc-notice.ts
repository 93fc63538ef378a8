/**
 * What a user is told after copying the assistant on an email (EmailCC,
 * SPEC §6.5), as a pure function: for each recipient, whether it became a
 * lead (with its link and first follow-up), was one already (the email
 * counts as the user's action on it), waits for plan capacity, or was
 * refused and why. Written to the outbox by inbound/emailcc.ts.
 */
export type EmailCcOutcome =
  | { kind: 'created'; email: string; name: string; leadId: string; firstFollowUpAt: Date | null }
  | { kind: 'checking'; email: string; name: string; leadId: string; firstFollowUpAt: Date | null }
  | { kind: 'waiting'; email: string; name: string; leadId: string }
  | { kind: 'invalid'; email: string; name: string; leadId: string; why: string }
  | { kind: 'existing'; email: string; leadId: string; wasAtRisk: boolean }
  | { kind: 'refused'; email: string; why: string };

export type EmailCcNoticeInput = {
  assistantName: string;
  subject: string | null;
  receivedAt: Date;
  /** PUBLIC_URL: links to the leads in the app. */
  baseUrl: string;
  outcomes: EmailCcOutcome[];
};

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function emailCcNotice(n: EmailCcNoticeInput): { subject: string; body: string } {
  const created = n.outcomes.filter((o) => o.kind === 'created' || o.kind === 'checking').length;
  const about = n.subject?.trim() ? `"${n.subject.trim().slice(0, 120)}"` : '(no subject)';
  const summary = [
    created ? `${created} new lead${created === 1 ? '' : 's'}` : null,
    count(n.outcomes, 'existing', 'already a lead', 'already leads'),
    count(n.outcomes, 'waiting', 'waiting for capacity', 'waiting for capacity'),
    count(n.outcomes, 'refused', 'not added', 'not added'),
    count(n.outcomes, 'invalid', 'invalid address', 'invalid addresses'),
  ]
    .filter(Boolean)
    .join(', ');
  const link = (leadId: string) => `   Open it: ${n.baseUrl}/leads/${leadId}`;
  const lines = n.outcomes.flatMap((o) => {
    switch (o.kind) {
      case 'created':
      case 'checking':
        return [
          `- ${who(o)}: added as your lead. ${
            o.firstFollowUpAt
              ? `${n.assistantName} follows up in your email's thread from ${utc(o.firstFollowUpAt)}`
              : `${n.assistantName} follows up in your email's thread`
          }${o.kind === 'checking' ? ', once the address is verified' : ''}.`,
          link(o.leadId),
        ];
      case 'waiting':
        return [
          `- ${who(o)}: added as your lead, waiting for plan capacity (state new): the follow-up starts in your email's thread when a place frees up.`,
          link(o.leadId),
        ];
      case 'invalid':
        return [`- ${who(o)}: added, but nothing will be sent: ${o.why}.`, link(o.leadId)];
      case 'existing':
        return [
          `- ${o.email}: already a lead of ${n.assistantName}; nothing was duplicated. Your email counts as your action on it${
            o.wasAtRisk ? ' (it is no longer at risk)' : ''
          }.`,
          link(o.leadId),
        ];
      default:
        return [`- ${o.email}: not added: ${o.why}`];
    }
  });
  return {
    subject: `EmailCC ${about}: ${summary || 'nothing to do'}`,
    body: [
      `You copied ${n.assistantName} on your email ${about} (received ${utc(n.receivedAt)}).`,
      "Your email counts as each new lead's first; the assistant writes the next ones.",
      '',
      ...lines,
      '',
      'Everything that happens to a lead is on its timeline in the app.',
    ].join('\n'),
  };
}

const who = (o: { email: string; name: string }) => (o.name ? `${o.name} <${o.email}>` : o.email);

function count(outcomes: EmailCcOutcome[], kind: EmailCcOutcome['kind'], one: string, many: string) {
  const k = outcomes.filter((o) => o.kind === kind).length;
  return k ? `${k} ${k === 1 ? one : many}` : null;
}
