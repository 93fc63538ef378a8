/**
 * ARF (RFC 5965) spam-complaint reports. A complaint is not a delivery
 * failure, but it travels the same road and the product must act on it
 * (unsubscribe the lead, count it against the complaint rate), so the bounce
 * parser reports it with reason `feedback`.
 */
import { cleanAddress, findAddresses } from './addresses.ts';
import { type Header, headerValue, headerValues, parseHeaderBlock } from './mime-walk.ts';

export type FeedbackReport = {
  feedbackType: string;
  recipients: string[];
  summary: string;
};

function firstSentence(text: string): string {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line ?? '';
}

/**
 * Complainers, in order: Original-Rcpt-To / Removal-Recipient fields, else the
 * To of the returned message. Complaints usually redact the address, so a
 * missing recipient is normal.
 */
export function parseFeedbackReport(
  reportBody: string,
  notice: string,
  originalHeaders: Header[],
): FeedbackReport {
  const fields = parseHeaderBlock(reportBody.replace(/\n\s*\n/g, '\n'));
  const feedbackType = (headerValue(fields, 'feedback-type') ?? 'abuse').toLowerCase().trim();
  const recipients: string[] = [];
  for (const name of ['original-rcpt-to', 'removal-recipient']) {
    for (const v of headerValues(fields, name)) {
      const a = cleanAddress(v);
      if (a && !recipients.includes(a)) recipients.push(a);
    }
  }
  for (const v of headerValues(originalHeaders, 'x-hmxmroriginalrecipient')) {
    const a = cleanAddress(v);
    if (a && !recipients.includes(a)) recipients.push(a);
  }
  if (recipients.length === 0) {
    const to = headerValue(originalHeaders, 'to');
    const a = to ? findAddresses(to)[0] : undefined;
    if (a) recipients.push(a);
  }
  return { feedbackType, recipients, summary: firstSentence(notice) };
}
