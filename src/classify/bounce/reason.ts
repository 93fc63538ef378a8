/**
 * Decides the sisimai-vocabulary reason for one failed recipient from its
 * diagnostic text, enhanced status code, reply code, the SMTP command that
 * was rejected and the DSN action. The structure mirrors how sisimai reasons
 * (a status-driven pass, then a phrase-driven pass, then fallbacks) because
 * its corpus is our benchmark, but the tables and code are our own.
 */
import { matchPhrase } from './reason-rules.ts';
import { reasonFromStatus } from './status-codes.ts';
import { vendorReason } from './vendor-patterns.ts';

export type ReasonInput = {
  diagnostic: string;
  status: string | null;
  replyCode: string | null;
  /** SMTP stage of the rejection: CONN, HELO, MAIL, RCPT, DATA or ''. */
  command: string;
  action: string;
  /** Diagnostic-Code type: SMTP, X-UNIX, X-POSTFIX… or '' when unknown. */
  diagType: string;
  recipient: string | null;
  remoteMta: string;
  /** Lower-cased notice text, for provider templates. */
  notice: string;
};

export type ReasonResult = { reason: string; evidence: string };

/** Status-derived reasons that are too vague to trust without looking at the words. */
const VAGUE_STATUS = new Set([
  'networkerror',
  'securityerror',
  'systemerror',
  'expired',
  'mailboxfull',
  'mesgtoobig',
  'exceedlimit',
  'suspend',
  'hasmoved',
  'norelaying',
  'authfailure',
  'userunknown',
  'filtered',
  'requireptr',
  'notcompliantrfc',
  'badreputation',
  'contenterror',
  'rejected',
  'hostunknown',
  'spamdetected',
  'speeding',
  'toomanyconn',
  'blocked',
]);

/** Phrase-only pass used when the status is absent, vague, or the diagnostic is not from SMTP. */
const SECOND_PASS = [
  'mailboxfull',
  'authfailure',
  'badreputation',
  'speeding',
  'spamdetected',
  'virusdetected',
  'policyviolation',
  'norelaying',
  'systemerror',
  'networkerror',
  'suspend',
  'contenterror',
  'systemfull',
  'notaccept',
  'expired',
  'failedstarttls',
  'securityerror',
  'filtered',
  'mailererror',
  'syntaxerror',
];

const MAILER_TYPES = new Set(['X-UNIX', 'X-POSTFIX']);

const AFTER_DATA_ONLY = new Set(['CONN', 'HELO', 'EHLO', 'MAIL', 'RCPT']);

type Check = (r: ReasonInput, d: string, sname: string) => string | null;

const m =
  (reason: string): Check =>
  (_r, d) =>
    matchPhrase(reason, d);

const statusOrMatch =
  (reason: string): Check =>
  (r, d, sname) =>
    sname === reason ? `status ${r.status}` : matchPhrase(reason, d);

/** First pass, in priority order: a reason wins when its check returns the evidence. */
const FIRST_PASS: Array<[string, Check]> = [
  ['mailboxfull', statusOrMatch('mailboxfull')],
  [
    'mesgtoobig',
    (r, d, sname) => {
      if (sname === 'mesgtoobig') return `status ${r.status}`;
      if (sname === 'exceedlimit') return null;
      return matchPhrase('mesgtoobig', d);
    },
  ],
  ['exceedlimit', statusOrMatch('exceedlimit')],
  ['suspend', statusOrMatch('suspend')],
  ['hasmoved', statusOrMatch('hasmoved')],
  [
    'userunknown',
    (r, d, sname) => {
      // A rejection at MAIL FROM is about the sender, whatever the words say about "users".
      if (sname === 'suspend' || r.command === 'MAIL') return null;
      if (sname === 'userunknown') {
        for (const other of ['norelaying', 'blocked', 'mailboxfull', 'hasmoved', 'rejected', 'notaccept']) {
          if (matchPhrase(other, d)) return null;
        }
        return `status ${r.status}`;
      }
      if (r.command === 'RCPT') return matchPhrase('userunknown', d);
      // A DSN with a class-only status (5.0.0, 5.5.0) rejected before DATA: the words decide.
      if (r.status && sname === '' && r.command !== 'DATA') return matchPhrase('userunknown', d);
      return null;
    },
  ],
  [
    'filtered',
    (r, d, sname) => {
      if (sname === 'suspend') return null;
      if (sname === 'filtered') return matchPhrase('userunknown', d) ?? matchPhrase('filtered', d);
      if (r.command !== 'RCPT' && r.command !== 'MAIL') {
        return matchPhrase('filtered', d) ?? matchPhrase('userunknown', d);
      }
      return null;
    },
  ],
  ['norelaying', m('norelaying')],
  ['authfailure', statusOrMatch('authfailure')],
  ['requireptr', statusOrMatch('requireptr')],
  ['notcompliantrfc', m('notcompliantrfc')],
  ['badreputation', m('badreputation')],
  [
    'rejected',
    (r, d, sname) => {
      if (sname === 'rejected') return `status ${r.status}`;
      if (r.command === 'MAIL') return matchPhrase('rejected', d);
      if (r.command === 'DATA' && sname !== 'userunknown') return matchPhrase('rejected', d);
      if (sname === '' || sname === 'securityerror' || sname === 'systemerror')
        return matchPhrase('rejected', d);
      return null;
    },
  ],
  ['notaccept', statusOrMatch('notaccept')],
  [
    'hostunknown',
    (r, d, sname) => {
      if (r.command === 'MAIL' || matchPhrase('networkerror', d)) return null;
      if (sname === 'hostunknown') return `status ${r.status}`;
      return matchPhrase('hostunknown', d);
    },
  ],
  [
    'spamdetected',
    (r, d, sname) => {
      if (sname === 'spamdetected') return `status ${r.status}`;
      if (AFTER_DATA_ONLY.has(r.command)) return null;
      return matchPhrase('spamdetected', d);
    },
  ],
  ['speeding', m('speeding')],
  ['toomanyconn', statusOrMatch('toomanyconn')],
  ['blocked', statusOrMatch('blocked')],
  ['virusdetected', (r, d) => (AFTER_DATA_ONLY.has(r.command) ? null : matchPhrase('virusdetected', d))],
  [
    'contenterror',
    (r, d, sname) => {
      if (sname === 'contenterror') return `status ${r.status}`;
      return AFTER_DATA_ONLY.has(r.command) ? null : matchPhrase('contenterror', d);
    },
  ],
  ['systemfull', statusOrMatch('systemfull')],
  ['failedstarttls', m('failedstarttls')],
  // RFC 7504: 521/556 mean the host or domain does not accept mail at all.
  ['notaccept', (r) => (r.replyCode === '521' || r.replyCode === '556' ? `reply ${r.replyCode}` : null)],
];

