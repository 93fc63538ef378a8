/**
 * Provider-specific wording and error-code tables. These beat the generic
 * phrase tables because the provider's own code is more precise than its
 * English (Orange says "Service refused" for five different problems and
 * tells them apart only by the number at the end).
 *
 * Sources: the providers' public postmaster pages (Orange/La Poste, GoDaddy,
 * Tencent QQ, Mimecast, Yahoo, Spectrum) and the wording they use in the
 * public bounce corpora's development split.
 */

type Rule = { test: RegExp; reason: string };

/** Unambiguous sentences that name the reason whatever the status code says. */
const STRONG: Rule[] = [
  // au/ezweb reject mail filtered by the recipient's settings with an empty address.
  { test: /\b550 : user unknown/, reason: 'filtered' },
  // Lotus Domino / Exchange 5.5-2003 say this only for unknown mailboxes.
  {
    test: /not listed in (?:the )?(?:public name (?:&|and) address book|domino directory)/,
    reason: 'userunknown',
  },
  { test: /the recipient name is not recognized/, reason: 'userunknown' },
  // Ipswitch IMail's wording for a mailbox that does not exist.
  { test: /invalid final delivery userid/, reason: 'userunknown' },
  { test: /this user doesn't have an? \S+ account/, reason: 'userunknown' },
  { test: /duplicate header/, reason: 'notcompliantrfc' },
  {
    test: /no mx found for domain|couldn't find a mail exchanger|doesn't receive email according to the administrator|returned null mx/,
    reason: 'notaccept',
  },
  { test: /turn on smtp authentication/, reason: 'securityerror' },
  { test: /has sent to too many recipients|sending too many messages too quickly/, reason: 'speeding' },
];

/** Orange / Wanadoo / La Poste append `OFR_nnn` or `LPNnnn_nnn`; the last number is the reason. */
const FRANCE_PTT: Record<string, string> = {
  '104': 'toomanyconn',
  '108': 'blocked',
  '109': 'blocked',
  '201': 'toomanyconn',
  '415': 'rejected',
  '416': 'userunknown',
  '417': 'mailboxfull',
  '418': 'userunknown',
  '420': 'suspend',
  '421': 'rejected',
  '426': 'suspend',
  '505': 'systemerror',
  '506': 'spamdetected',
  '510': 'blocked',
  '514': 'mesgtoobig',
  '630': 'policyviolation',
  '999': 'blocked',
};

/** GoDaddy (secureserver.net) `IBnnn` codes. */
const GODADDY: Record<string, string> = {
  IB401: 'securityerror',
  IB501: 'blocked',
  IB502: 'blocked',
  IB504: 'toomanyconn',
  IB506: 'rejected',
  IB510: 'toomanyconn',
  IB512: 'spamdetected',
  IB601: 'speeding',
  IB603: 'speeding',
  IB605: 'speeding',
  IB607: 'speeding',
  IB705: 'virusdetected',
};

type Ctx = {
  diagnostic: string;
  recipient: string | null;
  remoteMta: string;
  command: string;
  /** The whole notice, lower-cased: some providers are recognised by their template, not the reply. */
  notice: string;
};

/** Templates recognised anywhere in the notice. */
const NOTICE_RULES: Rule[] = [
  // Google Groups: the group does not exist or the sender may not post to it (in the sender's language).
  { test: /groups\.google\.com\/support|the group you tried to contact/, reason: 'rejected' },
];

function domainOf(addr: string | null): string {
  return (addr ?? '').split('@')[1]?.toLowerCase() ?? '';
}

/** A provider-specific reason, or '' when no provider rule applies. `diagnostic` is lower-cased. */
export function vendorReason(ctx: Ctx): { reason: string; evidence: string } | null {
  const d = ctx.diagnostic;
  for (const r of NOTICE_RULES) {
    const m = r.test.exec(ctx.notice);
    if (m) return { reason: r.reason, evidence: m[0] };
  }
  // Trend Micro InterScan MSS writes this only when the recipient's server refused the address.
  if (
    ctx.notice.includes('interscan messaging security suite') &&
    d.includes('unable to deliver message to')
  ) {
    return { reason: 'userunknown', evidence: 'InterScan: unable to deliver' };
  }
  for (const r of STRONG) {
    const m = r.test.exec(d);
    if (m) return { reason: r.reason, evidence: m[0] };
  }
  // Gmail's template without the remote server's reply: Gmail itself found no such address.
  if (
    /because the address couldn't be found/.test(d) &&
    !/the response (?:from the remote server )?was:/.test(d)
  ) {
    return { reason: 'userunknown', evidence: "the address couldn't be found" };
  }
  // Gmail's relay: a refusal after DATA ("state" 15 and up) is the remote side's content filter.
  const state = /\(state (1[5-9])\)/.exec(d);
  if (state && !/\b[45]\.[1-4]\.\d/.test(d)) return { reason: 'filtered', evidence: state[0] };
  const ptt = /\b(?:ofr|lpn)\d*_(\d{3})\b/.exec(d);
  if (ptt?.[1]) {
    const reason = FRANCE_PTT[ptt[1]];
    if (reason) return { reason, evidence: ptt[0] };
  }
  const ib = /\b(ib\d{3})\b/.exec(d);
  if (ib?.[1]) {
    const reason = GODADDY[ib[1].toUpperCase()];
    if (reason) return { reason, evidence: ib[0] };
  }
  // Tencent QQ: rate limits per sending IP.
  if (/ip frequency limited|frequency limited/.test(d))
    return { reason: 'toomanyconn', evidence: 'frequency limited' };
  // Spectrum/Charter AUP codes: 1310 is the concurrent-connection limit.
  if (/aup#\s?in-1310/.test(d)) return { reason: 'toomanyconn', evidence: 'AUP#In-1310' };
  // Mimecast explains by reference: policy pages for network blocks, signatures for malware.
  if (d.includes('mimecast') || ctx.remoteMta.toLowerCase().includes('mimecast')) {
    if (d.includes('host network not allowed'))
      return { reason: 'policyviolation', evidence: 'mimecast network policy' };
    if (d.includes('mcspamsignature') || d.includes('virus'))
      return { reason: 'virusdetected', evidence: 'mimecast signature' };
  }
  // NTT docomo answers "Unknown user" after DATA when the recipient refuses the sender.
  const dom = domainOf(ctx.recipient);
  if (
    (dom.endsWith('docomo.ne.jp') || d.includes('docomo.ne.jp') || ctx.remoteMta.includes('docomo.ne.jp')) &&
    ctx.command === 'DATA' &&
    d.includes('unknown user')
  ) {
    return { reason: 'rejected', evidence: 'docomo refuses the sender' };
  }
  return null;
}
