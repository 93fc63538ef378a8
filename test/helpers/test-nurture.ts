import { randomBytes } from 'node:crypto';
import { createOrgWithAdmin, type InitResult } from '../../src/accounts/org-setup.ts';
import { newSecretToken } from '../../src/accounts/secret-tokens.ts';
import { startNurture } from '../../src/app/start.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Db } from '../../src/db/database.ts';
import { apiKeys, users } from '../../src/db/schema.ts';
import { freshDatabaseUrl } from './test-database.ts';

export type Api = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  opts?: { key?: string | null; raw?: string; headers?: Record<string, string> },
) => Promise<{ status: number; body: T }>;

/**
 * A started Nurture (HTTP, sandbox SMTP, worker) on a fresh database and
 * ephemeral ports, with one org set up. The real thing, in-process.
 */
export async function startTestNurture(env: Record<string, string> = {}) {
  const fresh = await freshDatabaseUrl();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SANDBOX_SMTP_PORT: '0',
    NURTURE_DATA_DIR: 'memory://',
    LOG_LEVEL: 'error',
    DISPATCH_POLL_MS: '50',
    ...(fresh.url ? { DATABASE_URL: fresh.url } : {}),
    // Every check but DNS and the verifier: a test must not depend on this machine's resolver (here it
    // answers NXDOMAIN for every name). test/address-validation.test.ts runs VALIDATION_MODE=full
    // against a real DNS server of its own.
    VALIDATION_MODE: 'offline',
    // The tests' mail servers (Dovecot, SMTP sinks) listen on 127.0.0.1; test/assistants-api.test.ts turns it off.
    ALLOW_PRIVATE_MAIL_HOSTS: 'true',
    ...env,
  });
  const running = await startNurture(config, { http: true, worker: true });
  const org: InitResult = await createOrgWithAdmin(running.ctx.db, {
    orgName: 'Acme',
    email: `admin-${Math.random().toString(36).slice(2)}@acme.test`,
    password: 'correct horse',
  });
  const api: Api = async (method, path, body, opts = {}) => {
    const key = opts.key === undefined ? org.apiKey : opts.key;
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed as never };
  };
  return {
    ...running,
    org,
    api,
    async close() {
      await running.stop();
      await fresh.drop();
    },
  };
}

/**
 * Polls `fn` until it returns the state a test asserts (truthy), and returns it. The deadline is
 * generous because it only matters when the state never comes: on a busy machine a worker round
 * can take seconds, and a test that reads early (a proxy instead of the state) is a flaky test.
 */
export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A member (not admin) of the org, with an API key of their own: for visibility and permission tests. */
export async function addMember(db: Db, orgId: string): Promise<{ id: string; key: string }> {
  const [m] = await db
    .insert(users)
    .values({ orgId, email: `member-${randomBytes(6).toString('hex')}@acme.test`, role: 'member' })
    .returning();
  const key = newSecretToken('nk');
  await db
    .insert(apiKeys)
    .values({ orgId, userId: m!.id, name: 'test', prefix: key.displayPrefix, keyHash: key.hash });
  return { id: m!.id, key: key.token };
}

/** Another organisation on the same instance, whose data the tests must never see. */
export function addRivalOrg(db: Db): Promise<InitResult> {
  return createOrgWithAdmin(db, {
    orgName: 'Rival',
    email: `boss-${randomBytes(6).toString('hex')}@rival.test`,
    password: 'password123',
  });
}
