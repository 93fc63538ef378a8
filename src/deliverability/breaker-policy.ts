/**
 * The breakers' rules as pure functions (SPEC §5.3, §12): the window, the
 * rate, and the next state. The database side lives in breaker-evaluation.ts.
 */
import type { Config } from '../config/config.ts';
import type { BreakerKind, BreakerScope, BreakerState } from '../db/schema.ts';

/** SPEC §5.3: "over the last 7 days". */
export const breakerWindowMs = 7 * 86_400_000;

/**
 * A held email is looked at again after a day; resuming the breaker releases
 * it at once (breaker-resume.ts), so the day only bounds how long an email
 * missed by a release can wait, without a timeline event every few minutes
 * for every held lead.
 */
export const breakerHoldMs = 86_400_000;

/** How often a worker re-evaluates every breaker (bounces re-evaluate theirs at once). */
export const breakerSweepMs = 5 * 60_000;

export type Thresholds = { warn: number; pause: number; minSends: number };

export function thresholdsFor(
  config: Pick<
    Config,
    | 'BOUNCE_BREAKER_WARN_RATE'
    | 'BOUNCE_BREAKER_PAUSE_RATE'
    | 'COMPLAINT_BREAKER_WARN_RATE'
    | 'COMPLAINT_BREAKER_PAUSE_RATE'
    | 'BREAKER_MIN_SENDS'
  >,
  kind: BreakerKind,
): Thresholds {
  return kind === 'hard_bounce'
    ? {
        warn: config.BOUNCE_BREAKER_WARN_RATE,
        pause: config.BOUNCE_BREAKER_PAUSE_RATE,
        minSends: config.BREAKER_MIN_SENDS,
      }
    : {
        warn: config.COMPLAINT_BREAKER_WARN_RATE,
        pause: config.COMPLAINT_BREAKER_PAUSE_RATE,
        minSends: config.BREAKER_MIN_SENDS,
      };
}

/**
 * The last 7 days, but never before the last resume: a resumed breaker starts
 * from a clean slate instead of tripping again on the bounces that tripped it.
 */
export function windowStart(now: Date, resumedAt: Date | null): Date {
  const weekAgo = now.getTime() - breakerWindowMs;
  return new Date(Math.max(weekAgo, resumedAt?.getTime() ?? weekAgo));
}

/** Emails sent in the window (refusals at send time included for bounces) and how many of them failed. */
export type WindowCounts = { sends: number; events: number };

export const rateOf = (c: WindowCounts): number => (c.sends > 0 ? c.events / c.sends : 0);

export type Judgement = { state: BreakerState; rate: number; verdict: 'none' | 'clear' | 'warn' | 'pause' };

/**
 * The next state. A tripped breaker stays tripped until a human resumes it
 * (a rate that falls because bounces age out proves nothing about the list);
 * under BREAKER_MIN_SENDS there is no verdict, so the state stays as it is;
 * otherwise the rate decides, and a warning clears itself once the rate is
 * back under the warn level.
 */
export function judge(current: BreakerState, counts: WindowCounts, t: Thresholds): Judgement {
  const rate = rateOf(counts);
  if (current === 'tripped') return { state: 'tripped', rate, verdict: 'none' };
  if (counts.sends < t.minSends) return { state: current, rate, verdict: 'none' };
  if (rate >= t.pause) return { state: 'tripped', rate, verdict: 'pause' };
  if (rate >= t.warn) return { state: 'warn', rate, verdict: 'warn' };
  return { state: 'armed', rate, verdict: 'clear' };
}

const kindWords: Record<BreakerKind, { noun: string; what: string }> = {
  hard_bounce: { noun: 'Hard-bounce', what: 'bounced hard' },
  complaint: { noun: 'Complaint', what: 'were reported as spam' },
};
const scopeWords: Record<BreakerScope, string> = {
  mailbox: 'mailbox',
  assistant: 'assistant',
  org: 'organisation',
};

export const percent = (r: number): string => `${(Math.round(r * 1000) / 10).toFixed(1)} %`;

/** "Hard-bounce breaker of mailbox alex@acme.test"; an empty label names the scope alone. */
export const breakerName = (kind: BreakerKind, scope: BreakerScope, label: string): string =>
  label
    ? `${kindWords[kind].noun} breaker of ${scopeWords[scope]} ${label}`
    : `${kindWords[kind].noun} breaker of the ${scopeWords[scope]}`;

/** What a held email waits for, in the words a user reads on the timeline. */
export function holdReason(kind: BreakerKind, scope: BreakerScope, label: string, rate: number): string {
  const name = breakerName(kind, scope, label);
  return kind === 'hard_bounce'
    ? `${name} is tripped (${percent(rate)} in 7 days) and this address is not verified yet; it waits until an admin resumes the breaker`
    : `${name} is tripped (${percent(rate)} in 7 days): sequence emails wait until an admin resumes the breaker`;
}

/** The alert the assistant's users read when a breaker warns or trips. */
export function alertReason(
  kind: BreakerKind,
  scope: BreakerScope,
  label: string,
  counts: WindowCounts,
  t: Thresholds,
  verdict: 'warn' | 'pause',
): string {
  const head = `${breakerName(kind, scope, label)}: ${counts.events} of ${counts.sends} emails in the last 7 days ${kindWords[kind].what} (${percent(rateOf(counts))})`;
  if (verdict === 'warn')
    return `${head}; warning at ${percent(t.warn)}, sending pauses at ${percent(t.pause)}`;
  return kind === 'hard_bounce'
    ? `${head}, at or over ${percent(t.pause)}: tripped. Unverified addresses get no email until an admin resumes it`
    : `${head}, at or over ${percent(t.pause)}: tripped. No sequence email goes until an admin resumes it`;
}
