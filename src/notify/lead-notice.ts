/**
 * What a lead's owner is told when the lead becomes hot, responded or warm
 * (SPEC §8, §6.3), as pure functions: who the lead is, what happened (the
 * reply and how the assistant read it, or the opens and clicks), what to do
 * next and where to find it. `leadNoticeEmail` is the email (and the in-app
 * notification), `leadNoticeShort` the WhatsApp text and template
 * parameters. Writing and delivering them live in lead-notifications.ts and
 * the notifiers.
 */
import type { NotificationKind } from '../db/schema.ts';
import { type LeadLinkAction, oneClickLines } from '../lead-links/lead-link-tokens.ts';

export type LeadNoticeKind = Extract<NotificationKind, 'lead_hot' | 'lead_responded' | 'lead_warm'>;
export const leadNoticeKinds: readonly LeadNoticeKind[] = ['lead_hot', 'lead_responded', 'lead_warm'];

type StatePair = { state: string; subState: string | null };

/** The events that can tell the owner: a reply, its correction, an open or click, a user marking it hot. */
const tellingEvents = new Set([
  'human_open',
  'human_click',
  'meeting_accepted',
  'mark_hot',
  'reply',
  'reclassify',
]);

/**
 * Does this transition tell the owner, and as what? Entering hot, responded
 * or warm by one of the telling events does; so does each new reply of a
 * lead already responded (a second reply is news too). A user's correction
 * that keeps the state (responded NeedsReview → responded InfoRequest) is
 * not: it is about a reply already told; nor is a warm lead coming back from
 * out of office as warm.
 */
export function leadNoticeKindOf(from: StatePair, to: StatePair, eventType: string): LeadNoticeKind | null {
  if (!tellingEvents.has(eventType)) return null;
  const kind =
    to.state === 'hot'
      ? 'lead_hot'
      : to.state === 'responded'
        ? 'lead_responded'
        : to.state === 'warm'
          ? 'lead_warm'
          : null;
  if (!kind) return null;
  if (from.state !== to.state) return kind;
  return eventType === 'reply' ? kind : null;
}

export type ReplyFacts = {
  /** The reply as the lead wrote it, quotes and signature stripped. */
  text: string;
  subject: string | null;
  receivedAt: Date;
  intent: string | null;
  confidence: number | null;
  /** The words that decided the classification. */
  evidence: string[];
  meeting: { date: string; time: string | null } | null;
  connectLaterDate: string | null;
  /** Set when a user's correction, not the classifier, gave the meaning. */
  correctedBy: string | null;
};

export type EngagementFacts = {
  kind: 'open' | 'click';
  at: Date | null;
  url: string | null;
  /** The email opened or clicked: its step (0-based) and subject. */
  step: number | null;
  subject: string | null;
};

export type LeadNoticeInput = {
  kind: LeadNoticeKind;
  lead: {
    id: string;
    email: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    title: string | null;
    phone: string | null;
    country: string | null;
    timeZone: string | null;
    subState: string | null;
    humanOpens: number;
    humanClicks: number;
  };
  /** The state it came from. */
  from: string;
  at: Date;
  assistant: { name: string; brochureUrl: string | null };
  ownerName: string;
  /** The user whose action made it so (marked hot, corrected a reply); null for the lead's own doing. */
  byUser: string | null;
  reply: ReplyFacts | null;
  engagement: EngagementFacts | null;
  /** PUBLIC_URL (config.publicUrl). */
  baseUrl: string;
  /** The signed one-click links (lead-links/), none in a team copy; and how many days they work. */
  links?: { label: string; url: string }[];
  linkTtlDays?: number;
};

