/**
 * Email address helpers tuned for bounce text, where addresses come wrapped
 * in `<>`, quotes, `mailto:` links, `rfc822;` prefixes and trailing dots.
 */

// Local parts in bounces include `%`, `=` (VERP) and `+`; we accept a generous set.
const ADDR = String.raw`[A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-]+@(?:\[[0-9.:A-Fa-f]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)`;

const SINGLE_RE = new RegExp(ADDR);

// ADDR in two sticky pieces: searching with ADDR itself rescans a long run of
// local-part characters from each of its starts (quadratic on one long word).
const LOCAL_PART_RUN = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+/y;
const DOMAIN_AT = new RegExp(`@${ADDR.slice(ADDR.indexOf('@') + 1)}`, 'y');

/**
 * What `text.match(new RegExp(ADDR, 'g'))` finds, in linear time: a local
 * part always runs to the end of its run of local-part characters, so one
 * look at what follows the run decides for every start inside it.
 */
export function matchAddresses(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    LOCAL_PART_RUN.lastIndex = i;
    if (!LOCAL_PART_RUN.test(text)) {
      i++;
      continue;
    }
    const runEnd = LOCAL_PART_RUN.lastIndex;
    DOMAIN_AT.lastIndex = runEnd;
    if (DOMAIN_AT.test(text)) {
      out.push(text.slice(i, DOMAIN_AT.lastIndex));
      i = DOMAIN_AT.lastIndex;
    } else i = runEnd;
  }
  return out;
}

/** Normalise a recipient: strip wrappers, trailing dots, lower-case the domain. */
export function normalizeAddress(addr: string): string {
  let a = addr.trim().replace(/^mailto:/i, '');
  a = a.replace(/^['"<(]+|['">),;:.]+$/g, '');
  const at = a.lastIndexOf('@');
  if (at < 0) return a;
  return `${a.slice(0, at)}@${a.slice(at + 1).toLowerCase()}`;
}

/** `rfc822; <a@b.c>` or `"Name" <a@b.c>` → `a@b.c`, or null when there is no address. */
export function cleanAddress(value: string): string | null {
  const v = value.replace(/^rfc822\s*;/i, '').trim();
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(v);
  if (angle?.[1]) return normalizeAddress(angle[1]);
  const m = SINGLE_RE.exec(v);
  return m ? normalizeAddress(m[0]) : null;
}

export function findAddresses(text: string): string[] {
  const out: string[] = [];
  for (const m of matchAddresses(text)) out.push(normalizeAddress(m));
  return out;
}

/** Sender-side robots whose address is never the failed recipient. */
export function isDaemonAddress(addr: string): boolean {
  return /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mdaemon|root|noreply|no-reply|bounce|bounces?-?)[@+]/i.test(
    addr,
  );
}
