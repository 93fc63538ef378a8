/**
 * Is this open-pixel fetch or click a person, or a machine acting on the mail
 * before (or instead of) a person? Pure: the HTTP request's user agent, IP and
 * method, and how long after sending it came. SPEC §5.3: opens from image
 * proxies and scanners (fetches within seconds of delivery, known proxy and
 * security-scanner agents) don't count; neither do clicks in the first 180
 * seconds after sending.
 *
 * What can and cannot be told (be honest about it):
 * - Gmail fetches images through GoogleImageProxy when the reader opens the
 *   mail, so such a fetch usually *is* a person; but the spec says proxy opens
 *   don't count, so they are machine (`image_proxy:gmail`), kept in the table
 *   for whoever wants to weigh them. Yahoo's proxy likewise.
 * - Apple Mail Privacy Protection preloads every image through Apple's relay,
 *   read or not. Its fetches are commonly reported with the bare agent
 *   `Mozilla/5.0`; a relay egress inside Apple's own networks (17.0.0.0/8,
 *   2620:149::/32) with an Apple Mail agent is MPP too. Relays egress through
 *   partner CDNs as well: those look like an ordinary Apple Mail open and are
 *   counted as a person unless they came at delivery.
 * - Security scanners (Microsoft Safe Links, Proofpoint, Mimecast, Barracuda,
 *   …) often pose as a browser from cloud IPs: only the ones that name
 *   themselves are caught by agent; the rest by timing (they click at
 *   delivery, within MACHINE_CLICK_WINDOW_SECONDS).
 * - A click whose agent is an Office application (Outlook, Word, "Existence
 *   Discovery") is the app probing the link; a person's click opens a browser.
 *   An Outlook desktop agent on the *pixel* is Outlook rendering the mail for
 *   its reader: a person.
 */

export type Fetch = {
  kind: 'open' | 'click';
  userAgent: string | null;
  ip: string | null;
  /** HTTP method; a HEAD is a link checker, never a person. */
  method?: string;
  at: Date;
  /** When the message left (messages.sent_at); null when unknown. */
  sentAt: Date | null;
};

export type MachineWindows = { openSeconds: number; clickSeconds: number };

/** `reason` is a stable code stored in machine_reason; `detail` says it in words. */
export type MachineVerdict = { isMachine: boolean; reason: string | null; detail: string };

type Signature = { code: string; name: string; re: RegExp };

// Vendors whose scanners put their name in the user agent.
const scanners: Signature[] = [
  { code: 'barracuda', name: 'Barracuda', re: /barracuda/i },
  { code: 'mimecast', name: 'Mimecast', re: /mimecast/i },
  { code: 'proofpoint', name: 'Proofpoint', re: /proofpoint|urldefense/i },
  { code: 'microsoft_safe_links', name: 'Microsoft Safe Links', re: /safe ?links|MSRBOT/i },
  { code: 'symantec', name: 'Symantec / MessageLabs', re: /symantec|messagelabs|broadcom/i },
  { code: 'cisco', name: 'Cisco IronPort', re: /ironport|cisco/i },
  { code: 'trend_micro', name: 'Trend Micro', re: /trend ?micro/i },
  { code: 'sophos', name: 'Sophos', re: /sophos/i },
  { code: 'fortinet', name: 'Fortinet', re: /fortinet|fortiguard|fortimail/i },
  { code: 'forcepoint', name: 'Forcepoint', re: /forcepoint|websense/i },
  { code: 'zscaler', name: 'Zscaler', re: /zscaler/i },
  { code: 'check_point', name: 'Check Point / Avanan', re: /avanan|check ?point/i },
  {
    code: 'other',
    name: 'a mail security scanner',
    re: /hornetsecurity|spamtitan|appriver|cloudmark|trustwave|mailmarshal|vade ?secure|abnormal ?security|tessian|greathorn|agari|libraesva|spamexperts|mcafee|kaspersky|bitdefender/i,
  },
];

// Office applications probing a link (a person's click opens a browser instead).
const officeProbe =
  /Microsoft Office Existence Discovery|Microsoft Office Protocol Discovery|ms-office|MSOffice|Microsoft Office\/|Microsoft Outlook|Microsoft Office (Word|Excel|PowerPoint)/i;
// Probes that are never a person, even on the pixel.
const discoveryProbe = /Existence Discovery|Protocol Discovery/i;

