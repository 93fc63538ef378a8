import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export const root = new URL('../../', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Run `npx nurture …` the way a user would (the bin shim picks the project's Node 24). */
export function nurtureCli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [`${root}bin/nurture.js`, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    // A ceiling, not a measure: a new PGlite folder alone takes seconds, and much more on a busy machine.
    timeout: 180_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Start an entry point (src/main.ts, src/worker.ts…) as its own process group, output kept for diagnosis. */
export function startProcess(
  entry: string,
  env: Record<string, string>,
): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [`${root}${entry}`], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return Object.assign(child, { output: () => out });
}

export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    process.kill(-child.pid!, signal);
  } catch {}
  return exited;
}
