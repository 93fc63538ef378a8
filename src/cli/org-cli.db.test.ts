import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../../test/helpers/test-database.ts';

// SPEC §11: `npx nurture org set-cap --org ID --cap N [--json]`, the real CLI on a fresh database.
const root = new URL('../../', import.meta.url).pathname;
let fresh: Awaited<ReturnType<typeof freshDatabaseUrl>>;
let dataDir: string;
let orgId: string;

const run = (args: string[]) => {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'error' };
  if (fresh.url) env.DATABASE_URL = fresh.url;
  else {
    delete env.DATABASE_URL;
    env.NURTURE_DATA_DIR = dataDir;
  }
  return spawnSync(process.execPath, [join(root, 'bin', 'nurture.js'), ...args], {
    encoding: 'utf8',
    env,
    // A ceiling, not a measure: Node and the database take a while to start on a busy machine.
    timeout: 180_000,
  });
};

beforeAll(async () => {
  fresh = await freshDatabaseUrl();
  dataDir = mkdtempSync(join(tmpdir(), 'nurture-org-cli-'));
  const init = run([
    'init',
    '--org',
    'Acme',
    '--email',
    'ops@acme.test',
    '--password',
    'password123',
    '--json',
  ]);
  expect(init.status, init.stderr).toBe(0);
  orgId = JSON.parse(init.stdout).orgId;
});
afterAll(async () => {
  await fresh?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('nurture org set-cap', () => {
  it('sets and removes the cap, printing {orgId, cap, active} with --json', () => {
    const set = run(['org', 'set-cap', '--org', orgId, '--cap', '25', '--json']);
    expect(set.status, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ orgId, cap: 25, active: 0 });

    const show = run(['org', 'show', '--org', orgId, '--json']);
    expect(show.status, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({
      orgId,
      cap: 25,
      active: 0,
      usableByOthers: 23,
      waitingNew: 0,
    });

    const none = run(['org', 'set-cap', '--org', orgId, '--cap', 'none']);
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/no active-lead cap \(0 active now\)/);
    expect(JSON.parse(run(['org', 'show', '--org', orgId, '--json']).stdout).cap).toBeNull();
  });

  it('refuses bad input with one line naming the flag, exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['org', 'set-cap', '--org', orgId, '--cap', 'lots'], /^--cap: "lots" is not a whole number/],
      [['org', 'set-cap', '--org', orgId, '--cap', '2.5'], /^--cap: /],
      [['org', 'set-cap', '--org', orgId], /^--cap: required/],
      [['org', 'set-cap', '--cap', '5'], /^--org: required/],
      [
        ['org', 'set-cap', '--org', 'not-an-id', '--cap', '5'],
        /^--org: "not-an-id" is not an organisation id/,
      ],
      [
        ['org', 'set-cap', '--org', '00000000-0000-4000-8000-000000000000', '--cap', '5'],
        /^--org: no organisation 0000/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
