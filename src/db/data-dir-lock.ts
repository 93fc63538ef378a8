import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.ts';

/**
 * PGlite lets a second process open the same folder without complaint, and that
 * process's writes are then silently lost (measured, STACK-NOTES). So the folder
 * is ours alone while we hold `nurture.lock`; a second opener is refused with a
 * message that says who holds it. A lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'nurture.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new AppError(
          'UNAVAILABLE',
          `The data folder ${dir} is in use by process ${holder} (embedded databases allow one process). ` +
            'Stop it first, or point DATABASE_URL at PostgreSQL to run several processes.',
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError('UNAVAILABLE', `Could not lock the data folder ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
