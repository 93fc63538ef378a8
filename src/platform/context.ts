import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from './logger.ts';

/**
 * What a domain call needs from the outside world, built once at boot
 * (src/app/start.ts) and passed down. `wake` lets a state change nudge the
 * worker in the same process instead of waiting for its next poll.
 */
export type Ctx = {
  db: Db;
  config: Config;
  log: Logger;
  now: () => Date;
  /** `validator` is absent where no worker runs in the process (tests and benchmarks that build their own Ctx). */
  wake: { dispatcher(): void; inbound(): void; validator?(): void };
};
