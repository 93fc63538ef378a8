/**
 * RFC 3464 `message/delivery-status` bodies: one per-message field group,
 * then one group per recipient. Real MTAs do not always separate the groups
 * with a blank line, so a new `Final-Recipient`/`Original-Recipient` pair
 * also starts a group.
 */
import { cleanAddress } from './addresses.ts';

export type DsnRecipient = {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: string;
  status: string | null;
  /** The text after "smtp;" with continuation lines joined. */
  diagnostic: string;
  /** The type before ";" in Diagnostic-Code, upper-cased (SMTP, X-UNIX, X-POSTFIX…). */
  diagType: string;
  remoteMta: string;
  /** Fields we did not model, lower-case name → value (X-Supplementary-Info, X-Display-Name…). */
  extra: Record<string, string>;
};

export type DsnReport = {
  reportingMta: string;
  recipients: DsnRecipient[];
};

const RECIPIENT_FIELDS = new Set([
  'final-recipient',
  'original-recipient',
  'action',
  'status',
  'diagnostic-code',
  'remote-mta',
  'last-attempt-date',
  'will-retry-until',
  'x-actual-recipient',
]);

function unfold(text: string): Array<{ name: string; value: string; blankBefore: boolean }> {
  const out: Array<{ name: string; value: string; blankBefore: boolean }> = [];
  let blank = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      blank = true;
      continue;
    }
    const last = out[out.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s?(.*)$/.exec(line);
    if (!m) {
      // Free text glued after a Diagnostic-Code (some Exchange and Domino reports).
      if (last && last.name === 'diagnostic-code' && !blank) last.value += ` ${line.trim()}`;
      continue;
    }
    out.push({ name: (m[1] ?? '').toLowerCase(), value: (m[2] ?? '').trim(), blankBefore: blank });
    blank = false;
  }
  return out;
}

function typedValue(value: string): { type: string; value: string } {
  const m = /^([A-Za-z0-9-]+)\s*;\s*(.*)$/s.exec(value);
  if (!m) return { type: '', value: value.trim() };
  return { type: (m[1] ?? '').toUpperCase(), value: (m[2] ?? '').trim() };
}

function emptyRecipient(): DsnRecipient {
  return {
    finalRecipient: null,
    originalRecipient: null,
    action: '',
    status: null,
    diagnostic: '',
    diagType: '',
    remoteMta: '',
    extra: {},
  };
}

/** Parse a delivery-status body. Returns null when it has no recipient fields at all. */
export function parseDeliveryStatus(text: string): DsnReport | null {
  const fields = unfold(text);
  const report: DsnReport = { reportingMta: '', recipients: [] };
  let current: DsnRecipient | null = null;
  const startNew = (): DsnRecipient => {
    const r = emptyRecipient();
    report.recipients.push(r);
    return r;
  };
  for (const f of fields) {
    if (f.name === 'reporting-mta') {
      report.reportingMta = typedValue(f.value).value;
      continue;
    }
    if (!RECIPIENT_FIELDS.has(f.name)) {
      if (current && f.name.startsWith('x-')) current.extra[f.name] = f.value;
      continue;
    }
    const isAddressField = f.name === 'final-recipient' || f.name === 'original-recipient';
    if (
      !current ||
      (f.blankBefore && isAddressField) ||
      (f.name === 'final-recipient' && current.finalRecipient) ||
      (f.name === 'original-recipient' && current.originalRecipient) ||
      (f.name === 'action' && current.action) ||
      (f.name === 'status' && current.status)
    ) {
      current = startNew();
    }
    const tv = typedValue(f.value);
    switch (f.name) {
      case 'final-recipient':
        current.finalRecipient = cleanAddress(tv.value);
        break;
      case 'original-recipient':
        current.originalRecipient = cleanAddress(tv.value);
        break;
      case 'x-actual-recipient':
        current.extra[f.name] = tv.value;
        break;
      case 'action':
        current.action = f.value.toLowerCase().split(/[\s(]/)[0] ?? '';
        break;
      case 'status': {
        const m = /([245])\.(\d{1,3})\.(\d{1,3})/.exec(f.value);
        current.status = m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : null;
        // "Status: 4.0.0 (host name lookup failure)": the comment is the only explanation some MTAs give.
        const comment = /\((.+)\)\s*$/.exec(f.value)?.[1];
        if (comment) current.extra.statuscomment = comment;
        break;
      }
      case 'diagnostic-code':
        current.diagnostic = tv.value;
        current.diagType = tv.type;
        break;
      case 'remote-mta':
        current.remoteMta = tv.value;
        break;
      default:
        break;
    }
  }
  report.recipients = report.recipients.filter((r) => r.finalRecipient || r.originalRecipient);
  for (const r of report.recipients) {
    const comment = r.extra.statuscomment;
    if (
      !r.diagnostic &&
      comment &&
      !/^(?:permanent|temporary|persistent|transient) failure$/i.test(comment)
    ) {
      r.diagnostic = comment;
    }
  }
  return report.recipients.length > 0 ? report : null;
}

/** Does free text carry DSN fields (vendors that put the report in text/plain)? */
export function looksLikeDsnText(text: string): boolean {
  return /^(?:final|original)-recipient\s*:/im.test(text) && /^(?:action|status)\s*:/im.test(text);
}
