/**
 * Email address helpers tuned for bounce text, where addresses come wrapped
 * in `<>`, quotes, `mailto:` links, `rfc822;` prefixes and trailing dots.
 */

// Local parts in bounces include `%`, `=` (VERP) and `+`; we accept a generous set.
const ADDR = String.raw`[A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-]+@(?:\[[0-9.:A-Fa-f]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)`;

export const ADDRESS_RE = new RegExp(ADDR, 'g');
const SINGLE_RE = new RegExp(ADDR);

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
  for (const m of text.matchAll(ADDRESS_RE)) out.push(normalizeAddress(m[0]));
  return out;
}

/** Sender-side robots whose address is never the failed recipient. */
export function isDaemonAddress(addr: string): boolean {
  return /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mdaemon|root|noreply|no-reply|bounce|bounces?-?)[@+]/i.test(
    addr,
  );
}
