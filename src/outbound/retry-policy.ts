import type { Config } from '../config/config.ts';
import { nextWindowOpening, type SendWindow } from '../sequences/send-window.ts';

export type RetryDecision =
  | { kind: 'retry'; at: Date; since: Date; giveUpAt: Date }
  | { kind: 'give-up'; since: Date; tries: number };

/**
 * After a temporary SMTP failure (4xx, a refused or timed-out connection),
 * as mail servers do: wait SEND_RETRY_BASE_MS, doubling each try up to
 * SEND_RETRY_MAX_MS, each retry moved into the lead's send window; only once
 * the first failure is older than SEND_GIVE_UP_AFTER_MS is the email failed.
 * `tries` counts this one; `since` is the first failure (null: this is it).
 */
export function decideRetry(
  config: Pick<Config, 'SEND_RETRY_BASE_MS' | 'SEND_RETRY_MAX_MS' | 'SEND_GIVE_UP_AFTER_MS'>,
  opts: { now: Date; since: Date | null; tries: number; window: SendWindow; timeZone: string },
): RetryDecision {
  const since = opts.since ?? opts.now;
  const giveUpAt = new Date(since.getTime() + config.SEND_GIVE_UP_AFTER_MS);
  if (opts.now.getTime() >= giveUpAt.getTime()) return { kind: 'give-up', since, tries: opts.tries };
  const delay = Math.min(
    config.SEND_RETRY_MAX_MS,
    config.SEND_RETRY_BASE_MS * 2 ** Math.min(30, Math.max(0, opts.tries - 1)),
  );
  // The last try is at the give-up time at the latest (then moved into the window, like any).
  const wanted = new Date(Math.min(opts.now.getTime() + delay, giveUpAt.getTime()));
  return { kind: 'retry', at: nextWindowOpening(wanted, opts.window, opts.timeZone), since, giveUpAt };
}
