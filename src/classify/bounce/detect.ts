/**
 * Is this message a delivery failure report at all? DSN markers are checked
 * first and win over auto-reply markers, because most DSNs also carry
 * `Auto-Submitted: auto-replied` / `auto-generated` (RFC 3834 says they should).
 */

import type { BounceView } from './message-view.ts';
import { headerValue } from './mime-walk.ts';

export type Detection = { kind: 'dsn' | 'arf' | 'text'; evidence: string[] };

const BOUNCE_SUBJECTS: RegExp[] = [
  /undeliver(?:able|ed)/i,
  /delivery (?:status )?notification/i,
  /delivery (?:has )?fail/i,
  /(?:mail|message) delivery (?:failed|failure|error|problem|report)/i,
  /returned mail/i,
  /return(?:ed|ing)? to sender/i,
  /failure notice/i,
  /failed mail/i,
  /user unknown|no such user|unknown user/i,
  /delivery failure/i,
  /non[- ]?deliver/i,
  /not (?:be )?delivered/i,
  /could not (?:be )?(?:send|sent|deliver)/i,
  /delivery (?:report|problem|error|final failure|warning|delayed|notice)/i,
  /mail system error/i,
  /mail failure/i,
  /error sending your (?:mail|message)/i,
  /warning: could not send/i,
  /delayed mail/i,
  /\bdelayed\b/i,
  /mail delivery system/i,
  /message (?:delayed|rejected|blocked|bounced|not sent)/i,
  /\bbounced?\b/i,
  /\bnotice of non-?delivery/i,
  /\bundelivered\b/i,
  /permanent (?:delivery )?(?:error|failure)/i,
  /\bdsn\b/i,
  /mail could not be delivered/i,
  /unable to deliver/i,
  /rejected:/i,
  // French, Italian, Spanish, Portuguese, German, Dutch, Polish
  /non remis|non distribu|(?:é|e)chec de (?:la )?(?:remise|distribution)|message non d(?:é|e)livr|avis de non-remise/i,
  /non recapitabil|mancato recapito|impossibile recapitare|errore di consegna/i,
  /no se puede entregar|no entregado|no se pudo entregar|error en la entrega|devuelto|notificaci(?:ó|o)n de estado de entrega/i,
  /n(?:ã|a)o (?:é possível|foi possível) entregar|n(?:ã|a)o entregue|falha na entrega/i,
  /unzustellbar|nicht zustellbar|zustellungsfehler|fehler beim zustellen|nicht zugestellt/i,
  /onbestelbaar|niet bezorgd|kan niet worden bezorgd/i,
  /niedostarczon|nie dostarczono|zwrot/i,
  // Russian, Japanese, Chinese
  /не доставлен|недоставлен|ошибка доставки|не может быть доставлено|не удалось доставить|возврат/i,
  /配信|不達|未達|送信できません|届きません|宛先不明|エラー|返送|戻り/,
  /退信|投递失败|无法投递|系统退信/,
];

const AUTO_REPLY_SUBJECTS: RegExp[] = [
  /out of (?:the )?office/i,
  /automatic reply/i,
  /auto(?:matic)?[- ]?(?:reply|response|responder|antwort|svar|risposta|respuesta|réponse|reponse)/i,
  /^auto:/i,
  /^autoreply/i,
  /\bvacation\b/i,
  /abwesenheit/i,
  /réponse automatique|absence/i,
  /respuesta automática|fuera de la oficina/i,
  /fuori sede|risposta automatica/i,
  /afwezig|automatisch antwoord/i,
  /frånvaro|automatisk svar/i,
  /resposta automática|fora do escritório/i,
  /away from (?:my|the) (?:desk|office)/i,
];

const DAEMON_FROM =
  /mailer-daemon|mail-daemon|postmaster|mail delivery (?:system|subsystem|service)|mail administrator|mailer_daemon|\bmaildaemon\b|system administrator|internet mail delivery|delivery status notification|mail delivery|mailer@|\bmdaemon\b|post_master/i;

const STRICT_DAEMON = /\b(?:mailer-daemon|mail-daemon|mdaemon)@|^\s*mailer-daemon\s*$/i;