/** The one-click actions a lead notice offers, by kind (issue 11): what makes sense to do from the email. */
export const oneClickActions: Record<LeadNoticeKind, readonly LeadLinkAction[]> = {
  lead_hot: ['not-at-risk', 'handled-outside'],
  lead_responded: ['hot', 'not-at-risk', 'handled-outside'],
  lead_warm: ['hot'],
};

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const utc = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-12-03" → "Thursday 3 December 2026" (a calendar date: no time zone involved). */
export function calendarDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${weekdays[day]} ${d} ${months[mo - 1]} ${y}`;
}

/** The lead's wall clock at `at`, "14:05", or null for an unknown zone. */
function localClock(at: Date, timeZone: string | null): string | null {
  if (!timeZone) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  } catch {
    return null;
  }
}

export function leadName(l: LeadNoticeInput['lead']): string {
  return oneLine([l.firstName, l.lastName].filter(Boolean).join(' ')) || l.email;
}

/** "Jane Doe (Globex)". */
function who(l: LeadNoticeInput['lead']): string {
  const company = l.company ? oneLine(l.company) : '';
  return `${leadName(l)}${company ? ` (${company})` : ''}`;
}

const intentWords: Record<string, string> = {
  meeting: 'a meeting',
  info_request: 'a request for information',
  connect_later: 'a request to talk later',
  not_interested: 'not interested',
  wrong_person: 'the wrong person',
  stop: 'a request to stop',
  other: 'a reply without a clear intent',
};

function meetingWords(m: ReplyFacts['meeting']): string {
  if (!m) return 'agreed to meet (no day named yet)';
  return `wants a meeting on ${calendarDate(m.date)}${m.time ? ` at ${m.time}` : ''}`;
}

/** What happened, in a few words after the lead's name: "wants a meeting on Thursday 3 December 2026 at 15:00". */
export function whatHappened(n: LeadNoticeInput): string {
  const sub = n.lead.subState;
  const r = n.reply;
  if (n.kind === 'lead_warm') {
    const e = n.engagement;
    if (sub === 'Clicked' || e?.kind === 'click')
      return e?.url ? `clicked ${clip(oneLine(e.url), 200)}` : 'clicked a link in an email';
    return `opened your emails ${n.lead.humanOpens} times`;
  }
  if (n.kind === 'lead_hot') {
    if (sub === 'ManualHot') return `was marked hot${n.byUser ? ` by ${oneLine(n.byUser)}` : ''}`;
    return meetingWords(r?.meeting ?? null);
  }
  switch (sub) {
    case 'InfoRequest':
      return 'asked for the brochure or more information';
    case 'ConnectLater':
      return r?.connectLaterDate
        ? `asked to be contacted again on ${calendarDate(r.connectLaterDate)}`
        : 'asked to be contacted later';
    case 'NotInterested':
      return 'is not interested';
    case 'WrongPerson':
      return 'says they are not the right person';
    case 'NeedsReview':
      return 'replied; the assistant is unsure what it means';
    default:
      return 'replied';
  }
}

const label: Record<LeadNoticeKind, string> = {
  lead_hot: 'Hot lead',
  lead_responded: 'Lead responded',
  lead_warm: 'Warm lead',
};

/** "Hot lead: Jane Doe (Globex) wants a meeting on Thursday 3 December 2026 at 15:00". */
export function leadHeadline(n: LeadNoticeInput): string {
  return clip(oneLine(`${label[n.kind]}: ${who(n.lead)} ${whatHappened(n)}`), 200);
}

function classificationLine(n: LeadNoticeInput, r: ReplyFacts): string {
  const assistant = oneLine(n.assistant.name) || 'The assistant';
  const intent = r.intent ? (intentWords[r.intent] ?? r.intent) : 'a reply';
  if (r.correctedBy) return `How it reads: ${intent}, as ${oneLine(r.correctedBy)} corrected it.`;
  const confidence = r.confidence === null ? '' : ` (confidence ${r.confidence.toFixed(2)})`;
  const words = r.evidence.length
    ? `; the words that decided: ${r.evidence
        .slice(0, 6)
        .map((e) => (e.startsWith('date:') ? oneLine(e) : `"${oneLine(e)}"`))
        .join(', ')}`
    : '';
  return n.lead.subState === 'NeedsReview'
    ? `How ${assistant} read it: not sure — it looks like ${intent}${confidence}, under the review threshold, so a person decides${words}.`
    : `How ${assistant} read it: ${intent}${confidence}${words}.`;
}

/** What the assistant does about it now, so the owner knows what is already handled. */
function whatNow(n: LeadNoticeInput): string {
  const assistant = oneLine(n.assistant.name) || 'The assistant';
  const first = leadName(n.lead);
  switch (n.kind) {
    case 'lead_warm':
      return `The sequence goes on: ${assistant} keeps writing to ${first} on schedule.`;
    case 'lead_hot':
      return `The sequence has stopped: ${assistant} sends ${first} nothing more. The next move is yours.`;
  }
  switch (n.lead.subState) {
    case 'InfoRequest':
      return n.assistant.brochureUrl
        ? `The sequence has stopped. ${assistant} answers at once with the brochure (${n.assistant.brochureUrl}).`
        : `The sequence has stopped. ${assistant} has no Brochure URL, so nobody has answered yet.`;
    case 'ConnectLater':
      return `The sequence has stopped. ${assistant} will check in ${
        n.reply?.connectLaterDate ? `on ${calendarDate(n.reply.connectLaterDate)}` : 'in a month'
      }.`;
    default:
      return `The sequence has stopped: ${assistant} sends ${first} nothing more.`;
  }
}

function todo(n: LeadNoticeInput, api: string): string[] {
  const first = n.lead.firstName ? oneLine(n.lead.firstName) : leadName(n.lead);
  // Every step is taken on the lead's page in the app, which this email links to.
  const page = `${n.baseUrl}/leads/${n.lead.id}`;
  const done = `When you handle it outside Nurture, say so on the lead's page: ${page}`;
  if (n.kind === 'lead_warm')
    return [
      `${first} is reading your emails now: a good moment to call${n.lead.phone ? ` (${oneLine(n.lead.phone)})` : ''} or to connect on LinkedIn with a short personal note.`,
      `If ${first} answers, mark the lead hot on its page: ${page}`,
    ];
  if (n.kind === 'lead_hot')
    return [
      n.lead.subState === 'ManualHot'
        ? `Get in touch with ${first} yourself, or introduce a colleague who will.`
        : `Confirm the meeting with ${first} within 24 hours: reply yourself, or introduce a colleague who will.`,
      done,
    ];
  switch (n.lead.subState) {
    case 'InfoRequest':
      return [
        n.assistant.brochureUrl
          ? `Follow up on the brochure with a personal note or a call within 24 hours, while ${first} is looking.`
          : `Send ${first} what they asked for within 24 hours.`,
        done,
      ];
    case 'ConnectLater':
      return [
        'Nothing is needed now; note anything worth knowing for that conversation.',
        `To keep writing instead, choose Continue follow-up on the lead's page: ${page}`,
      ];
    case 'NotInterested':
      return [
        `Nothing is needed. If you think ${first} misread the offer, a short personal note may still help.`,
      ];
    case 'WrongPerson':
      return [
        `If the reply names the right person, add them as a lead (${n.baseUrl}/add-lead) with this context.`,
      ];
    case 'NeedsReview':
      return [
        `Say what the reply means, so ${oneLine(n.assistant.name) || 'the assistant'} acts on it and learns: GET ${api}/review-items`,
        `Then answer ${first} if they need an answer.`,
      ];
    default:
      return [`Read the reply and answer ${first} within 24 hours.`, done];
  }
}

