import type { TrackingLinks } from './tracking-tokens.ts';

/**
 * Tracking for one outgoing email, pure. The assistant writes plain text
 * (SPEC §5.2); an open pixel needs HTML, so with open tracking the text also
 * goes as minimal HTML (escaped, paragraphs, clickable links, the pixel last),
 * the plain text staying the first alternative. With click tracking, http(s)
 * links in both parts point at our signed redirect, except the ones that must
 * stay direct (the unsubscribe link: a lead must be able to leave without
 * passing through a tracker, and our own URLs).
 */
export type TrackingChoice = { opens: boolean; clicks: boolean };

export function addTracking(
  text: string,
  messageId: string,
  links: TrackingLinks,
  choice: TrackingChoice,
  keepDirect: (url: string) => boolean,
): { text: string; html?: string } {
  const href = (url: string) =>
    choice.clicks && !keepDirect(url) && !links.isOwn(url) ? links.click(messageId, url) : url;
  const trackedText = choice.clicks
    ? splitLinks(text)
        .map((s) => (s.url ? href(s.url) : s.text))
        .join('')
    : text;
  if (!choice.opens) return { text: trackedText };
  const pixel = `<img src="${escapeHtml(links.openPixel(messageId))}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
  return { text: trackedText, html: textToHtml(text, href, pixel) };
}

type Segment = { text: string; url?: string };

const URL_RE = /https?:\/\/[^\s<>"'`]+/gi;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Sentence punctuation after a link is not part of it; a closing bracket only when unbalanced. */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1) ?? '';
    if ('.,;:!?*'.includes(last)) url = url.slice(0, -1);
    else if (CLOSERS[last] && count(url, last) > count(url, CLOSERS[last]!)) url = url.slice(0, -1);
    else return url;
  }
}
const count = (s: string, ch: string) => s.split(ch).length - 1;

/** The text cut into plain runs and http(s) URLs, in order; joining the runs gives the text back. */
export function splitLinks(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    if (!/^https?:\/\/[^/?#]/i.test(url)) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    out.push({ text: url, url });
    at = m.index + url.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Paragraphs at blank lines, <br> at single line breaks, each URL a link showing itself. */
export function textToHtml(text: string, href: (url: string) => string, trailer = ''): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map(
      (p) =>
        `<p>${splitLinks(p)
          .map((s) =>
            s.url
              ? `<a href="${escapeHtml(href(s.url))}">${escapeHtml(s.url)}</a>`
              : escapeHtml(s.text).replace(/\n/g, '<br>\n'),
          )
          .join('')}</p>`,
    );
  return `<!doctype html>\n<html><head><meta charset="utf-8"></head><body>\n${paragraphs.join('\n')}\n${trailer}\n</body></html>\n`;
}
