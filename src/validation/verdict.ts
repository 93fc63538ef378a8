import type { InvalidSubState } from '../leads/lead-states.ts';

/**
 * What validating an address concluded, and on what grounds. Every check
 * that ran leaves a finding, so the lead's timeline can show the whole
 * reasoning (which check, the MX hosts found, the verifier's own words).
 */
export type ValidationMode = 'full' | 'offline' | 'off';

export type CheckName =
  | 'mode'
  | 'syntax'
  | 'reserved'
  | 'disposable'
  | 'spam-trap'
  | 'role'
  | 'dns'
  | 'verifier';

export type Finding = {
  check: CheckName;
  /** warn: the lead goes on, with a note; error: the check could not run now (retried). */
  result: 'pass' | 'fail' | 'warn' | 'error';
  detail: string;
  evidence?: Record<string, unknown>;
};

/**
 * SPEC §4 `pending`: the address could not be verified either way — the
 * domain accepts every address (catch-all), or the mailbox server would not
 * say (greylisting, timeouts at the verifier's end). Sent, never held.
 */
export type UnsureSubState = 'CatchAll' | 'Unverifiable';

export type ValidVerdict = { outcome: 'valid'; reason: string; findings: Finding[] };

export type Verdict =
  | ValidVerdict
  | { outcome: 'unsure'; subState: UnsureSubState; reason: string; findings: Finding[] }
  | { outcome: 'invalid'; subState: InvalidSubState; reason: string; findings: Finding[] }
  /**
   * Nothing decided: a DNS lookup or the verifier failed for now. `fallback`
   * is what our own checks concluded when only the optional verifier failed:
   * used once retries run out, so a verifier outage delays a lead but never
   * stops it.
   */
  | { outcome: 'retry'; reason: string; findings: Finding[]; fallback?: ValidVerdict };

/** The warnings among the findings, appended to a valid verdict's reason. */
export function withWarnings(reason: string, findings: Finding[]): string {
  const warnings = findings.filter((f) => f.result === 'warn').map((f) => f.detail);
  return warnings.length ? `${reason}. Note: ${warnings.join('; ')}` : reason;
}