function leadLines(n: LeadNoticeInput): string[] {
  const l = n.lead;
  const clock = localClock(n.at, l.timeZone);
  const where = [l.country, l.timeZone].filter(Boolean).join(', ');
  const state = `${n.kind.slice(5)}${l.subState ? ` (${l.subState})` : ''}, was ${n.from}`;
  return [
    `  Name:       ${leadName(l)}`,
    ...(l.title ? [`  Title:      ${oneLine(l.title)}`] : []),
    ...(l.company ? [`  Company:    ${oneLine(l.company)}`] : []),
    `  Email:      ${l.email}`,
    ...(l.phone ? [`  Phone:      ${oneLine(l.phone)}`] : []),
    ...(where ? [`  Location:   ${where}${clock ? ` (${clock} there when it happened)` : ''}`] : []),
    `  State:      ${state}`,
    `  Engagement: ${l.humanOpens} human open${l.humanOpens === 1 ? '' : 's'}, ${l.humanClicks} click${l.humanClicks === 1 ? '' : 's'}`,
    `  Assistant:  ${oneLine(n.assistant.name)}`,
  ];
}

function replyLines(n: LeadNoticeInput, r: ReplyFacts): string[] {
  const text = clip(r.text.trim(), 3000) || '(no text)';
  return [
    `Their reply, received ${utc(r.receivedAt)}${r.subject ? `, "${clip(oneLine(r.subject), 150)}"` : ''}:`,
    '',
    ...text.split(/\r?\n/).map((line) => (line.trim() ? `    ${line.trimEnd()}` : '')),
    '',
    classificationLine(n, r),
  ];
}

