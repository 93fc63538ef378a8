import mailchecker from 'mailchecker';

/**
 * Throwaway-mailbox providers (SPEC §7, `Disposable`): mailchecker's list,
 * maintained upstream and released often (~56,000 domains; its set is built
 * once when the module loads). A subdomain of a listed domain is disposable
 * too (providers hand out `anything.their-domain.com`), so the domain and
 * each parent are looked up; the entry that matched is the evidence.
 *
 * Why mailchecker rather than `disposable-email-domains`: the latter's npm
 * package is larger (120,000 entries) with many parked and one-off names, and
 * mailchecker is the list several languages' validators share and update.
 */
const listed = mailchecker.blacklist();

export const disposableListName = 'mailchecker';

/** The list entry an ASCII domain matches (itself or a parent), or null. */
export function disposableEntry(asciiDomain: string): string | null {
  let d = asciiDomain.toLowerCase();
  for (;;) {
    if (listed.has(d)) return d;
    const dot = d.indexOf('.');
    // Stop before the bare top-level domain: a list entry is always a registrable name.
    if (dot < 0 || d.indexOf('.', dot + 1) < 0) return null;
    d = d.slice(dot + 1);
  }
}
