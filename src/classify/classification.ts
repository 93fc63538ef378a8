/**
 * The vocabulary of reply intelligence (SPEC §6.2, §11 `nurture classify`).
 * Every classifier module returns evidence — the phrases or headers that
 * decided — so the lead's timeline can say why.
 */
export const intents = [
  'stop',
  'meeting',
  'info_request',
  'connect_later',
  'not_interested',
  'wrong_person',
  'other',
] as const;
export type Intent = (typeof intents)[number];

export const languages = ['en', 'de', 'fr', 'es', 'pt', 'nl', 'it'] as const;
export type Language = (typeof languages)[number];

/** A bounce (RFC 3464 DSN or a non-standard one). `reason` uses sisimai's names. */
export type BounceInfo = {
  permanent: boolean;
  reason: string;
  status: string | null; // D.S.N. e.g. "5.1.1"
  replyCode: string | null; // SMTP reply code e.g. "550"
  recipient: string | null;
  diagnostic: string | null;
  /** The failure is the sender's doing (blocked, reputation, policy, auth): keep the lead, alert the assistant. */
  senderCaused: boolean;
  evidence: string[];
};

export type AutoReplyInfo = {
  outOfOffice: boolean;
  /** First day the person is back, YYYY-MM-DD in the message's own zone; null when not stated. */
  returnDate: string | null;
  evidence: string[];
};

export type MeetingProposal = { date: string; time: string | null };

export type IntentResult = {
  intent: Intent;
  confidence: number; // 0..1
  evidence: string[];
  language: Language | null;
  meeting: MeetingProposal | null;
  /** For connect_later: the day to check in again, YYYY-MM-DD. */
  connectLaterDate: string | null;
};