function engagementLines(n: LeadNoticeInput, e: EngagementFacts): string[] {
  const email = `${e.step === null ? 'an email' : `email ${e.step + 1}`}${e.subject ? ` ("${clip(oneLine(e.subject), 150)}")` : ''}`;
  const when = e.at ? ` on ${utc(e.at)}` : '';
  const what =
    e.kind === 'click'
      ? `Clicked ${e.url ? clip(oneLine(e.url), 300) : 'a link'} in ${email}${when}.`
      : `Opened ${email}${when}: human open number ${n.lead.humanOpens}.`;
  return [
    what,
    'Machine opens and clicks (image proxies, Apple Mail Privacy Protection, link scanners) are filtered out: this was a person.',
  ];
}

/** The email to the owner, and the in-app notification's text. */
export function leadNoticeEmail(n: LeadNoticeInput): { subject: string; body: string } {
  const api = `${n.baseUrl}/api/v1`;
  const happened = `${who(n.lead)} ${whatHappened(n)}.`;
  const lines = [
    `Hello${n.ownerName.trim() ? ` ${oneLine(n.ownerName)}` : ''},`,
    '',
    happened,
    '',
    ...(n.reply ? [...replyLines(n, n.reply), ''] : []),
    ...(n.engagement ? [...engagementLines(n, n.engagement), ''] : []),
    ...(n.byUser && !n.reply ? [`Done by ${oneLine(n.byUser)}.`, ''] : []),
    whatNow(n),
    '',
    'What to do next:',
    ...todo(n, api).map((t, i) => `${i + 1}. ${t}`),
    '',
    ...(n.links?.length ? [...oneClickLines(n.links, n.linkTtlDays ?? 0), ''] : []),
    'About the lead:',
    ...leadLines(n),
    '',
    `Open it:    ${n.baseUrl}/leads/${n.lead.id}`,
    `The lead:   GET ${api}/leads/${n.lead.id}`,
    `Its story:  GET ${api}/leads/${n.lead.id}/timeline`,
    '(API calls take your API key: Authorization: Bearer <key>.)',
    '',
    '-- ',
    `Nurture. You get this because you own the lead. Choose what you are told, and how: PATCH ${api}/me/notification-preferences`,
    '',
  ];
  return { subject: leadHeadline(n), body: lines.join('\n') };
}

/**
 * The WhatsApp text, and the three parameters of a configured template
 * ({{1}} the headline, {{2}} what happened, in a line, {{3}} the link). A
 * template parameter may hold no line breaks, tabs or runs of spaces.
 */
export function leadNoticeShort(n: LeadNoticeInput): { text: string; params: [string, string, string] } {
  const headline = leadHeadline(n);
  // The lead's page in the web app: a phone opens it in the browser.
  const link = `${n.baseUrl}/leads/${n.lead.id}`;
  const detail = n.reply
    ? `"${clip(oneLine(n.reply.text), 300)}"`
    : n.engagement
      ? `${n.lead.humanOpens} human opens, ${n.lead.humanClicks} clicks${n.engagement.subject ? ` ("${clip(oneLine(n.engagement.subject), 100)}")` : ''}`
      : n.byUser
        ? `Marked by ${oneLine(n.byUser)}`
        : '';
  const contact = [n.lead.email, n.lead.phone ? oneLine(n.lead.phone) : null].filter(Boolean).join(', ');
  const text = [`Nurture — ${headline}`, ...(detail ? [detail] : []), contact, link].join('\n');
  return { text, params: [headline, oneLine(`${detail}${detail ? ' — ' : ''}${contact}`), link] };
}
