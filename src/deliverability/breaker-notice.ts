/**
 * The email an assistant's users get when a breaker warns or trips (SPEC
 * §5.3 "tells its users"), as a pure function: subject and plain text with
 * the reason, the rate, the thresholds and what to do. The alert and its
 * enqueueing live in breaker-evaluation.ts; delivery in notify/.
 */
import type { BreakerKind, BreakerScope } from '../db/schema.ts';
import { percent, type Thresholds, type WindowCounts } from './breaker-policy.ts';

export type BreakerNoticeInput = {
  kind: BreakerKind;
  verdict: 'warn' | 'pause';
  /** The narrowest scope that changed (the one to resume) and its label. */
  scope: BreakerScope;
  label: string;
  breakerId: string;
  /** Every breaker that changed with it, as "scope:label". */
  scopes: string[];
  /** The assistants the breakers watch; with one, the notice is about it by name. */
  assistantNames: string[];
  assistantId: string;
  /** alertReason(): the alert's own words. */
  reason: string;
  rate: number;
  counts: WindowCounts;
  thresholds: Thresholds;
  windowFrom: Date | null;
  leadId: string | null;
  userName: string;
  /** PUBLIC_URL (config.publicUrl). */
  baseUrl: string;
};

export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** How every deliverability email ends: API calls need a key; why this user gets it. */
export const guardFooter: readonly string[] = [
  '(API calls take your API key: Authorization: Bearer <key>.)',
  '',
  '-- ',
  'Nurture deliverability guard. You get this because you are an admin of the organisation or own leads on this assistant.',
  '',
];

const utc = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Who the notice is about: the assistant by name, or the assistants a mailbox or the org covers. */
function whoOf(n: BreakerNoticeInput): string {
  if (n.assistantNames.length === 1) return oneLine(n.assistantNames[0]!);
  return n.scope === 'mailbox'
    ? `the assistants sending as ${n.label}`
    : `the assistants of ${oneLine(n.label)}`;
}

export function breakerNotice(n: BreakerNoticeInput): { subject: string; body: string } {
  const who = whoOf(n);
  const bounce = n.kind === 'hard_bounce';
  const events = bounce ? 'hard bounces' : 'spam complaints';
  const subject =
    n.verdict === 'pause'
      ? bounce
        ? `Deliverability alert: ${who} paused sending to unverified addresses`
        : `Deliverability alert: ${who} paused sequence emails after spam complaints`
      : `Deliverability warning: ${events} at ${percent(n.rate)} for ${who}`;

  const happened =
    n.verdict === 'pause'
      ? bounce
        ? `${who} stopped sending to addresses that are not verified yet: too many of its recent emails bounced hard.`
        : `${who} stopped sending sequence emails: too many recipients reported them as spam.`
      : `Too many recent emails of ${who} ${bounce ? 'bounced hard' : 'were reported as spam'}. Nothing is paused yet.`;

  const now =
    n.verdict === 'pause'
      ? bounce
        ? 'Emails to addresses not yet verified (no reply, no human open, not accepted 3 or more days ago) wait; leads who proved their address still get theirs. Nothing is lost: the held emails go as soon as the breaker is resumed.'
        : 'No sequence email of this scope goes until the breaker is resumed. Nothing is lost: the held emails go as soon as it is resumed.'
      : `The warning clears itself once the rate is back under ${percent(n.thresholds.warn)}; at ${percent(n.thresholds.pause)} ${bounce ? 'sending to unverified addresses pauses' : 'sequence emails pause'}.`;

  const api = `${n.baseUrl}/api/v1`;
  const bounced = `${api}/leads?assistantId=${n.assistantId}&subState=BounceDeactivated`;
  const todo = bounce
    ? [
        `Look at the leads that bounced and where they came from (an old or bought list bounces): GET ${bounced}`,
        'Remove or correct the bad addresses at their source before adding more leads from it.',
      ]
    : [
        'Look at who was emailed and what they were sent: people who never asked to hear from you complain.',
        'Remove the leads who should not be emailed, and soften the wording or the pace if needed.',
      ];
  if (n.verdict === 'pause')
    todo.push(
      `Then an admin resumes the breaker (the window restarts; the held emails go at once): POST ${api}/deliverability/breakers/${n.breakerId}/resume`,
    );
  else
    todo.push(
      `An admin can re-arm it once the list is clean: POST ${api}/deliverability/breakers/${n.breakerId}/resume`,
    );

  const since = n.windowFrom ? ` since ${utc(n.windowFrom)}` : ' in the last 7 days';
  const lines = [
    `Hello${n.userName.trim() ? ` ${oneLine(n.userName)}` : ''},`,
    '',
    happened,
    '',
    `Why: ${n.reason}.`,
    '',
    `Rate:        ${percent(n.rate)} (${n.counts.events} ${events} among ${n.counts.sends} emails sent${since})`,
    `Thresholds:  warning at ${percent(n.thresholds.warn)}, pause at ${percent(n.thresholds.pause)} (no verdict under ${n.thresholds.minSends} emails)`,
    `Breakers:    ${n.scopes.join(', ')}`,
    ...(n.leadId
      ? [
          `Tipped by:   the ${bounce ? 'bounce' : 'complaint'} of lead ${n.leadId} (${api}/leads/${n.leadId}/timeline)`,
          `Open it:     ${n.baseUrl}/leads/${n.leadId}`,
        ]
      : []),
    '',
    `What happens now: ${now}`,
    '',
    'What to do:',
    ...todo.map((t, i) => `${i + 1}. ${t}`),
    '',
    `Every breaker and its rate: GET ${api}/deliverability/breakers`,
    ...guardFooter,
  ];
  return { subject: oneLine(subject), body: lines.join('\n') };
}
