import { html } from './html.ts';
import type { Lead, LeadState, Source } from './types.ts';

/** How states, sources and dates read on screen. */
export const stateLabels: Record<LeadState, string> = {
  new: 'New',
  pending: 'Pending',
  cold: 'Cold',
  engaged: 'Engaged',
  warm: 'Warm',
  hot: 'Hot',
  responded: 'Responded',
  out_of_office: 'Out of office',
  processed: 'Processed',
  deactivated: 'Deactivated',
  unsubscribed: 'Unsubscribed',
};
export const leadStates = Object.keys(stateLabels) as LeadState[];

/** Sub-states that make a lead invalid (SPEC §4): the dashboard's valid count leaves them out. */
export const invalidSubStates = [
  'InvalidEmail',
  'BounceDeactivated',
  'BounceRisk',
  'CannotDetermine',
  'ServerUnReachable',
  'SpamTrap',
  'Disposable',
];

export const sourceLabels: Record<Source, string> = {
  event: 'Event',
  website: 'Website',
  upsell: 'Upsell',
  meeting: 'Meeting',
  phone_meeting: 'Phone meeting',
  emailcc: 'EmailCC',
  import: 'Import',
  api: 'API',
  reference: 'Reference',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  twitter: 'Twitter/X',
};
/** The sources a person picks when adding a lead by hand (the others are channels). */
export const manualSources: Source[] = [
  'event',
  'website',
  'upsell',
  'meeting',
  'phone_meeting',
  'reference',
  'linkedin',
  'facebook',
  'twitter',
];

export const sourceLabel = (s: string) => sourceLabels[s as Source] ?? s;

export function StateBadge({ state, subState }: { state: string; subState?: string | null }) {
  const label = stateLabels[state as LeadState] ?? state;
  return html`<span class="state"
    ><span class=${`badge badge-${state}`}>${label}</span>${
      subState ? html`<span class="substate">${subState}</span>` : null
    }</span
  >`;
}

export const leadName = (l: Pick<Lead, 'firstName' | 'lastName' | 'email'>) =>
  [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email;

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const dateTime = (iso: string | null | undefined) =>
  iso ? dateTimeFormat.format(new Date(iso)) : '—';
export const dateOnly = (iso: string | null | undefined) => (iso ? dateFormat.format(new Date(iso)) : '—');

/** A <time> element: the readable date, the exact instant in datetime and title. */
export function Time({ iso, withTime = true }: { iso: string | null | undefined; withTime?: boolean }) {
  if (!iso) return html`<span class="muted">—</span>`;
  return html`<time datetime=${iso} title=${new Date(iso).toString()}
    >${withTime ? dateTime(iso) : dateOnly(iso)}</time
  >`;
}

/** "event_type" → "Event type". */
export const humanize = (s: string) => {
  const t = s.replace(/[_-]+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
};

/** A local calendar day (YYYY-MM-DD, as date inputs give it) → the instant it starts, ISO. */
export function dayStart(day: string, addDays = 0): string | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays).toISOString();
}

/** Today (+ n days) as YYYY-MM-DD in the browser's zone. */
export function localDay(addDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + addDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