const bots: Signature[] = [
  {
    code: 'link_preview',
    name: 'a chat or social link preview',
    re: /facebookexternalhit|Slack|Discord|WhatsApp|TelegramBot|SkypeUriPreview|Twitterbot|LinkedInBot|Embedly|BingPreview|redditbot/i,
  },
  {
    code: 'headless_browser',
    name: 'a headless browser',
    re: /HeadlessChrome|PhantomJS|Puppeteer|Playwright|Selenium/i,
  },
  {
    code: 'http_library',
    name: 'an HTTP library or script',
    re: /^(curl|Wget|python|Go-http-client|Java|okhttp|axios|node-fetch|undici|node|libwww-perl|Apache-HttpClient|Scrapy|aiohttp|httpx|PostmanRuntime|Ruby|PHP|GuzzleHttp)\b|python-requests|HttpClient/i,
  },
  { code: 'crawler', name: 'a crawler', re: /(?<!cu)bot(?:[/\-;)\s_]|$)|crawl|spider|slurp/i },
];

const proxies: Signature[] = [
  { code: 'gmail', name: "Gmail's image proxy", re: /GoogleImageProxy|ggpht\.com/i },
  { code: 'yahoo', name: "Yahoo Mail's image proxy", re: /YahooMailProxy/i },
];

/** Apple Mail's own web view: an Apple device, WebKit, and no Safari token. */
const appleMailAgent = /(Macintosh|iPhone|iPad).*AppleWebKit\/[\d.]+/;
const isAppleMailAgent = (ua: string) => appleMailAgent.test(ua) && !/Safari\//.test(ua);

/** Apple's own address space: 17.0.0.0/8 and 2620:149::/32. */
export function isAppleNetwork(ip: string | null): boolean {
  if (!ip) return false;
  const v = ip
    .trim()
    .toLowerCase()
    .replace(/^::ffff:/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v)) return v.split('.')[0] === '17';
  return /^2620:0?149:/.test(v);
}

const machine = (reason: string, detail: string): MachineVerdict => ({ isMachine: true, reason, detail });

function agentVerdict(f: Fetch, ua: string): MachineVerdict | null {
  for (const s of scanners)
    if (s.re.test(ua)) return machine(`security_scanner:${s.code}`, `user agent of ${s.name}`);
  if (discoveryProbe.test(ua) || (f.kind === 'click' && officeProbe.test(ua)))
    return machine('link_probe:microsoft_office', 'an Office application checking the link, not a browser');
  for (const b of bots) if (b.re.test(ua)) return machine(`bot:${b.code}`, `user agent of ${b.name}`);
  if (f.kind === 'open') {
    for (const p of proxies)
      if (p.re.test(ua))
        return machine(`image_proxy:${p.code}`, `fetched through ${p.name}; proxy opens do not count`);
    if (ua === 'Mozilla/5.0')
      return machine(
        'apple_mpp:bare_user_agent',
        'Apple Mail Privacy Protection preload (bare Mozilla/5.0 agent)',
      );
    if (isAppleMailAgent(ua) && isAppleNetwork(f.ip))
      return machine(
        'apple_mpp:apple_network',
        "Apple Mail agent from Apple's network: a Privacy Protection preload",
      );
  }
  return null;
}

/** Classify one fetch. The first matching reason wins; a person is what is left. */
export function classifyFetch(f: Fetch, windows: MachineWindows): MachineVerdict {
  if (f.method && f.method.toUpperCase() === 'HEAD')
    return machine('head_request', 'a HEAD request checks a link; a person never sends one');
  const ua = f.userAgent?.trim() ?? '';
  if (!ua) return machine('no_user_agent', 'no user agent: mail clients and browsers always send one');
  const byAgent = agentVerdict(f, ua);
  if (byAgent) return byAgent;
  const seconds = f.sentAt ? (f.at.getTime() - f.sentAt.getTime()) / 1000 : null;
  if (seconds !== null) {
    const window = f.kind === 'open' ? windows.openSeconds : windows.clickSeconds;
    if (seconds < window)
      return f.kind === 'open'
        ? machine(
            'at_delivery',
            `fetched ${Math.max(0, Math.round(seconds))} s after sending (within ${window} s)`,
          )
        : machine(
            'click_too_soon',
            `clicked ${Math.max(0, Math.round(seconds))} s after sending (within ${window} s)`,
          );
  }
  return {
    isMachine: false,
    reason: null,
    detail: `no proxy, scanner or bot signature${seconds === null ? '' : `; ${describeDelay(seconds)} after sending`}`,
  };
}

function describeDelay(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1).replace(/\.0$/, '')} h`;
}
