/**
 * RFC 3463 enhanced status codes and SMTP reply codes: finding them in text
 * and mapping them to a sisimai-style reason. The code is the most reliable
 * machine-readable signal in a bounce, but it is also the most abused
 * (many servers send 5.0.0 or 5.7.1 for everything), so the reason engine
 * lets specific phrases override the generic codes.
 */

/** Exact `class.subject.detail` → reason. Checked before the two-level table. */
const EXACT: Record<string, string> = {
  '2.1.5': 'delivered',
  '2.0.0': 'delivered',
  '4.1.6': 'hasmoved',
  '4.1.7': 'rejected',
  '4.1.8': 'rejected',
  '4.1.9': 'systemerror',
  '4.2.1': 'suspend',
  '4.2.2': 'mailboxfull',
  '4.2.3': 'exceedlimit',
  '4.2.4': 'syntaxerror',
  '4.3.1': 'systemfull',
  '4.3.2': 'notaccept',
  '4.3.3': 'systemerror',
  '4.3.4': 'mesgtoobig',
  '4.3.5': 'systemerror',
  '4.4.1': 'expired',
  '4.4.2': 'networkerror',
  '4.4.3': 'systemerror',
  '4.4.4': 'hostunknown',
  '4.4.5': 'networkerror',
  '4.4.6': 'networkerror',
  '4.4.7': 'expired',
  '4.4.8': 'networkerror',
  '4.5.3': 'syntaxerror',
  '4.5.5': 'syntaxerror',
  '4.6.0': 'contenterror',
  '4.6.2': 'contenterror',
  '4.6.5': 'contenterror',
  '4.7.1': 'blocked',
  '4.7.5': 'securityerror',
  '4.7.6': 'securityerror',
  '4.7.7': 'securityerror',
  '4.7.12': 'securityerror',
  '4.7.15': 'securityerror',
  '4.7.16': 'securityerror',
  '4.7.24': 'authfailure',
  '4.7.25': 'requireptr',
  '4.7.26': 'authfailure',
  '4.7.28': 'speeding',
  '4.7.29': 'securityerror',
  '4.7.30': 'securityerror',
  '4.7.31': 'securityerror',
  '4.7.32': 'securityerror',
  '5.1.0': 'userunknown',
  '5.1.1': 'userunknown',
  '5.1.2': 'hostunknown',
  '5.1.3': 'userunknown',
  '5.1.4': 'filtered',
  '5.1.6': 'hasmoved',
  '5.1.7': 'rejected',
  '5.1.8': 'rejected',
  '5.1.9': 'systemerror',
  // Exchange Online sends 5.1.10 for unknown recipients, not only for null MX (RFC 7505).
  '5.1.10': 'userunknown',
  '5.2.0': 'filtered',
  '5.2.1': 'filtered',
  '5.2.2': 'mailboxfull',
  '5.2.3': 'exceedlimit',
  '5.2.4': 'systemerror',
  '5.3.0': 'systemerror',
  '5.3.1': 'systemfull',
  '5.3.2': 'notaccept',
  '5.3.3': 'systemerror',
  '5.3.4': 'mesgtoobig',
  '5.3.5': 'systemerror',
  '5.4.0': 'networkerror',
  '5.4.3': 'systemerror',
  '5.4.4': 'hostunknown',
  '5.4.6': 'networkerror',
  '5.4.8': 'networkerror',
  '5.5.2': 'syntaxerror',
  '5.5.3': 'syntaxerror',
  '5.5.4': 'syntaxerror',
  '5.5.5': 'syntaxerror',
  '5.6.0': 'contenterror',
  '5.6.1': 'contenterror',
  '5.6.2': 'contenterror',
  '5.6.3': 'contenterror',
  '5.6.5': 'contenterror',
  '5.6.6': 'contenterror',
  '5.6.7': 'contenterror',
  '5.6.8': 'contenterror',
  '5.6.9': 'contenterror',
  '5.7.0': 'securityerror',
  '5.7.1': 'securityerror',
  '5.7.2': 'securityerror',
  '5.7.3': 'securityerror',
  '5.7.4': 'securityerror',
  '5.7.5': 'securityerror',
  '5.7.6': 'securityerror',
  '5.7.7': 'securityerror',
  '5.7.8': 'securityerror',
  '5.7.9': 'securityerror',
  '5.7.10': 'securityerror',
  '5.7.11': 'securityerror',
  '5.7.12': 'securityerror',
  '5.7.13': 'suspend',
  '5.7.14': 'securityerror',
  '5.7.15': 'securityerror',
  '5.7.16': 'securityerror',
  '5.7.20': 'authfailure',
  '5.7.21': 'authfailure',
  '5.7.22': 'authfailure',
  '5.7.23': 'authfailure',
  '5.7.24': 'authfailure',
  '5.7.25': 'requireptr',
  '5.7.26': 'authfailure',
  '5.7.27': 'notaccept',
  '5.7.28': 'spamdetected',
  '5.7.29': 'securityerror',
  '5.7.30': 'securityerror',
  '5.7.31': 'securityerror',
  '5.7.32': 'securityerror',
};

