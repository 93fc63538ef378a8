import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess } from './helpers/processes.ts';
import { freshDatabaseUrl } from './helpers/test-database.ts';

// A second Nurture on one machine used to die with an uncaught EADDRINUSE on the fixed sandbox port.
// Now a port in use is one line naming the setting to change, and exit code 2.
let taken: Server;
let takenPort: number;
const dirs: string[] = [];
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  taken = createServer();
  // Held on every interface, as another program (or another Nurture) would hold it.
  await new Promise<void>((resolve) => taken.listen(0, resolve));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((r) => taken.close(r));
  for (const d of drops) await d();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Its own data folder (PGlite) or database (PostgreSQL): the folder lock must not be what stops it. */
async function ownStore(): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'nurture-ports-'));
  dirs.push(dir);
  const fresh = await freshDatabaseUrl();
  drops.push(fresh.drop);
  return { NURTURE_DATA_DIR: dir, ...(fresh.url ? { DATABASE_URL: fresh.url } : {}) };
}

async function runUntilExit(env: Record<string, string>) {
  const child = startProcess('src/main.ts', { ...(await ownStore()), HOST: '127.0.0.1', ...env });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, output: child.output() };
}

describe('a port in use', () => {
  for (const setting of ['PORT', 'SANDBOX_SMTP_PORT', 'INBOUND_SMTP_PORT'] as const)
    it(`${setting}: exits 2 with one line naming ${setting}`, async () => {
      const env: Record<string, string> = {
        PORT: String(await freePort()),
        SANDBOX_SMTP_PORT: '0',
        INBOUND_SMTP_HOST: '127.0.0.1',
        [setting]: String(takenPort),
      };
      const { code, output } = await runUntilExit(env);
      expect(code, output).toBe(2);
      const lines = output.trim().split('\n');
      expect(lines, output).toHaveLength(1);
      expect(lines[0]).toContain(
        `:${takenPort}: the port is in use by another program. Set ${setting} to a free port`,
      );
      expect(output).not.toMatch(/EADDRINUSE| {4}at /);
    }, 60_000);
});
