import { checkSyntax } from './address-syntax.ts';
import { disposableEntry, disposableListName } from './disposable-domains.ts';
import { reservedName } from './reserved-domains.ts';
import { roleAccount } from './role-accounts.ts';
import { spamTrapHit } from './spam-traps.ts';
import { type Finding, type ValidationMode, type Verdict, withWarnings } from './verdict.ts';

export type OfflineOptions = {
  mode: ValidationMode;
  /** The lead's mail goes to the built-in sandbox (no SMTP for its assistant): nothing leaves the machine. */
  sandbox: boolean;
};

/** The offline checks' answer: a verdict, or "ask the network" with what was found so far. */
export type OfflineResult = Verdict | { outcome: 'network'; asciiDomain: string; findings: Finding[] };

/**
 * Every check that needs no network, cheapest first, in one pure function:
 * syntax, special-use names, throwaway providers, spam-trap patterns, role
 * accounts. It runs when a lead is added (so an obvious verdict is there at
 * once) and again first thing in the worker. With VALIDATION_MODE `full`, an
 * address that passes them all still needs DNS (and the verifier, if any),
 * unless it is a test name whose mail stays in the sandbox.
 */
export function offlineVerdict(email: string, opts: OfflineOptions): OfflineResult {
  const syntax = checkSyntax(email);
  if (!syntax.ok)
    return {
      outcome: 'invalid',
      subState: 'InvalidEmail',
      reason: `The address ${syntax.reason}`,
      findings: [{ check: 'syntax', result: 'fail', detail: syntax.reason }],
    };
  const findings: Finding[] = [
    {
      check: 'syntax',
      result: 'pass',
      detail: 'RFC 5321/5322 syntax',
      evidence: { asciiDomain: syntax.asciiDomain },
    },
  ];
  if (opts.mode === 'off') {
    findings.push({ check: 'mode', result: 'pass', detail: 'VALIDATION_MODE=off: no other check runs' });
    return { outcome: 'valid', reason: 'Address syntax valid (validation is off)', findings };
  }
  const { local, asciiDomain } = syntax;
  const invalid = (
    subState: 'ServerUnReachable' | 'Disposable' | 'SpamTrap' | 'InvalidEmail',
    f: Finding,
    reason: string,
  ): Verdict => ({ outcome: 'invalid', subState, reason, findings: [...findings, f] });

  const reserved = reservedName(asciiDomain);
  if (reserved?.kind === 'no-mail')
    return invalid(
      'ServerUnReachable',
      {
        check: 'reserved',
        result: 'fail',
        detail: `${reserved.name} is a special-use name (${reserved.rfc})`,
        evidence: { ...reserved },
      },
      `${syntax.domain} can never have a mail host: ${reserved.name} is a special-use name (${reserved.rfc})`,
    );

  const disposable = disposableEntry(asciiDomain);
  if (disposable)
    return invalid(
      'Disposable',
      {
        check: 'disposable',
        result: 'fail',
        detail: `${disposable} is on the ${disposableListName} list`,
        evidence: { entry: disposable, list: disposableListName },
      },
      `${syntax.domain} is a throwaway-mailbox provider (${disposable} is on the ${disposableListName} list)`,
    );
  findings.push({ check: 'disposable', result: 'pass', detail: `not on the ${disposableListName} list` });

  const trap = spamTrapHit(local, asciiDomain);
  if (trap)
    return invalid(
      'SpamTrap',
      {
        check: 'spam-trap',
        result: 'fail',
        detail: trapDetail(trap.pattern, trap.matched),
        evidence: { ...trap },
      },
      `The address looks like a spam trap: ${trapDetail(trap.pattern, trap.matched)}`,
    );
  findings.push({ check: 'spam-trap', result: 'pass', detail: 'no known trap pattern' });

  const role = roleAccount(local);
  if (role?.kind === 'unattended')
    return invalid(
      'InvalidEmail',
      {
        check: 'role',
        result: 'fail',
        detail: `${role.role}@ is an unattended address`,
        evidence: { ...role },
      },
      `${local}@ is an unattended address: nobody reads it and no reply can come`,
    );
  if (role)
    findings.push({
      check: 'role',
      result: 'warn',
      detail: `${local}@ is a role account (a shared inbox: someone else may answer, complaints are likelier)`,
      evidence: { ...role },
    });

  if (opts.mode === 'offline') {
    findings.push({ check: 'mode', result: 'pass', detail: 'VALIDATION_MODE=offline: no DNS or verifier' });
    return {
      outcome: 'valid',
      reason: withWarnings('Address passed the offline checks', findings),
      findings,
    };
  }
  if (reserved?.kind === 'test' && opts.sandbox) {
    findings.push({
      check: 'reserved',
      result: 'pass',
      detail: `${reserved.name} is reserved for testing (${reserved.rfc}) and this mail goes to the built-in sandbox`,
      evidence: { ...reserved, sandbox: true },
    });
    return {
      outcome: 'valid',
      reason: withWarnings(
        `Address accepted without DNS: ${syntax.domain} is reserved for testing (${reserved.rfc}) and the assistant's mail stays in the sandbox`,
        findings,
      ),
      findings,
    };
  }
  return { outcome: 'network', asciiDomain, findings };
}

function trapDetail(pattern: string, matched: string): string {
  switch (pattern) {
    case 'abuse':
      return 'abuse@ is where mail operators report unsolicited mail (RFC 2142)';
    case 'typo-domain':
      return `${matched} is a misspelt mailbox-provider domain, a known typo trap`;
    case 'domain-label':
      return `the domain names a trap ("${matched}")`;
    default:
      return `the local part names a trap ("${matched}")`;
  }
}
