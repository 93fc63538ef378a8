/**
 * Bounce parser entry point (SPEC §6.2 item 1): raw RFC 5322 message in,
 * `BounceInfo` out, or null when the message is not a delivery failure
 * report. Out-of-office replies are null too — the auto-reply module owns
 * them — while success DSNs come back with reason `delivered` and ARF
 * complaints with reason `feedback`.
 */
import type { BounceInfo } from '../classification.ts';
import { cleanAddress } from './addresses.ts';
import { parseFeedbackReport } from './arf.ts';
import { collectRecipients, type RecipientRecord } from './collect.ts';
import { detectBounce } from './detect.ts';
import { type BounceView, buildView } from './message-view.ts';
import { headerValue } from './mime-walk.ts';
import { decideReason, isPermanent, isSenderCaused } from './reason.ts';
import { parseSesNotification, type SesRecipient } from './ses-json.ts';
import { bestStatusIn, findReplyCode, isGenericStatus, replyStatusPair } from './status-codes.ts';

function compact(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Multi-line SMTP replies repeat their code on every line ("552-5.7.0 ...
 * potential 552-5.7.0 security issue"); drop the repeats so phrases that
 * straddle a line break still match.
 */
export function joinMultiline(text: string): string {
  const m = /\b([245]\d\d)-(?:([245]\.\d{1,3}\.\d{1,3})\s)?/.exec(text);
  if (!m?.[1]) return text;
  const head = text.slice(0, m.index + m[0].length);
  const status = m[2] ? `(?:${m[2].replace(/\./g, '\\.')}\\s)?` : '';
  const repeat = new RegExp(`\\s${m[1]}[- ]${status}`, 'g');
  return head + text.slice(head.length).replace(repeat, ' ');
}

/** Transcript echo markers and repeated multi-line prefixes removed. */
function cleanReply(text: string): string {
  return joinMultiline(compact(text.replace(/(?:<<<|>>>)\s?/g, ' ')));
}

/**
 * A DSN Diagnostic-Code cut after the first line of a multi-line reply ends
 * mid-sentence; the transcript in the notice has the rest of the same reply.
 */
function completeDiagnostic(diagnostic: string, noticeText: string): string {
  if (diagnostic.length < 20 || /[.!?)\]>]$/.test(diagnostic)) return diagnostic;
  const at = noticeText.indexOf(diagnostic);
  if (at < 0) return diagnostic;
  const rest = noticeText.slice(at + diagnostic.length);
  // Stop where another reply starts.
  const next = /\s[245]\d\d[\s-]/.exec(rest);
  return diagnostic + (next ? rest.slice(0, next.index) : rest);
}

type Context = { evidence: string[]; notice: string; noticeLower: string; hasDsn: boolean };

function toInfo(rec: RecipientRecord, ctx: Context): BounceInfo | null {
  const noticeText = cleanReply(rec.noticeText);
  const own = cleanReply(rec.diagnostic);
  const diagnostic = own ? completeDiagnostic(own, noticeText) : noticeText || cleanReply(ctx.notice);
  const everything = compact(`${diagnostic} ${noticeText}`);
  // The code the remote server put in its reply beats the reporting MTA's summary in Status:.
  const pair = replyStatusPair(diagnostic);
  let status = rec.status;
  if (pair && !pair.status.endsWith('.0.0') && pair.reply[0] === pair.status[0]) status = pair.status;
  else if (isGenericStatus(status)) status = bestStatusIn(diagnostic) ?? bestStatusIn(everything) ?? status;
  const replyCode = pair?.reply ?? findReplyCode(diagnostic) ?? findReplyCode(everything);
  const input = {
    diagnostic,
    status,
    replyCode,
    command: rec.command,
    action: rec.action,
    diagType: rec.diagType,
    recipient: rec.recipient,
    remoteMta: rec.remoteMta,
    notice: ctx.noticeLower,
  };
  let decided = decideReason(input);
  // The server's own reply decides; the notice's wording helps only when the reply says nothing usable.
  if ((decided.reason === 'onhold' || decided.reason === 'undefined') && everything !== diagnostic) {
    const again = decideReason({ ...input, diagnostic: everything });
    if (again.reason !== 'onhold' && again.reason !== 'undefined') decided = again;
  }
  if (decided.reason === 'vacation') return null;
  // A report that names the recipient but gives no reason at all (an empty DSN, a bare address list).
  const nothingSaid =
    (rec.source === 'notice' && ctx.hasDsn) || (rec.source !== 'notice' && !own && !noticeText);
  if (decided.reason === 'onhold' && nothingSaid && !status && !replyCode) {
    decided = { reason: 'undefined', evidence: 'no details' };
  }
  const reason = decided.reason;
  return {
    permanent: isPermanent(reason, status, replyCode),
    reason,
    status,
    replyCode,
    recipient: rec.recipient,
    diagnostic: diagnostic || null,
    senderCaused: isSenderCaused(reason),
    evidence: [
      ...ctx.evidence,
      `reason: ${decided.evidence}`,
      // Forwarded or aliased mail fails at another address; the lead is the one we wrote to.
      ...(rec.originalRecipient ? [`original-recipient: ${rec.originalRecipient}`] : []),
    ],
  };
}

