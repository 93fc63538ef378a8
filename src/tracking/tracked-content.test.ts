import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addTracking, splitLinks, textToHtml } from './tracked-content.ts';
import { readClickToken, trackingLinks } from './tracking-tokens.ts';

const key = randomBytes(32);
const links = trackingLinks('https://n.example', key);
const messageId = '6c0e2f1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const unsubscribe = 'https://n.example/u/tok123';
const text = `Hi Jo,

Our deck: https://acme.example/deck.pdf. Pricing is at (https://acme.example/pricing).
See https://en.wikipedia.org/wiki/Foo_(bar) too <b>now</b> & later.

Book a Meeting: https://cal.example/acme?x=1&y=2

--
Unsubscribe: ${unsubscribe}
`;
const keep = (u: string) => u === unsubscribe;

describe('tracked content', () => {
  it('finds links without the punctuation around them', () => {
    expect(splitLinks(text).flatMap((s) => (s.url ? [s.url] : []))).toEqual([
      'https://acme.example/deck.pdf',
      'https://acme.example/pricing',
      'https://en.wikipedia.org/wiki/Foo_(bar)',
      'https://cal.example/acme?x=1&y=2',
      unsubscribe,
    ]);
    expect(
      splitLinks(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('with nothing to track, the text is untouched and there is no HTML', () => {
    expect(addTracking(text, messageId, links, { opens: false, clicks: false }, keep)).toEqual({ text });
  });

  it('click tracking wraps every link but the unsubscribe link, in text and HTML', () => {
    const out = addTracking(text, messageId, links, { opens: true, clicks: true }, keep);
    expect(out.text).not.toContain('https://acme.example/deck.pdf');
    expect(out.text).toContain(`Unsubscribe: ${unsubscribe}`);
    const wrapped = [...out.text.matchAll(/https:\/\/n\.example\/t\/c\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
    expect(wrapped.map((t) => readClickToken(key, t)?.url)).toEqual([
      'https://acme.example/deck.pdf',
      'https://acme.example/pricing',
      'https://en.wikipedia.org/wiki/Foo_(bar)',
      'https://cal.example/acme?x=1&y=2',
    ]);
    // Punctuation around a link stays outside the wrapped link.
    expect(out.text).toMatch(
      /t\/c\/[A-Za-z0-9_-]+\. Pricing is at \(https:\/\/n\.example\/t\/c\/[A-Za-z0-9_-]+\)\./,
    );
    const html = out.html!;
    expect(html).toContain(`<a href="${unsubscribe}">${unsubscribe}</a>`);
    // The reader sees where a link goes; the href goes through us.
    expect(html).toMatch(
      /<a href="https:\/\/n\.example\/t\/c\/[^"]+">https:\/\/cal\.example\/acme\?x=1&amp;y=2<\/a>/,
    );
    expect(html).toMatch(/<img src="https:\/\/n\.example\/t\/o\/[A-Za-z0-9_-]+\.gif" width="1" height="1"/);
  });

  it('open tracking alone: direct links, a pixel', () => {
    const out = addTracking(text, messageId, links, { opens: true, clicks: false }, keep);
    expect(out.text).toBe(text);
    expect(out.html).toContain('<a href="https://acme.example/deck.pdf">');
    expect(out.html).toContain('/t/o/');
  });

  it('click tracking alone: no HTML part', () => {
    const out = addTracking(text, messageId, links, { opens: false, clicks: true }, keep);
    expect(out.html).toBeUndefined();
    expect(out.text).toContain('/t/c/');
  });

  it('HTML is escaped, with paragraphs and line breaks', () => {
    const html = textToHtml('A <b>&\n"x"\n\nB', (u) => u);
    expect(html).toContain('<p>A &lt;b&gt;&amp;<br>\n&quot;x&quot;</p>\n<p>B</p>');
  });
});
