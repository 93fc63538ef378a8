import { ConfigError, loadConfig } from '../config/config.ts';
import { isAppError } from '../errors/app-error.ts';
import { type Roles, startNurture } from './start.ts';

/** Shared by the entry points: parse config, start the roles, stop cleanly on SIGINT/SIGTERM. */
export async function runEntry(roles: Roles): Promise<void> {
  try {
    const config = loadConfig();
    const running = await startNurture(config, roles);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      running.ctx.log.info('stopping', { signal });
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await running.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (e) {
    if (e instanceof ConfigError || isAppError(e)) {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
