import { findPlaceholders, oneLine } from './placeholders.ts';
import { limits } from './render-email.ts';

/** What an LLM wrote, before we trust it. */
export type Written = { subject: string; body: string };

/**
 * Read a chat answer: JSON `{"subject", "body"}` (also inside a ``` fence),
 * or plain text starting with a "Subject:" line. Null when it is neither.
 */
export function parseAnswer(content: string): Written | null {
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  try {
    const j = JSON.parse(unfenced) as Record<string, unknown>;
    const body = typeof j.body === 'string' ? j.body : typeof j.text === 'string' ? j.text : null;
    if (j && typeof j === 'object' && body !== null)
      return { subject: typeof j.subject === 'string' ? j.subject : '', body };
    return null;
  } catch {}
  const m = /^\s*subject:[ \t]*(.*)\r?\n([\s\S]*)$/i.exec(unfenced);
  return m ? { subject: m[1]!, body: m[2]! } : null;
}

const closing =
  /^(best|kind|warm|many thanks|thanks|thank you|cheers|regards|sincerely|all the best)\b.{0,25}$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const controlChars = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/;

/**
 * Check (and tidy) what the LLM wrote, or say why it is refused. The body must
 * be short plain text with nothing left to fill, link only to what it was
 * given, and leave the PS, sign-off, signature and unsubscribe line to us;
 * a sign-off it added anyway is cut rather than refused.
 */
export function checkWritten(
  w: Written,
  opts: { isFirst: boolean; allowedUrls: string[] },
): { ok: true; written: Written } | { ok: false; reason: string } {
  const no = (reason: string) => ({ ok: false as const, reason });
  let body = w.body
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // A trailing "Best regards,\nAlex" is ours to write: drop it.
  const lines = body.split('\n');
  const close = lines.findLastIndex((l) => closing.test(l.trim()));
  if (close >= 0 && close >= lines.length - 4 && lines.slice(close + 1).every((l) => l.length <= 60))
    body = lines.slice(0, close).join('\n').trim();

  const subject = w.subject.trim();
  if (opts.isFirst) {
    if (!subject) return no('no subject');
    if (/[\r\n]/.test(subject)) return no('the subject spans several lines');
    if (subject.length > limits.subject) return no(`the subject is longer than ${limits.subject} characters`);
  }
  if (body.length < 40) return no('the body is empty or too short');
  if (body.length > limits.body) return no(`the body is longer than ${limits.body} characters`);
  for (const [what, text] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    if (controlChars.test(text)) return no(`the ${what} contains control characters`);
    const ph = findPlaceholders(text);
    if (ph.length) return no(`the ${what} contains a placeholder ${ph[0]}`);
    if (/<\/?[a-z][^>]*>/i.test(text)) return no(`the ${what} contains HTML`);
  }
  if (/unsubscribe/i.test(body)) return no('it writes its own unsubscribe line (ours is appended)');
  if (/^\s*p\.?\s?s\.?\b/im.test(body)) return no('it adds its own PS (ours is appended)');
  const allowed = opts.allowedUrls.filter(Boolean).map((u) => u.replace(/\/+$/, '').toLowerCase());
  for (const m of body.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>()]+/gi)) {
    const url = m[0].replace(/[.,;:!?'"]+$/, '').replace(/\/+$/, '');
    if (!allowed.some((a) => a === url.toLowerCase() || a.endsWith(`//${url.toLowerCase()}`)))
      return no(`it links to ${url}, which it was not given`);
  }
  return { ok: true, written: { subject: oneLine(subject), body } };
}
