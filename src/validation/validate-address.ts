import type { Config } from '../config/config.ts';
import { createHttpVerifier, type EmailVerifier, type VerifierAnswer } from './email-verifier.ts';
import { createMailHostResolver, type MailHostLookup, type MailHostResolver } from './mail-host-resolver.ts';
import { offlineVerdict } from './offline-checks.ts';
import type { Finding, ValidationMode, ValidVerdict, Verdict } from './verdict.ts';
import { withWarnings } from './verdict.ts';

/** What validating needs from outside: the mode, DNS, and the optional verifier. Built once per worker. */
export type AddressValidator = {
  mode: ValidationMode;
  resolver: MailHostResolver;
  verifier: EmailVerifier | null;
};

export function createAddressValidator(config: Config, now?: () => number): AddressValidator {
  return {
    mode: config.VALIDATION_MODE,
    resolver: createMailHostResolver({
      servers: config.DNS_SERVERS,
      timeoutMs: config.DNS_TIMEOUT_MS,
      concurrency: config.DNS_CONCURRENCY,
      positiveTtlMs: config.DNS_CACHE_TTL_SECONDS * 1000,
      negativeTtlMs: config.DNS_NEGATIVE_TTL_SECONDS * 1000,
      now,
    }),
    verifier: config.VERIFIER_URL
      ? createHttpVerifier({
          url: config.VERIFIER_URL,
          apiKey: config.VERIFIER_API_KEY,
          timeoutMs: config.VERIFIER_TIMEOUT_MS,
          concurrency: config.VERIFIER_CONCURRENCY,
        })
      : null,
  };
}

/**
 * The whole of SPEC §7 for one address: the offline checks, then (mode
 * `full`) whether the domain has a mail host, then the verifier if one is
 * configured — asked only about domains that can take mail, so its credits
 * go to addresses that might be good.
 */
export async function validateAddress(
  v: AddressValidator,
  email: string,
  sandbox: boolean,
): Promise<Verdict> {
  const offline = offlineVerdict(email, { mode: v.mode, sandbox });
  if (offline.outcome !== 'network') return offline;
  const findings = [...offline.findings];
  const dns = await v.resolver.lookup(offline.asciiDomain);
  if (dns.kind === 'unknown') {
    findings.push({
      check: 'dns',
      result: 'error',
      detail: dns.detail,
      evidence: { domain: dns.domain, code: dns.code },
    });
    return { outcome: 'retry', reason: dns.detail, findings };
  }
  if (dns.kind === 'no-mail-host') {
    findings.push({
      check: 'dns',
      result: 'fail',
      detail: dns.detail,
      evidence: { domain: dns.domain, why: dns.why, cached: dns.cached },
    });
    return {
      outcome: 'invalid',
      subState: 'ServerUnReachable',
      reason: `No mail host: ${dns.detail}`,
      findings,
    };
  }
  findings.push({ check: 'dns', result: 'pass', detail: mailHostDetail(dns), evidence: dnsEvidence(dns) });
  const own: ValidVerdict = {
    outcome: 'valid',
    reason: withWarnings(`Address verified: ${mailHostDetail(dns)}`, findings),
    findings: [...findings],
  };
  if (!v.verifier) return own;

  const local = email.slice(0, email.lastIndexOf('@'));
  let answer: VerifierAnswer;
  try {
    answer = await v.verifier.verify(`${local}@${offline.asciiDomain}`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    findings.push({
      check: 'verifier',
      result: 'error',
      detail: why,
      evidence: { provider: v.verifier.name },
    });
    return { outcome: 'retry', reason: `The verifier did not answer: ${why}`, findings, fallback: own };
  }
  return verifierVerdict(answer, findings, mailHostDetail(dns));
}

function verifierVerdict(answer: VerifierAnswer, findings: Finding[], hostDetail: string): Verdict {
  const evidence = {
    provider: answer.provider,
    status: answer.status,
    subStatus: answer.subStatus,
    verdict: answer.verdict,
  };
  const words = `${answer.provider} says "${answer.status}${answer.subStatus ? ` / ${answer.subStatus}` : ''}"`;
  const good = answer.verdict === 'valid' || answer.verdict === 'catch_all' || answer.verdict === 'unknown';
  findings.push({ check: 'verifier', result: good ? 'pass' : 'fail', detail: words, evidence });
  if (answer.role && !findings.some((f) => f.check === 'role'))
    findings.push({
      check: 'role',
      result: 'warn',
      detail: `${answer.provider} calls it a role account`,
      evidence,
    });
  switch (answer.verdict) {
    case 'valid':
      return {
        outcome: 'valid',
        reason: withWarnings(`Address verified: ${hostDetail}; ${words}`, findings),
        findings,
      };
    case 'catch_all':
      return {
        outcome: 'unsure',
        subState: 'CatchAll',
        reason: `The domain accepts every address, so this one cannot be confirmed (${words})`,
        findings,
      };
    case 'unknown':
      return {
        outcome: 'unsure',
        subState: 'Unverifiable',
        reason: `The mail server would not say whether the mailbox exists (${words})`,
        findings,
      };
    case 'no_mail_host':
      return {
        outcome: 'invalid',
        subState: 'ServerUnReachable',
        reason: `No mail host (${words})`,
        findings,
      };
    case 'disposable':
      return {
        outcome: 'invalid',
        subState: 'Disposable',
        reason: `A throwaway mailbox (${words})`,
        findings,
      };
    case 'spam_trap':
      return { outcome: 'invalid', subState: 'SpamTrap', reason: `A spam trap (${words})`, findings };
    case 'risky':
      return { outcome: 'invalid', subState: 'BounceRisk', reason: `Risky to send to (${words})`, findings };
    case 'invalid':
      return {
        outcome: 'invalid',
        subState: 'InvalidEmail',
        reason: `The mailbox does not exist (${words})`,
        findings,
      };
  }
}

function mailHostDetail(dns: MailHostLookup & { kind: 'mail-host' }): string {
  const hosts =
    dns.hosts.slice(0, 3).join(', ') + (dns.hosts.length > 3 ? ` and ${dns.hosts.length - 3} more` : '');
  return dns.via === 'mx'
    ? `${dns.domain} has mail hosts ${hosts}`
    : `${dns.domain} has no MX but its own address (${dns.via.toUpperCase()} ${hosts}) takes mail (RFC 5321 §5.1)`;
}

const dnsEvidence = (dns: MailHostLookup & { kind: 'mail-host' }) => ({
  domain: dns.domain,
  via: dns.via,
  hosts: dns.hosts,
  cached: dns.cached,
});