/**
 * Exchange Online / Outlook.com use three-digit details of their own
 * (Microsoft's "Email non-delivery reports" reference).
 */
const EXTENDED: Array<[RegExp, string]> = [
  [/^[45]\.4\.312$/, 'networkerror'],
  [/^[45]\.4\.316$/, 'expired'],
  [/^5\.4\.14$/, 'networkerror'],
  [/^5\.4\.300$/, 'expired'],
  [/^5\.7\.501$/, 'spamdetected'],
  [/^5\.7\.509$/, 'authfailure'],
  [/^5\.7\.512$/, 'notcompliantrfc'],
  [/^5\.7\.(?:60\d|6[1-4]\d)$/, 'blocked'],
  [/^4\.7\.650$/, 'badreputation'],
  [/^5\.7\.7[0-4]\d$/, 'toomanyconn'],
];

/** Reason suggested by an enhanced status code, or '' when the code says nothing specific. */
export function reasonFromStatus(status: string | null): string {
  if (!status) return '';
  const exact = EXACT[status];
  if (exact !== undefined) return exact;
  for (const [re, reason] of EXTENDED) if (re.test(status)) return reason;
  // Vendor-specific details under x.1 (Exchange's 5.1.351 …) are still addressing errors.
  if (/^5\.1\.\d{2,}$/.test(status)) return 'userunknown';
  return '';
}

/**
 * Finds enhanced status codes in free text. The look-arounds keep IP
 * addresses ("192.0.2.5"), version numbers ("5.5.1960.3") and Yahoo-style
 * "4.16.55.1" from passing as codes.
 */
const STATUS_RE = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g;

export function findStatuses(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(STATUS_RE)) {
    const subject = Number(m[2]);
    const detail = Number(m[3]);
    // Subjects above 7 are not defined by RFC 3463; they are version or IP fragments.
    if (subject > 7 || detail > 999) continue;
    out.push(`${m[1]}.${subject}.${detail}`);
  }
  return out;
}

/** The most specific status in `text`: the first one that is not `x.0.0`. */
export function bestStatusIn(text: string): string | null {
  const afterReply = replyStatusPair(text)?.status;
  if (afterReply && !afterReply.endsWith('.0.0')) return afterReply;
  // Failure codes beat the 2.x.x lines of a transcript ("250 2.1.5 Ok").
  const all = findStatuses(text).filter((s) => !s.startsWith('2.'));
  return all.find((s) => !s.endsWith('.0.0')) ?? all[0] ?? null;
}

/**
 * The server's own verdict: a reply code immediately followed by an enhanced
 * status ("550 5.1.1", "550-'5.7.1"). When a diagnostic quotes several
 * replies, the first whose classes agree wins ("554 4.4.7 … <421 4.4.2 …>"
 * is a relay's 554 wrapping the real 421 4.4.2).
 */
export function replyStatusPair(text: string): { reply: string; status: string } | null {
  let first: { reply: string; status: string } | null = null;
  for (const m of text.matchAll(/\b([45]\d\d)[ -]['"#]?([45]\.\d{1,3}\.\d{1,3})(?![\d]|\.\d)/g)) {
    const pair = { reply: m[1] ?? '', status: m[2] ?? '' };
    if (pair.reply[0] === pair.status[0] && !pair.status.endsWith('.0.0')) return pair;
    first ??= pair;
  }
  return first;
}

/** A status is generic when it names the class only (x.0.0) — a detailed code elsewhere is better. */
export function isGenericStatus(status: string | null): boolean {
  return !status || /^[245]\.0\.0$/.test(status);
}

/**
 * SMTP reply code in a diagnostic: at the start of a line or after "said:",
 * "<<<", "error:" and the like. Requires a delimiter after the three digits
 * so numbers inside host names or dates do not count.
 */
const REPLY_RE = /(?:^|[\s:;'"(<>=\]-])([45][0-5]\d)(?=[\s\-.,;:'")\]]|$)/m;

export function findReplyCode(text: string): string | null {
  for (const line of text.split('\n')) {
    const m = REPLY_RE.exec(line);
    if (!m) continue;
    const idx = (m.index ?? 0) + m[0].length - 3;
    const before = line.slice(Math.max(0, idx - 1), idx);
    const after = line.slice(idx + 3, idx + 4);
    // "5.5.0" inside a status or a decimal is not a reply code.
    if (before === '.' || (after === '.' && /\d/.test(line.slice(idx + 4, idx + 5)))) continue;
    return m[1] ?? null;
  }
  return null;
}

/** Reply code → the enhanced status an RFC 3463 aware server would have sent. */
export function statusFromReplyCode(code: string | null): string | null {
  if (!code) return null;
  switch (code) {
    case '421':
      return '4.4.2';
    case '450':
      return '4.2.0';
    case '451':
      return '4.3.0';
    case '452':
      return '4.3.1';
    case '501':
    case '502':
    case '503':
    case '504':
      return '5.5.2';
    case '550':
      return '5.1.1';
    case '551':
      return '5.1.6';
    case '552':
      return '5.2.2';
    case '553':
      return '5.1.3';
    case '554':
      return '5.0.0';
    default:
      return `${code[0]}.0.0`;
  }
}
