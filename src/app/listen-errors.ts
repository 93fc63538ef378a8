import { createServer } from 'node:net';
import { AppError } from '../errors/app-error.ts';

/**
 * A listener that could not start (the port taken by another program, a
 * privileged port, an address this machine does not have) becomes one line
 * that names the setting to change, so `npm start` stops with that line and
 * exit code 2 instead of a stack trace.
 */
export function listenError(
  e: unknown,
  what: string,
  where: { port: number; host: string; portSetting: string; hostSetting?: string },
): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  const at = `${where.host}:${where.port}`;
  if (code === 'EADDRINUSE')
    return new AppError(
      'UNAVAILABLE',
      `${what} cannot listen on ${at}: the port is in use by another program. Set ${where.portSetting} to a free port (0 picks any) or stop the other program.`,
      { cause: e },
    );
  if (code === 'EACCES')
    return new AppError(
      'UNAVAILABLE',
      `${what} cannot listen on ${at}: not allowed to use that port. Set ${where.portSetting} to a port above 1023.`,
      { cause: e },
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new AppError(
      'UNAVAILABLE',
      `${what} cannot listen on ${at}: this machine has no such address. Set ${where.hostSetting ?? where.portSetting} to one of its addresses.`,
      { cause: e },
    );
  return e;
}

/**
 * Fails at once, before the database is opened and migrated (which can take a
 * while), when a port Nurture is about to listen on is already taken. The real
 * listen later maps its errors the same way, should the port be taken between.
 */
export async function assertPortFree(
  what: string,
  where: { port: number; host: string; portSetting: string; hostSetting?: string },
): Promise<void> {
  if (where.port === 0) return;
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(where.port, where.host, () => resolve());
    });
  } catch (e) {
    throw listenError(e, what, where);
  } finally {
    await new Promise<void>((resolve) => (probe.listening ? probe.close(() => resolve()) : resolve()));
  }
}
