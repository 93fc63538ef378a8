/**
 * Gathers one record per failed recipient from every source a bounce may
 * have: RFC 3464 fields, the notice text, a Sendmail transcript, and the
 * X-Failed-Recipients header. DSN fields are preferred for the address and
 * codes; the notice text often has the better human explanation.
 */
import { cleanAddress, findAddresses, isDaemonAddress } from './addresses.ts';
import { type DsnRecipient, looksLikeDsnText, parseDeliveryStatus } from './dsn-fields.ts';
import type { BounceView } from './message-view.ts';
import { headerValue } from './mime-walk.ts';
import {
  commandIn,
  detailParagraphs,
  errorLines,
  parseTranscript,
  scanNotice,
  sentenceRecipient,
  type TextRecipient,
  transcriptText,
} from './text-scan.ts';

export type RecipientRecord = {
  recipient: string | null;
  status: string | null;
  diagnostic: string;
  diagType: string;
  action: string;
  command: string;
  remoteMta: string;
  /** Text from the notice about this recipient, when it differs from the DSN diagnostic. */
  noticeText: string;
  source: 'dsn' | 'text' | 'header' | 'notice';
  /** The address as the sender wrote it (DSN Original-Recipient), when it differs from `recipient`. */
  originalRecipient?: string;
};

function dsnRecipients(view: BounceView): DsnRecipient[] {
  const out: DsnRecipient[] = [];
  for (const body of view.deliveryStatus) {
    const report = parseDeliveryStatus(body);
    if (report) out.push(...report.recipients);
  }
  if (out.length === 0 && looksLikeDsnText(view.notice)) {
    const report = parseDeliveryStatus(view.notice);
    if (report) out.push(...report.recipients);
  }
  return out;
}

function findText(texts: TextRecipient[], ...addrs: Array<string | null>): TextRecipient | undefined {
  const wanted = addrs.filter((a): a is string => !!a).map((a) => a.toLowerCase());
  return texts.find((t) => wanted.includes(t.recipient.toLowerCase()));
}

/** Non-empty strings, each once, skipping those already contained in an earlier one. */
function unique(parts: string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (t && !out.some((o) => o.includes(t))) out.push(t);
  }
  return out;
}

/** Notice text with boilerplate lines removed, used when nothing better explains the failure. */
function noticeSummary(notice: string): string {
  return notice
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join(' ')
    .slice(0, 2000);
}

/** Addresses that sent the original message: the bounce's To and the original From are never recipients. */
function senders(view: BounceView): string[] {
  const out: string[] = [];
  for (const v of [headerValue(view.headers, 'to'), headerValue(view.originalHeaders, 'from')]) {
    if (v) out.push(...findAddresses(v));
  }
  return out;
}

/**
 * Postfix labels DNS and connection failures "X-Postfix" although nothing
 * local went wrong ("Host or domain name not found", "refused to talk to me:
 * 421 ..."); only a local mailer's complaint (procmail, a pipe) keeps the
 * mailer-error reading.
 */
function smtpLike(diagType: string, diagnostic: string): string {
  if (
    diagType === 'X-POSTFIX' &&
    !/procmail|maildrop|pipe to|command (?:output|died|failed)/i.test(diagnostic)
  ) {
    return 'SMTP';
  }
  return diagType;
}

/**
 * Final-Recipient is the address that failed (what sisimai reports); it
 * loses to Original-Recipient only when it is not a routable address, as
 * with Sun/Oracle servers' internal "user@sims-ms-daemon".
 */
function pickRecipient(final: string | null, original: string | null): string | null {
  const routable = (a: string | null): boolean => !!a && /^[^@\s]+@[^@\s]+\.[a-z0-9-]+$/i.test(a);
  if (routable(final)) return final;
  return routable(original) ? original : (final ?? original);
}

export function collectRecipients(view: BounceView): RecipientRecord[] {
  const texts = scanNotice(view.notice, senders(view));
  const transcript = parseTranscript(view.notice);
  const session = transcriptText(view.notice);
  const dsn = dsnRecipients(view);
  const records: RecipientRecord[] = [];

  for (const r of dsn) {
    const recipient = pickRecipient(r.finalRecipient, r.originalRecipient);
    const text = findText(texts, r.finalRecipient, r.originalRecipient);
    const tr = recipient ? transcript.get(recipient.toLowerCase()) : undefined;
    const extra = recipient ? errorLines(view.notice, recipient) : [];
    const noticeText = unique([text?.diagnostic ?? '', tr?.reply ?? '', ...extra]).join(' ');
    const command = tr?.command || commandIn(`${r.diagnostic} ${noticeText}`);
    const original =
      r.originalRecipient && r.originalRecipient.toLowerCase() !== recipient?.toLowerCase()
        ? r.originalRecipient
        : undefined;
    records.push({
      ...(original ? { originalRecipient: original } : {}),
      recipient,
      status: r.status,
      diagnostic: r.diagnostic,
      diagType: smtpLike(r.diagType, r.diagnostic),
      action: r.action,
      command,
      remoteMta: r.remoteMta,
      noticeText,
      source: 'dsn',
    });
  }
  if (records.length > 0) {
    // One recipient: the whole transcript and every coded line are about it.
    const only = records.length === 1 ? records[0] : undefined;
    if (only)
      only.noticeText = unique([only.noticeText, session, ...errorLines(view.notice, null)]).join(' ');
    return records;
  }

  // No address list, but the SMTP transcript names the recipients it tried.
  if (texts.length === 0) {
    for (const addr of transcript.keys()) texts.push({ recipient: addr, diagnostic: '', command: '' });
  }
  for (const t of texts) {
    const tr = transcript.get(t.recipient.toLowerCase());
    const own = errorLines(view.notice, t.recipient);
    const general =
      texts.length === 1 ? [session, ...errorLines(view.notice, null), ...detailParagraphs(view.notice)] : [];
    const diagnostic = unique([t.diagnostic, tr?.reply ?? '', ...own, ...general]).join(' ');
    records.push({
      recipient: t.recipient,
      status: null,
      diagnostic,
      diagType: '',
      action: '',
      command: tr?.command || commandIn(diagnostic),
      remoteMta: '',
      noticeText: '',
      source: 'text',
    });
  }
  if (records.length > 0) return records;

  const failed = headerValue(view.headers, 'x-failed-recipients');
  const headerAddrs = failed ? findAddresses(failed).filter((a) => !isDaemonAddress(a)) : [];
  const fallback =
    headerAddrs.length > 0
      ? headerAddrs
      : [
          sentenceRecipient(view.notice, senders(view)) ??
            cleanAddress(headerValue(view.originalHeaders, 'to') ?? ''),
        ];
  const summary = noticeSummary(view.notice);
  for (const a of fallback) {
    records.push({
      recipient: a,
      status: null,
      diagnostic: summary,
      diagType: '',
      action: '',
      command: commandIn(summary),
      remoteMta: '',
      noticeText: '',
      source: headerAddrs.length > 0 ? 'header' : 'notice',
    });
  }
  return records;
}