function secondPass(r: ReasonInput, d: string): ReasonResult | null {
  const sname = reasonFromStatus(r.status);
  const tryPhrases = sname === '' || VAGUE_STATUS.has(sname) || MAILER_TYPES.has(r.diagType);
  if (tryPhrases) {
    for (const reason of SECOND_PASS) {
      const ev = matchPhrase(reason, d);
      if (ev) return { reason, evidence: ev };
    }
  }
  // Refused at MAIL FROM and no better explanation: the sender address was refused.
  if (r.command === 'MAIL' && !MAILER_TYPES.has(r.diagType))
    return { reason: 'rejected', evidence: 'rejected at MAIL FROM' };
  if (sname && sname !== 'delivered') return { reason: sname, evidence: `status ${r.status}` };
  const cls = (r.status ?? '').slice(0, 3);
  if (cls === '5.6' || cls === '4.6') return { reason: 'contenterror', evidence: `status ${r.status}` };
  if (cls === '5.7' || cls === '4.7') return { reason: 'securityerror', evidence: `status ${r.status}` };
  if (/^X-(?:UNIX|POSTFIX)$/.test(r.diagType))
    return { reason: 'mailererror', evidence: `diagnostic type ${r.diagType}` };
  if (r.replyCode && /^[45]0[0-7]$/.test(r.replyCode))
    return { reason: 'syntaxerror', evidence: `reply ${r.replyCode}` };
  if (r.action === 'delayed' || r.action === 'expired')
    return { reason: 'expired', evidence: `action ${r.action}` };
  if (r.command === 'HELO' || r.command === 'EHLO')
    return { reason: 'blocked', evidence: 'rejected at HELO' };
  return null;
}

export function decideReason(r: ReasonInput): ReasonResult {
  // "relayed" and "expanded" (RFC 3464 §2.3.3) are success notices too: nothing failed.
  if ((r.status ?? '').startsWith('2.') || /^(?:delivered|relayed|expanded)$/.test(r.action)) {
    return { reason: 'delivered', evidence: `status ${r.status ?? r.action}` };
  }
  const d = r.diagnostic.toLowerCase();
  const vendor = vendorReason({
    diagnostic: d,
    recipient: r.recipient,
    remoteMta: r.remoteMta,
    command: r.command,
    notice: r.notice,
  });
  if (vendor) return vendor;
  // Rejected at HELO/EHLO: the sending host itself was refused.
  if (r.command === 'HELO') return { reason: 'blocked', evidence: 'rejected at HELO' };
  const sname = reasonFromStatus(r.status);
  // Local delivery agents (procmail, pipes) report with X-UNIX / X-POSTFIX; SMTP-like first pass does not apply.
  if (!MAILER_TYPES.has(r.diagType)) {
    for (const [reason, check] of FIRST_PASS) {
      const ev = check(r, d, sname);
      if (ev) return { reason, evidence: ev };
    }
  }
  const second = secondPass(r, d);
  if (second) return second;
  if (matchPhrase('vacation', d)) return { reason: 'vacation', evidence: 'vacation text' };
  if (d.trim()) return { reason: 'onhold', evidence: 'no rule matched' };
  return { reason: 'undefined', evidence: 'no diagnostic' };
}

/**
 * Hard bounce per sisimai's semantics: the address itself is bad (unknown
 * user or host, moved, domain accepts no mail). Everything else may succeed
 * later or from another sender.
 */
export function isPermanent(reason: string, status: string | null, replyCode: string | null): boolean {
  if (reason === 'userunknown' || reason === 'hostunknown' || reason === 'hasmoved') return true;
  if (reason === 'notaccept') {
    if (status) return status.startsWith('5');
    return replyCode ? replyCode.startsWith('5') : true;
  }
  return false;
}

/**
 * Failures caused by the sender (IP, domain, authentication, content, rate):
 * the recipient address is fine, so the product keeps the lead and alerts the
 * assistant's owner instead. `filtered` is excluded: it is the recipient's own
 * filter or a dead mailbox behind a filter, not something the sender can fix.
 */
const SENDER_CAUSED = new Set([
  'blocked',
  'badreputation',
  'policyviolation',
  'requireptr',
  'authfailure',
  'spamdetected',
  'securityerror',
  'norelaying',
  'notcompliantrfc',
  'contenterror',
  'rejected',
  'speeding',
  'toomanyconn',
  'virusdetected',
  'failedstarttls',
  'mesgtoobig',
]);

export function isSenderCaused(reason: string): boolean {
  return SENDER_CAUSED.has(reason);
}