const BOUNCE_BODY: RegExp[] = [
  /(?:mail|message) has been returned/i,
  /not (?:yet )?been delivered/i,
  /failed addresses/i,
  /could(?: not|n't) be delivered/i,
  /was(?: not|n't) (?:able to be )?delivered/i,
  /undeliverable/i,
  /delivery (?:has |to the following recipients? )?failed/i,
  /the following address(?:es|\(es\))? failed/i,
  /i(?:'m| am) (?:afraid|sorry)[^\n]{0,40} (?:wasn't|not) able to deliver/i,
  /this is the mail system at host/i,
  /this is the qmail-send program/i,
  /permanent (?:fatal )?errors?/i,
  /did not reach the following recipient/i,
  /unable to deliver/i,
  /could not deliver/i,
  /delivery to the following recipients?/i,
  /transcript of session follows/i,
  /your message (?:cannot|could not|can't) be delivered/i,
  /message (?:was|has been) (?:rejected|blocked|returned)/i,
  /has not been delivered/i,
  /failed to deliver/i,
  /delivery (?:attempts|problem|report|failure|notification)/i,
  /returned to sender|returning message to sender/i,
  /not (?:be )?delivered to/i,
  /following (?:recipients?|addresses) (?:could not|cannot|failed)/i,
  /message (?:could not|cannot) be (?:sent|forwarded)/i,
  /remote (?:host|server|mail server) (?:said|rejected|responded)/i,
  /smtp error/i,
  /trouble delivering/i,
  /rejected (?:your |the )?recipient/i,
  /requested action not taken/i,
  /invalid (?:user|recipient) address/i,
  /malformed (?:recipient )?address|incorrectly constructed/i,
  /message delivery failed/i,
  /is undeliverable/i,
  /配信|送信できませんでした|届きませんでした|宛先|不達/,
  /не (?:может быть )?доставлен|не удалось доставить/i,
  /non (?:è stato possibile|recapitat)|impossibile recapitare/i,
  /n'a pas pu être (?:remis|distribué|délivré)|ne peut pas être (?:remis|distribué)|impossible de (?:remettre|distribuer)/i,
  /no (?:se )?(?:ha )?(?:podido|pudo) (?:ser )?entregar/i,
  /konnte nicht zugestellt|nicht zugestellt werden|unzustellbar/i,
];

function hasHeader(view: BounceView, name: string): boolean {
  return headerValue(view.headers, name) !== null;
}

/**
 * Auto-reply markers strong enough to reject a message that has no DSN
 * structure. `Auto-Submitted: auto-replied` alone is not one: Postfix and
 * many others put it on their bounces.
 */
export function autoReplyEvidence(view: BounceView): string[] {
  const ev: string[] = [];
  for (const h of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-apple-action', 'x-autogenerated']) {
    if (hasHeader(view, h)) ev.push(h);
  }
  const suppress = (headerValue(view.headers, 'x-auto-response-suppress') ?? '').toLowerCase();
  if (suppress && /oof|autoreply/.test(suppress) && !/\bndr\b/.test(suppress))
    ev.push('X-Auto-Response-Suppress');
  const prec = (headerValue(view.headers, 'precedence') ?? '').toLowerCase();
  if (prec === 'auto_reply') ev.push('Precedence: auto_reply');
  for (const re of AUTO_REPLY_SUBJECTS) {
    if (re.test(view.subject)) {
      ev.push(`subject ${re.source}`);
      break;
    }
  }
  return ev;
}

/** A line with an SMTP reply or enhanced status code next to error wording. */
const CODE_LINE = /(?:^|[\s:([])(?:[45][0-5]\d[\s-]|[45]\.\d{1,3}\.\d{1,3}\b)/m;

/**
 * Challenge-response systems (Boxbe, Bluebottle…) hold the message until the
 * sender proves to be human; they dress up as DSNs but nothing bounced.
 */
const CHALLENGE =
  /has been waitlisted|guest list|challenge[- ]response|verify (?:that )?you are (?:a )?(?:human|real person)|prove (?:that )?you are (?:a )?(?:human|real person)|awaiting your verification/i;

export function detectBounce(view: BounceView): Detection | null {
  if (CHALLENGE.test(view.notice)) return null;
  const ev: string[] = [];
  // Microsoft's JMRP complaints are not ARF: the complained-about message comes back with this header.
  const jmrp = headerValue(view.originalHeaders, 'x-hmxmroriginalrecipient') !== null;
  if (view.feedbackReport !== null || view.reportType === 'feedback-report' || jmrp) {
    return { kind: 'arf', evidence: ['multipart/report; report-type=feedback-report'] };
  }
  if (view.reportType === 'delivery-status') ev.push('multipart/report; report-type=delivery-status');
  if (view.deliveryStatus.length > 0) ev.push('message/delivery-status part');
  if (hasHeader(view, 'x-failed-recipients')) ev.push('X-Failed-Recipients');
  if (ev.length > 0) return { kind: 'dsn', evidence: ev };

  const daemon = DAEMON_FROM.test(view.from);
  const subjectHit = BOUNCE_SUBJECTS.some((re) => re.test(view.subject));
  const bodyHit = BOUNCE_BODY.find((re) => re.test(view.notice));
  const returnPath = headerValue(view.headers, 'return-path');
  const nullSender = returnPath !== null && /^<?\s*>?$/.test(returnPath.trim());
  const codeLine = CODE_LINE.test(view.notice);

  if (autoReplyEvidence(view).length > 0 && !(subjectHit && (bodyHit || codeLine))) return null;
  const evidence = [
    daemon ? `From: ${view.from}` : '',
    subjectHit ? `Subject: ${view.subject}` : '',
    bodyHit ? `body: ${bodyHit.source}` : '',
    nullSender ? 'Return-Path: <>' : '',
    codeLine ? 'SMTP code in notice' : '',
  ].filter(Boolean);
  const wording = subjectHit || !!bodyHit;
  if (wording && (daemon || nullSender || (subjectHit && !!bodyHit) || codeLine))
    return { kind: 'text', evidence };
  if (daemon && codeLine) return { kind: 'text', evidence };
  // The mailer daemon itself (not a "Mail Delivery" display name) writes only reports.
  if (STRICT_DAEMON.test(view.from)) return { kind: 'text', evidence };
  return null;
}
