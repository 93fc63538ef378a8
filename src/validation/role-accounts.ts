/**
 * Role accounts (SPEC §7): addresses of a function, not of a person.
 *
 * Two kinds, decided differently:
 * - `unattended` (`noreply@`, `mailer-daemon@`, `bounces@` …): nobody reads
 *   them by design. Mail there is discarded or bounced and no reply can ever
 *   come, so the lead is invalid (`InvalidEmail`).
 * - `shared` (`info@`, `sales@`, `office@` …): a real, read mailbox, often
 *   the only address a small company publishes, and the sales team added it
 *   on purpose. None of §4's invalid sub-states means "role account", and
 *   deactivating would silently drop real prospects, so the lead goes on and
 *   the timeline carries a warning (a shared inbox: replies may come from
 *   someone else, and complaints are likelier).
 *
 * Our own short list rather than the `role-based-email-addresses` package:
 * its 1,000 prefixes include words that are people's handles or ordinary
 * team names ("growth", "creative", "media", "digital"), and a warning on
 * every second address is a warning nobody reads. Matching ignores case,
 * `+tags` and the separators `.`, `-`, `_` (so `customer.service`,
 * `no_reply` and `info+web` match).
 */
export type RoleAccount = { kind: 'unattended' | 'shared'; role: string };

const unattended = [
  'noreply',
  'donotreply',
  'dontreply',
  'mailerdaemon',
  'bounce',
  'bounces',
  'devnull',
  'unsubscribe',
];

const shared = [
  'info',
  'information',
  'sales',
  'support',
  'help',
  'helpdesk',
  'contact',
  'contactus',
  'hello',
  'hi',
  'office',
  'admin',
  'administrator',
  'enquiries',
  'enquiry',
  'inquiries',
  'inquiry',
  'team',
  'marketing',
  'billing',
  'accounts',
  'accounting',
  'finance',
  'invoices',
  'hr',
  'jobs',
  'careers',
  'recruiting',
  'press',
  'media',
  'pr',
  'legal',
  'privacy',
  'compliance',
  'security',
  'it',
  'webmaster',
  'postmaster',
  'hostmaster',
  'customerservice',
  'customercare',
  'service',
  'feedback',
  'orders',
  'reception',
  'general',
  'mail',
  'email',
  'all',
  'everyone',
  'staff',
  'partners',
  'newsletter',
];

const unattendedSet = new Set(unattended);
const sharedSet = new Set(shared);

/** The role a local part names, if any. */
export function roleAccount(local: string): RoleAccount | null {
  const base = local
    .toLowerCase()
    .split('+')[0]!
    .replace(/[.\-_]/g, '');
  if (unattendedSet.has(base)) return { kind: 'unattended', role: base };
  if (sharedSet.has(base)) return { kind: 'shared', role: base };
  return null;
}
