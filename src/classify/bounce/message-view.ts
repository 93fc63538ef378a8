/**
 * Turns a MIME tree into the pieces a bounce parser reads: the notice text a
 * human would see, the machine-readable report parts, and the headers of the
 * returned original message. Everything inside the returned message is kept
 * apart so its addresses and words never leak into the verdict.
 */
import {
  decodeEncodedWords,
  type Header,
  headerValue,
  type MimePart,
  parseHeaderBlock,
  parseMime,
  splitHeaderBody,
  toBinaryString,
} from './mime-walk.ts';

export type BounceView = {
  headers: Header[];
  subject: string;
  from: string;
  contentType: string;
  reportType: string;
  /** Bodies of message/delivery-status parts (and text parts that carry DSN fields). */
  deliveryStatus: string[];
  /** Body of a message/feedback-report part (ARF). */
  feedbackReport: string | null;
  /** Human-readable notice, cut before the returned message. */
  notice: string;
  /** The notice before cutting (single-part bounces carry the returned message inline). */
  noticeFull: string;
  /** Headers of the returned message, when present. */
  originalHeaders: Header[];
  /**
   * A whole bounce carried inside this message (forwarded by a mailbox owner
   * or a list manager): the raw text of an attached or inline message that
   * itself comes from a mailer daemon. Null when there is none.
   */
  embedded: string | null;
};

const EMBEDDED_BOUNCE =
  /^(?:From MAILER-DAEMON|From: .*(?:mailer-daemon|postmaster|mail delivery)|Return-Path: <>)/im;

/**
 * Lines that introduce the returned message in single-part bounces. Kept
 * broad on purpose: cutting a little too early loses a sentence of notice,
 * cutting too late lets the original message's addresses pose as recipients.
 */
const ORIGINAL_MARKERS: RegExp[] = [
  /^-+ ?this is a copy of the message.*$/im,
  /^-+ ?below this line is a copy of the message/im,
  /^-+ ?original message/im,
  /^-+ ?original mail/im,
  /^-+ ?(?:the )?(?:unsent|returned|undelivered|undeliverable) message/im,
  /^-+ ?message (?:header|headers|text) follows/im,
  /^-+ ?(?:the )?(?:header|headers) of (?:the )?original message/im,
  /^-+ ?returned (?:mail|message)/im,
  /^-+ ?forwarded message/im,
  /^-+ ?start of (?:the )?returned message/im,
  /^original message headers:\s*$/im,
  /^message headers follow/im,
  /^(?:a )?summary of the undelivered message/im,
  /^(?:received|return-path):\s?\S/im,
  /^-+ ?original message headers/im,
  /^content-type:\s*message\/rfc822/im,
  /^-+ ?copy of (?:the )?message/im,
  /^-+ ?(?:the )?original (?:message|mail) (?:is|was) (?:attached|following|below)/im,
  /^\s*-+ ?transcript of session follows ?-+/im,
];

/** Cut `text` at the first marker of the original message (the transcript marker only ends the notice proper). */
export function cutAtOriginal(text: string): string {
  let cut = text.length;
  for (const re of ORIGINAL_MARKERS) {
    if (re.source.includes('transcript')) continue;
    const m = re.exec(text);
    if (m && m.index < cut && m.index > 0) cut = m.index;
  }
  return text.slice(0, cut);
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 200);
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) < 9) return true;
  return false;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(?:script|style)[\s\S]*?<\/(?:script|style)>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d|pre|table)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&')
    .replace(/[ \t]+\n/g, '\n');
}

/** Leaf parts of the report, not descending into returned messages. */
function reportLeaves(root: MimePart, out: MimePart[], originals: MimePart[]): void {
  if (root.contentType === 'message/rfc822' || root.contentType === 'message/global') {
    originals.push(root);
    return;
  }
  if (root.contentType === 'text/rfc822-headers' || root.contentType === 'message/global-headers') {
    originals.push(root);
    return;
  }
  if (root.children.length === 0) {
    out.push(root);
    return;
  }
  // multipart/alternative: the plain version is enough, html only when there is no plain one.
  if (root.contentType === 'multipart/alternative') {
    const plain = root.children.find((c) => c.contentType === 'text/plain');
    if (plain) {
      reportLeaves(plain, out, originals);
      return;
    }
  }
  for (const c of root.children) reportLeaves(c, out, originals);
}

export function buildView(raw: Buffer | string): BounceView {
  const src = toBinaryString(raw);
  const root = parseMime(src);
  const leaves: MimePart[] = [];
  const originals: MimePart[] = [];
  reportLeaves(root, leaves, originals);

  const deliveryStatus: string[] = [];
  let feedbackReport: string | null = null;
  const noticeParts: string[] = [];
  for (const leaf of leaves) {
    const t = leaf.contentType;
    if (t === 'message/delivery-status' || t === 'message/global-delivery-status') {
      deliveryStatus.push(leaf.text);
    } else if (t === 'message/feedback-report') {
      feedbackReport = leaf.text;
    } else if (t === 'text/html') {
      noticeParts.push(htmlToText(leaf.text));
    } else if (
      t.startsWith('text/') ||
      // A multipart whose boundary could not be found is plain text to us.
      t.startsWith('multipart/') ||
      t === 'message/disposition-notification' ||
      t === 'application/octet-stream'
    ) {
      // Some MTAs label the report text as octet-stream; binary attachments are filtered by the line test.
      if (t === 'application/octet-stream' && looksBinary(leaf.text)) continue;
      noticeParts.push(leaf.text);
    }
  }
  const full = noticeParts.join('\n');
  const notice = cutAtOriginal(full);
  let originalHeaders: Header[] = [];
  const firstOriginal = originals[0];
  if (firstOriginal) {
    originalHeaders =
      firstOriginal.children[0]?.headers ?? parseHeaderBlock(splitHeaderBody(firstOriginal.text).head);
  } else {
    const rest = full.slice(notice.length);
    const hm = /^(?:return-path|received|from|to|subject|date|message-id|x-[a-z-]+):/im.exec(rest);
    if (hm) originalHeaders = parseHeaderBlock(splitHeaderBody(rest.slice(hm.index)).head);
  }
  let embedded: string | null = null;
  const attached = firstOriginal?.text ?? '';
  if (attached && EMBEDDED_BOUNCE.test(splitHeaderBody(attached).head)) embedded = attached;
  else {
    const inline = EMBEDDED_BOUNCE.exec(full.slice(notice.length));
    if (inline)
      embedded = full.slice(notice.length + inline.index).replace(/^From MAILER-DAEMON[^\n]*\n/, '');
  }
  const contentType = root.contentType;
  return {
    headers: root.headers,
    subject: decodeEncodedWords(headerValue(root.headers, 'subject') ?? ''),
    from: decodeEncodedWords(headerValue(root.headers, 'from') ?? ''),
    contentType,
    reportType: (root.params['report-type'] ?? '').toLowerCase(),
    deliveryStatus,
    feedbackReport,
    notice,
    noticeFull: full,
    originalHeaders,
    embedded,
  };
}
