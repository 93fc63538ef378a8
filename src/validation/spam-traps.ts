/**
 * Known spam-trap patterns (SPEC §7, `SpamTrap`). Real traps are secret by
 * design — the blocklist operators who run them publish no list — so this
 * catches the kinds that show themselves in the address. Each pattern is
 * listed here with why it is a trap; one hit makes the lead invalid, because
 * a single email to a trap can put the sending domain on a blocklist.
 *
 * 1. A local part that names a trap: a dot/dash/underscore/plus-separated
 *    word `spamtrap`, `spam-trap`, `honeypot`, `honey-pot`, `honeytrap`,
 *    `blackhole`, or the whole local part `trap` / `spam`. Operators and
 *    mailbox providers seed such addresses on web pages for harvesters.
 * 2. A domain label that names one (`spamtrap.`, `honeypot.`, `blackhole.`,
 *    `spamtraps.` …): whole trap domains are set up under such names.
 * 3. `abuse@` (RFC 2142): the mailbox where operators report unsolicited
 *    mail; many forward what arrives there to blocklists, so a cold email to
 *    it works as a trap hit would.
 * 4. Typo domains of the large mailbox providers (`gmial.com`, `hotmial.com`
 *    …): "typo traps" — registered or recycled by blocklist operators and
 *    mailbox providers precisely because only a list nobody checked sends to
 *    them. The list is of common transpositions, omissions and doublings.
 */
export type SpamTrapHit = {
  pattern: 'local-word' | 'domain-label' | 'abuse' | 'typo-domain';
  matched: string;
};

const trapWords = new Set([
  'spamtrap',
  'spamtraps',
  'honeypot',
  'honeypots',
  'honeytrap',
  'blackhole',
  'spambait',
  'spamcatcher',
]);
const wholeLocal = new Set(['trap', 'spam', 'spamtrap', 'honeypot']);

/** Typo domains of Gmail, Yahoo, Hotmail, Outlook, AOL and iCloud that are known trap material. */
const typoDomains = new Set([
  'gmial.com',
  'gmai.com',
  'gamil.com',
  'gnail.com',
  'gmaill.com',
  'gmal.com',
  'gmil.com',
  'gmail.co',
  'gmail.con',
  'gmail.cm',
  'gmail.om',
  'ggmail.com',
  'yaho.com',
  'yahooo.com',
  'yhoo.com',
  'yahoo.con',
  'yahoo.cm',
  'hotmial.com',
  'hotmal.com',
  'hotmil.com',
  'hotmai.com',
  'hotamil.com',
  'hotmail.con',
  'hotmail.co',
  'outlok.com',
  'outloo.com',
  'otlook.com',
  'outlook.con',
  'aol.con',
  'aoll.com',
  'icloud.con',
  'iclod.com',
  'icoud.com',
]);

/** The trap pattern a local part and ASCII domain match, or null. */
export function spamTrapHit(local: string, asciiDomain: string): SpamTrapHit | null {
  const l = local.toLowerCase();
  const d = asciiDomain.toLowerCase();
  if (wholeLocal.has(l)) return { pattern: 'local-word', matched: l };
  // Collapse "spam-trap" / "honey_pot" before splitting, then look at each word.
  const collapsed = l.replace(/(spam|honey|black)[-_.]?(trap|pot|hole|bait|catcher)/g, '$1$2');
  const word = collapsed.split(/[.\-_+]/).find((w) => trapWords.has(w));
  if (word) return { pattern: 'local-word', matched: word };
  if (l === 'abuse' || l.startsWith('abuse+')) return { pattern: 'abuse', matched: 'abuse' };
  const labels = d.split('.');
  const label = labels.slice(0, -1).find((x) => trapWords.has(x));
  if (label) return { pattern: 'domain-label', matched: label };
  if (typoDomains.has(d)) return { pattern: 'typo-domain', matched: d };
  return null;
}