function sesInfo(r: SesRecipient): BounceInfo | null {
  const evidence = [`Amazon SES ${r.sesType} notification`];
  if (r.kind === 'complaint') {
    return {
      permanent: false,
      reason: 'feedback',
      status: null,
      replyCode: null,
      recipient: r.recipient || null,
      diagnostic: null,
      senderCaused: false,
      evidence: [...evidence, `Feedback-Type: ${r.feedbackType}`],
    };
  }
  return toInfo(
    {
      recipient: r.recipient || null,
      status: r.status,
      diagnostic: r.diagnostic,
      diagType: 'SMTP',
      action: r.action,
      command: '',
      remoteMta: '',
      noticeText: '',
      source: 'dsn',
    },
    { evidence, notice: '', noticeLower: '', hasDsn: true },
  );
}

/** Apple Mail's one-click unsubscribe reply: an opt-out complaint from the person in From. */
function appleUnsubscribe(view: BounceView): BounceInfo[] | null {
  if ((headerValue(view.headers, 'x-apple-unsubscribe') ?? '').trim().toLowerCase() !== 'true') return null;
  return [
    {
      permanent: false,
      reason: 'feedback',
      status: null,
      replyCode: null,
      recipient: cleanAddress(view.from),
      diagnostic: view.notice.trim().slice(0, 300) || null,
      senderCaused: false,
      evidence: ['X-Apple-Unsubscribe: true', 'Feedback-Type: opt-out'],
    },
  ];
}

/** Every failed recipient in the report (multi-recipient bounces list several). Null when not a bounce. */
export function parseBounceAll(raw: Buffer | string): BounceInfo[] | null {
  return parseLevel(raw, 0);
}

/** Is this verdict built on nothing but boilerplate (no code, no reason)? */
const isEmpty = (infos: BounceInfo[] | null): boolean =>
  !infos ||
  infos.every((i) => !i.status && !i.replyCode && (i.reason === 'onhold' || i.reason === 'undefined'));

function parseLevel(raw: Buffer | string, depth: number): BounceInfo[] | null {
  const view = buildView(raw);
  const outer = parseView(view);
  // A forwarded bounce: the report that matters is the one inside.
  if (view.embedded && depth < 2 && isEmpty(outer)) {
    const inner = parseLevel(view.embedded, depth + 1);
    if (inner && !isEmpty(inner)) return inner;
  }
  return outer;
}

function parseView(view: BounceView): BounceInfo[] | null {
  const ses = parseSesNotification(view.noticeFull);
  if (ses) {
    const infos = ses.map(sesInfo).filter((i): i is BounceInfo => i !== null);
    return infos.length > 0 ? infos : null;
  }
  const unsubscribe = appleUnsubscribe(view);
  if (unsubscribe) return unsubscribe;
  const detection = detectBounce(view);
  if (!detection) return null;
  if (detection.kind === 'arf') {
    const fb = parseFeedbackReport(view.feedbackReport ?? '', view.notice, view.originalHeaders);
    const recipients = fb.recipients.length > 0 ? fb.recipients : [null];
    return recipients.map((recipient) => ({
      permanent: false,
      reason: 'feedback',
      status: null,
      replyCode: null,
      recipient,
      diagnostic: fb.summary || null,
      senderCaused: false,
      evidence: [...detection.evidence, `Feedback-Type: ${fb.feedbackType}`],
    }));
  }
  const records = collectRecipients(view);
  const infos: BounceInfo[] = [];
  const ctx: Context = {
    evidence: detection.evidence,
    notice: view.notice,
    noticeLower: view.notice.toLowerCase(),
    hasDsn: view.deliveryStatus.length > 0,
  };
  for (const rec of records) {
    const info = toInfo(rec, ctx);
    if (info) infos.push(info);
  }
  return infos.length > 0 ? infos : null;
}

/** The first failed recipient's verdict; null when the message is not a bounce (or is an auto-reply). */
export function parseBounce(raw: Buffer | string): BounceInfo | null {
  return parseBounceAll(raw)?.[0] ?? null;
}
