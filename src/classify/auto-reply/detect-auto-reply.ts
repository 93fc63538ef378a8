/**
 * Auto-reply detection (SPEC §6.2 item 2): is this inbound message an
 * automatic answer, and if so an out-of-office or another autoresponder
 * ("ticket received")? Out-of-office replies pause the lead until its return
 * date (`return-date.ts`); other autoresponders change nothing; neither is
 * ever answered.
 *
 * Order of evidence:
 * 1. Delivery reports are not auto-replies: a multipart/report delivery-status
 *    or feedback report, or a message that looks like a bounce
 *    (`bounce-guard.ts`), is left to the bounce parser, which runs first.
 *    A read receipt (disposition-notification) is an autoresponder.
 * 2. `Auto-Submitted: no` is the client saying a human wrote it: not automatic.
 *    Apple Mail's unsubscribe message is automatic in form but an opt-out in
 *    substance, so it is not an auto-reply either (it must reach `stop`).
 * 3. Headers (`header-signals.ts`) are decisive when present.
 * 4. Without them, text rules anchored where clients put their markers: the
 *    subject prefix ("Automatic reply:", "Abwesenheitsnotiz", "AUTO: … is out
 *    of the office") or an out-of-office opening sentence confirmed by
 *    auto-reply boilerplate (`body-rules.ts`). A human's "I was on vacation
 *    last week, but yes let's talk" matches neither.
 * Kind: absence vocabulary in subject or body → out_of_office; otherwise
 * ticket/no-longer-in-use vocabulary → autoresponder; otherwise a header or
 * subject that names an absence (Apple VACATION, Zimbra vacation, Exchange
 * OOF, "Out of Office:") → out_of_office; otherwise autoresponder, since
 * pausing a lead needs a positive sign of absence.
 */
import {
  autoresponderOpening,
  autoresponderVocabularyIn,
  outOfOfficeOpening,
  outOfOfficeVocabularyIn,
} from './body-rules.ts';
import { looksLikeBounce } from './bounce-guard.ts';
import { type HeaderSource, normalizeHeaders } from './header-map.ts';
import { readHeaderSignals } from './header-signals.ts';
import { subjectMarker } from './subject-rules.ts';
import { stripQuotedHistory } from './text-windows.ts';

export type AutoReplyKind = 'out_of_office' | 'autoresponder';

export type AutoReplyInput = {
  /** See `header-map.ts`: a Map or plain object, any name casing, raw string values. */
  headers: HeaderSource;
  subject: string;
  /** The plain-text body (mailparser's `text`). */
  text: string;
  /** The sender address or the From header's text; null when there is none. */
  from: string | null;
};

export type AutoReplyDetection = { autoReply: boolean; kind: AutoReplyKind | null; evidence: string[] };

const notAutomatic = (evidence: string[] = []): AutoReplyDetection => ({
  autoReply: false,
  kind: null,
  evidence,
});

export function detectAutoReply(input: AutoReplyInput): AutoReplyDetection {
  const headers = normalizeHeaders(input.headers);
  const subject = input.subject ?? '';
  const text = stripQuotedHistory(input.text ?? '');
  const signals = readHeaderSignals(headers, subject);

  if (signals.report === 'delivery-status' || signals.report === 'feedback-report') {
    return notAutomatic([...signals.evidence, 'delivery or feedback report: left to the bounce parser']);
  }
  if (signals.report === 'disposition-notification') {
    return { autoReply: true, kind: 'autoresponder', evidence: [...signals.evidence, 'read receipt'] };
  }
  const bounce = looksLikeBounce(headers, subject, text, input.from);
  if (bounce) return notAutomatic([bounce]);
  if (signals.explicitlyHuman) return notAutomatic(['Auto-Submitted: no']);
  if (signals.unsubscribeRequest) {
    return notAutomatic([...signals.evidence, 'unsubscribe request: left to intent classification (stop)']);
  }

  const evidence = [...signals.evidence];
  const marker = subjectMarker(subject);
  if (marker) evidence.push(`subject marker: ${marker.marker}`);
  let automatic = signals.auto || marker !== null;
  if (!automatic) {
    const opening = outOfOfficeOpening(text) ?? autoresponderOpening(text);
    if (opening) {
      evidence.push(`opening: ${opening.slice(0, 140)}`);
      automatic = true;
    }
  }
  if (!automatic) return notAutomatic();

  const absence = outOfOfficeVocabularyIn(subject) ?? outOfOfficeVocabularyIn(text.slice(0, 3000));
  if (absence)
    return { autoReply: true, kind: 'out_of_office', evidence: [...evidence, `absence: ${absence}`] };
  const responder = autoresponderVocabularyIn(`${subject}\n${text.slice(0, 3000)}`);
  if (responder)
    return { autoReply: true, kind: 'autoresponder', evidence: [...evidence, `autoresponder: ${responder}`] };
  const namedAbsence = signals.outOfOffice || marker?.outOfOffice === true;
  return { autoReply: true, kind: namedAbsence ? 'out_of_office' : 'autoresponder', evidence };
}
