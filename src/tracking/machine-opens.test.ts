import { describe, expect, it } from 'vitest';
import { classifyFetch, type Fetch, isAppleNetwork } from './machine-opens.ts';

// Agents as mail clients and proxies send them.
const ua = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  safari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  iphoneMail:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  macMail: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  thunderbird: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.9.0',
  outlookDesktop: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  officeProbe: 'Microsoft Office Existence Discovery',
  gmailProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  yahooProxy: 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html',
  appleMpp: 'Mozilla/5.0',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  slack: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  curl: 'curl/8.5.0',
  python: 'python-requests/2.31.0',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
  cubotPhone:
    'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
};
// Scanners that name themselves (many others pose as a browser: only timing catches those).
const scanners: [string, string][] = [
  ['Mozilla/5.0 (compatible; Barracuda Sentinel URL Scanner)', 'security_scanner:barracuda'],
  ['Mimecast URL Protect/1.0', 'security_scanner:mimecast'],
  ['Proofpoint URL Defense Scanner', 'security_scanner:proofpoint'],
  ['Mozilla/5.0 (Windows NT 10.0) Microsoft Safe Links Scanner', 'security_scanner:microsoft_safe_links'],
];

const windows = { openSeconds: 10, clickSeconds: 180 };
const sentAt = new Date('2026-12-01T09:00:00Z');
const later = new Date('2026-12-01T11:30:00Z');
const fetch = (f: Partial<Fetch>): Fetch => ({
  kind: 'open',
  userAgent: ua.chrome,
  ip: '203.0.113.7',
  at: later,
  sentAt,
  ...f,
});
const verdict = (f: Partial<Fetch>) => classifyFetch(fetch(f), windows);

describe('machine-open filter', () => {
  it('a person reading in a mail client or browser, later than delivery, is human', () => {
    for (const userAgent of [
      ua.chrome,
      ua.safari,
      ua.iphoneMail,
      ua.macMail,
      ua.thunderbird,
      ua.cubotPhone,
    ]) {
      expect(verdict({ userAgent }), userAgent).toMatchObject({ isMachine: false, reason: null });
    }
    expect(verdict({}).detail).toMatch(/2\.5 h after sending/);
  });

  it('Outlook desktop rendering the pixel is its reader; the same agent on a link is a probe', () => {
    expect(verdict({ userAgent: ua.outlookDesktop }).isMachine).toBe(false);
    expect(verdict({ kind: 'click', userAgent: ua.outlookDesktop }).reason).toBe(
      'link_probe:microsoft_office',
    );
    expect(verdict({ userAgent: ua.officeProbe }).reason).toBe('link_probe:microsoft_office');
  });

  it("image proxies don't count (SPEC §5.3), Gmail's included", () => {
    expect(verdict({ userAgent: ua.gmailProxy })).toMatchObject({
      isMachine: true,
      reason: 'image_proxy:gmail',
    });
    expect(verdict({ userAgent: ua.yahooProxy }).reason).toBe('image_proxy:yahoo');
  });

  it('Apple Mail Privacy Protection: the bare agent anywhere, an Apple Mail agent from Apple’s network', () => {
    expect(verdict({ userAgent: ua.appleMpp, ip: '104.28.1.2' }).reason).toBe('apple_mpp:bare_user_agent');
    expect(verdict({ userAgent: ua.iphoneMail, ip: '17.58.101.4' }).reason).toBe('apple_mpp:apple_network');
    expect(verdict({ userAgent: ua.macMail, ip: '::ffff:17.1.2.3' }).reason).toBe('apple_mpp:apple_network');
    expect(verdict({ userAgent: ua.macMail, ip: '2620:149:a:1::5' }).reason).toBe('apple_mpp:apple_network');
    // Safari on an Apple employee's laptop is a browser, not Mail: a person.
    expect(verdict({ userAgent: ua.safari, ip: '17.58.101.4' }).isMachine).toBe(false);
  });

  it('security scanners that name themselves, bots, scripts and link previews are machines', () => {
    for (const [userAgent, reason] of scanners) expect(verdict({ userAgent }).reason, userAgent).toBe(reason);
    expect(verdict({ userAgent: ua.googlebot }).reason).toBe('bot:crawler');
    expect(verdict({ userAgent: ua.slack }).reason).toBe('bot:link_preview');
    expect(verdict({ userAgent: ua.curl }).reason).toBe('bot:http_library');
    expect(verdict({ userAgent: ua.python }).reason).toBe('bot:http_library');
    expect(verdict({ userAgent: 'node' }).reason).toBe('bot:http_library');
    expect(verdict({ userAgent: ua.headless }).reason).toBe('bot:headless_browser');
  });

  it('no agent, or a HEAD request, is never a person', () => {
    expect(verdict({ userAgent: null }).reason).toBe('no_user_agent');
    expect(verdict({ userAgent: '  ' }).reason).toBe('no_user_agent');
    expect(verdict({ kind: 'click', method: 'HEAD' }).reason).toBe('head_request');
  });

  it('an open within the delivery window is a prefetch, whatever its agent', () => {
    const at = new Date(sentAt.getTime() + 4000);
    expect(verdict({ at })).toMatchObject({ isMachine: true, reason: 'at_delivery' });
    expect(verdict({ at: new Date(sentAt.getTime() + 10_000) }).isMachine).toBe(false);
    expect(classifyFetch(fetch({ at }), { ...windows, openSeconds: 0 }).isMachine).toBe(false);
    // Unknown sending time: no timing verdict.
    expect(verdict({ at, sentAt: null }).isMachine).toBe(false);
  });

  it('a click in the first 180 seconds after sending is a scanner (SPEC §5.3)', () => {
    expect(verdict({ kind: 'click', at: new Date(sentAt.getTime() + 179_000) })).toMatchObject({
      isMachine: true,
      reason: 'click_too_soon',
    });
    expect(verdict({ kind: 'click', at: new Date(sentAt.getTime() + 180_000) }).isMachine).toBe(false);
    // Clicks have no image proxy: a Gmail user's click comes from their browser.
    expect(verdict({ kind: 'click', userAgent: ua.chrome }).isMachine).toBe(false);
  });

  it("knows Apple's address space and nothing else", () => {
    expect(isAppleNetwork('17.0.0.1')).toBe(true);
    expect(isAppleNetwork('170.1.1.1')).toBe(false);
    expect(isAppleNetwork('2620:149:1::1')).toBe(true);
    expect(isAppleNetwork('2001:db8::1')).toBe(false);
    expect(isAppleNetwork(null)).toBe(false);
  });
});
