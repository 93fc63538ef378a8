/**
 * What is known of whether an inbound message's sender is who its `From:`
 * says (DMARC), and where that came from: the SMTP listener's own check
 * (mailauth, `smtp-sender-check.ts`) or the `Authentication-Results` header
 * of a receiving server the admin trusts (INBOUND_TRUSTED_AUTHSERV_IDS). A
 * message matched to a lead only by an address it claims (its sender, a
 * bounced recipient) whose sender fails DMARC changes nothing (issue 9).
 */
export type SenderAuth = {
  /** RFC 8601 / 7489 results: pass, fail, none, temperror, permerror; anything else is kept as written. */
  dmarc: string;
  source: 'smtp-listener' | 'authentication-results';
  /** The author domain (header.from) the verdict is about. */
  domain?: string | null;
  /** The domain's published policy, when known (none, quarantine, reject). */
  policy?: string | null;
  /** The listener's findings behind the verdict, or the trusted header's text. */
  evidence: Record<string, unknown>;
};

export const failsDmarc = (a: SenderAuth | null | undefined): boolean => a?.dmarc === 'fail';

/** How much of one header is looked at: more is no header a receiving server writes. */
const maxHeaderChars = 8_000;

/**
 * The verdict of the first (topmost: written last, by the server nearest to
 * us) `Authentication-Results` header whose authserv-id is trusted. Headers
 * from any other id are ignored: anyone can write one. The admin's receiving
 * server is expected to remove headers claiming its id that it did not write
 * (RFC 8601 §5).
 */
export function dmarcFromAuthenticationResults(
  values: string[],
  trusted: readonly string[],
): SenderAuth | null {
  if (!trusted.length) return null;
  for (const value of values) {
    const text = withoutComments(value.slice(0, maxHeaderChars).replace(/\r?\n[ \t]+/g, ' '));
    const parts = text.split(';').map((p) => p.trim());
    // authserv-id [version]; the id may be quoted.
    const id = (parts[0] ?? '').split(/\s+/)[0]?.replace(/^"|"$/g, '').toLowerCase() ?? '';
    if (!id || !trusted.includes(id)) continue;
    for (const part of parts.slice(1)) {
      const m = /^dmarc\s*=\s*([a-z]+)/i.exec(part);
      if (!m) continue;
      const from = /\bheader\.from\s*=\s*([^\s;]+)/i.exec(part)?.[1] ?? null;
      const policy =
        /\bpolicy\.dmarc\s*=\s*([a-z]+)/i.exec(part)?.[1] ?? /\bp=([a-z]+)/i.exec(value)?.[1] ?? null;
      return {
        dmarc: m[1]!.toLowerCase(),
        source: 'authentication-results',
        domain: from?.toLowerCase() ?? null,
        policy: policy?.toLowerCase() ?? null,
        evidence: { authservId: id, header: value.slice(0, 2_000) },
      };
    }
    // The trusted server wrote no DMARC result: no verdict (the next header is not more trusted).
    return null;
  }
  return null;
}

/** CFWS comments `( … )`, nested at most a few levels, removed in linear passes. */
function withoutComments(s: string): string {
  let out = s;
  for (let i = 0; i < 4 && out.includes('('); i++) out = out.replace(/\([^()]*\)/g, ' ');
  return out;
}
