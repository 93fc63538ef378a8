import { type ParsedMail, simpleParser } from 'mailparser';
import { MAX_AUTO_REPLY_TEXT_CHARS } from './analysis-limits.ts';
import { zoneFromDateHeader } from './auto-reply/calendar.ts';
import { detectAutoReply } from './auto-reply/detect-auto-reply.ts';
import { extractReturnDate } from './auto-reply/return-date.ts';
import { parseBounce } from './bounce/parse-bounce.ts';
import type { BounceInfo, Intent, MeetingProposal } from './classification.ts';
import { classifyIntent } from './intent/classify-intent.ts';
import type { OrgAdapter } from './intent/org-adapter.ts';
import { headerValue } from './raw-headers.ts';
import { stripReply } from './reply-text/strip-reply.ts';

export type MessageKind = 'bounce' | 'auto_reply' | 'reply';
export type ClassifiedState = 'deactivated' | 'out_of_office' | 'hot' | 'responded' | 'unchanged';

/** SPEC §11 `nurture classify`, plus what the pipeline needs to act. */
export type Classification = {
  kind: MessageKind;
  state: ClassifiedState;
  subState: string | null;
  intent: Intent | null;
  returnDate: string | null;
  meeting: MeetingProposal | null;
  bounce: Pick<BounceInfo, 'permanent' | 'reason' | 'status' | 'recipient'> | null;
  confidence: number;
  evidence: string[];
  // Beyond the contract: details the pipeline acts on.
  details: {
    senderCaused?: boolean;
    diagnostic?: string | null;
    autoReplyKind?: 'out_of_office' | 'autoresponder';
    connectLaterDate?: string | null;
    language?: string | null;
    replyText?: string;
    /** The quoted history under the reply, kept so the lead's conversation can fold it. */
    quotedText?: string;
    sentAt: string | null;
    utcOffsetMinutes: number;
  };
};

const intentOutcome: Record<Intent, { state: ClassifiedState; subState: string }> = {
  stop: { state: 'deactivated', subState: 'StopRequest' },
  meeting: { state: 'hot', subState: 'MeetingAccepted' },
  info_request: { state: 'responded', subState: 'InfoRequest' },
  connect_later: { state: 'responded', subState: 'ConnectLater' },
  not_interested: { state: 'responded', subState: 'NotInterested' },
  wrong_person: { state: 'responded', subState: 'WrongPerson' },
  other: { state: 'responded', subState: 'Other' },
};

/** Reasons that say nothing about the address: such a hard bounce cannot decide (§6.2). */
const uninformative = new Set(['undefined', 'onhold', 'systemerror', 'mailererror', 'notaccept']);

/**
 * What an inbound message is and what it means for its lead, offline and
 * pure (no database): bounce first (many DSNs also carry auto-reply headers),
 * then auto-reply, then a human reply's intent on its stripped text. Dates
 * resolve against the message's own Date header and zone.
 */
export async function classifyMessage(
  raw: Buffer,
  opts: { orgAdapter?: OrgAdapter; now?: Date; parsed?: ParsedMail } = {},
): Promise<Classification> {
  const dateHeader = headerValue(raw, 'date');
  const zone = (dateHeader && zoneFromDateHeader(dateHeader)) ?? '+00:00';
  const utcOffsetMinutes = offsetMinutes(zone);
  const parsedDate = dateHeader ? new Date(dateHeader) : null;
  const sentAt = parsedDate && !Number.isNaN(parsedDate.getTime()) ? parsedDate : null;
  const base = { returnDate: null, meeting: null, bounce: null, intent: null } as const;
  const details = { sentAt: sentAt?.toISOString() ?? null, utcOffsetMinutes };

  const bounce = parseBounce(raw);
  if (bounce) {
    const summary = {
      permanent: bounce.permanent,
      reason: bounce.reason,
      status: bounce.status,
      recipient: bounce.recipient,
    };
    const d = { ...details, senderCaused: bounce.senderCaused, diagnostic: bounce.diagnostic };
    if (bounce.reason === 'feedback')
      return {
        ...base,
        kind: 'bounce',
        state: 'deactivated',
        subState: 'SpamComplaint',
        bounce: summary,
        confidence: 0.99,
        evidence: bounce.evidence,
        details: d,
      };
    if (bounce.reason === 'delivered' || bounce.senderCaused || !bounce.permanent)
      return {
        ...base,
        kind: 'bounce',
        state: 'unchanged',
        subState: null,
        bounce: summary,
        confidence: 0.9,
        evidence: bounce.evidence,
        details: d,
      };
    const cannotTell = uninformative.has(bounce.reason) || !bounce.recipient;
    return {
      ...base,
      kind: 'bounce',
      state: 'deactivated',
      subState: cannotTell ? 'CannotDetermine' : 'BounceDeactivated',
      bounce: summary,
      confidence: cannotTell ? 0.6 : 0.95,
      evidence: bounce.evidence,
      details: d,
    };
  }

  const mail =
    opts.parsed ??
    (await simpleParser(raw, {
      skipImageLinks: true,
      skipTextToHtml: true,
      maxHtmlLengthToParse: 2_000_000,
    }));
  const text = (mail.text ?? '').slice(0, MAX_AUTO_REPLY_TEXT_CHARS);
  const auto = detectAutoReply({
    headers: headerRecord(mail),
    subject: mail.subject ?? '',
    text,
    from: mail.from?.value[0]?.address ?? null,
  });
  if (auto.autoReply) {
    if (auto.kind === 'out_of_office') {
      const r = extractReturnDate(text, mail.subject ?? '', sentAt ?? opts.now ?? new Date(), zone);
      return {
        ...base,
        kind: 'auto_reply',
        state: 'out_of_office',
        subState: 'OutOfOffice',
        returnDate: r.returnDate,
        confidence: 0.95,
        evidence: [...auto.evidence, ...(r.evidence ? [`return: ${r.evidence}`] : [])],
        details: { ...details, autoReplyKind: 'out_of_office' },
      };
    }
    return {
      ...base,
      kind: 'auto_reply',
      state: 'unchanged',
      subState: null,
      confidence: 0.9,
      evidence: auto.evidence,
      details: { ...details, autoReplyKind: 'autoresponder' },
    };
  }

  const stripped = stripReply({
    text: mail.text ?? null,
    html: typeof mail.html === 'string' ? mail.html : null,
  });
  const result = classifyIntent(stripped.reply, {
    sentAt: sentAt ?? opts.now ?? new Date(),
    utcOffsetMinutes,
    orgAdapter: opts.orgAdapter,
  });
  const outcome = intentOutcome[result.intent];
  return {
    ...base,
    kind: 'reply',
    state: outcome.state,
    subState: outcome.subState,
    intent: result.intent,
    meeting: result.intent === 'meeting' ? result.meeting : null,
    confidence: result.confidence,
    evidence: result.evidence,
    details: {
      ...details,
      connectLaterDate: result.connectLaterDate,
      language: result.language,
      replyText: stripped.reply,
      quotedText: stripped.quoted,
    },
  };
}

/** mailparser's headers as plain strings (its structured values flattened back). */
function headerRecord(mail: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of mail.headerLines) {
    const value = line.line.slice(line.line.indexOf(':') + 1).trim();
    out[line.key] = out[line.key] ? `${out[line.key]}, ${value}` : value;
  }
  return out;
}

function offsetMinutes(zone: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
