/**
 * Amazon SES notifications delivered by email through SNS: the body is the
 * JSON event (optionally wrapped in an SNS envelope) instead of a DSN. Bounce,
 * Complaint and Delivery events map to bounce, `feedback` and `delivered`.
 */

export type SesRecipient = {
  kind: 'bounce' | 'complaint' | 'delivery';
  recipient: string;
  status: string | null;
  diagnostic: string;
  action: string;
  /** SES's own classification (Permanent/Transient + subtype), kept as evidence. */
  sesType: string;
  feedbackType: string;
};

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function extractJson(text: string): Json | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  // Mail transport folds long lines with "!\n " (sendmail's line-length guard); undo it before parsing.
  const body = text
    .slice(start, end + 1)
    .replace(/!\n /g, '')
    .replace(/\n/g, ' ');
  try {
    const parsed: unknown = JSON.parse(body);
    return isObj(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Recipients of an SES event found in `text`, or null when `text` is not one. */
export function parseSesNotification(text: string): SesRecipient[] | null {
  if (!text.includes('notificationType') && !text.includes('eventType')) return null;
  let json = extractJson(text);
  if (json && typeof json.Message === 'string') json = extractJson(json.Message);
  if (!json) return null;
  const type = str(json.notificationType) || str(json.eventType);
  const out: SesRecipient[] = [];
  if (type === 'Bounce' && isObj(json.bounce)) {
    const b = json.bounce;
    const sesType = `${str(b.bounceType)}/${str(b.bounceSubType)}`;
    for (const r of Array.isArray(b.bouncedRecipients) ? b.bouncedRecipients : []) {
      if (!isObj(r)) continue;
      out.push({
        kind: 'bounce',
        recipient: str(r.emailAddress),
        status: str(r.status) || null,
        diagnostic: str(r.diagnosticCode).replace(/^smtp;\s*/i, ''),
        action: str(r.action),
        sesType,
        feedbackType: '',
      });
    }
  } else if (type === 'Complaint' && isObj(json.complaint)) {
    const c = json.complaint;
    for (const r of Array.isArray(c.complainedRecipients) ? c.complainedRecipients : []) {
      if (!isObj(r)) continue;
      out.push({
        kind: 'complaint',
        recipient: str(r.emailAddress),
        status: null,
        diagnostic: '',
        action: '',
        sesType: 'Complaint',
        feedbackType: str(c.complaintFeedbackType) || 'abuse',
      });
    }
  } else if (type === 'Delivery' && isObj(json.delivery)) {
    const d = json.delivery;
    const response = str(d.smtpResponse);
    const status = /\b2\.\d{1,3}\.\d{1,3}\b/.exec(response)?.[0] ?? '2.0.0';
    for (const r of Array.isArray(d.recipients) ? d.recipients : []) {
      out.push({
        kind: 'delivery',
        recipient: str(r),
        status,
        diagnostic: response,
        action: 'delivered',
        sesType: 'Delivery',
        feedbackType: '',
      });
    }
  }
  return out.length > 0 ? out : null;
}
