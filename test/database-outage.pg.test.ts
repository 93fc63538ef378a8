import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy, throughProxy } from './helpers/tcp-proxy.ts';
import { freshDatabaseUrl } from './helpers/test-database.ts';
import { startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Err = { error: { code: string; message: string } };

// A database outage as a caller meets it: every call is a 503 with Retry-After and the same safe
// message (never a 500, never a hang), /health says so too, and when the database is back the same
// process answers again, without a restart.
let proxy: TcpProxy;
let n: Awaited<ReturnType<typeof startTestNurture>>;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabaseUrl();
  drop = fresh.drop;
  const url = new URL(fresh.url!);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  n = await startTestNurture({ DATABASE_URL: throughProxy(fresh.url!, proxy), LOG_LEVEL: 'silent' });
});
afterAll(async () => {
  proxy?.restore();
  await n?.close();
  await proxy?.close();
  await drop?.();
});

const get = (path: string) =>
  fetch(`${n.url}${path}`, { headers: { authorization: `Bearer ${n.org.apiKey}` } });

describe('the database goes away and comes back', () => {
  it('a connection cut while a transaction holds it between queries fails that transaction, not the process', async () => {
    // Unhandled, the client's 'error' event would end this process (as it once ended a worker).
    const unhandled: unknown[] = [];
    const onUncaught = (e: unknown) => unhandled.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const tx = n.ctx.db.transaction(async (t) => {
        await t.execute(sql`SELECT 1`);
        proxy.cut();
        // Let the cut reach the idle, checked-out connection before its next query.
        await new Promise((r) => setTimeout(r, 300));
        await t.execute(sql`SELECT 2`);
      });
      await expect(tx).rejects.toThrow();
    } finally {
      proxy.restore();
      process.off('uncaughtException', onUncaught);
    }
    expect(unhandled).toEqual([]);
    await waitFor(async () => (await get('/health')).status === 200, 'the database back');
  });

  it('answers 503 with Retry-After while it is down, and 200 again once it is back', async () => {
    expect((await get('/api/v1/leads')).status).toBe(200);
    expect((await get('/health')).status).toBe(200);

    proxy.cut();
    const calls: [string, RequestInit?][] = [
      ['/api/v1/leads'],
      ['/api/v1/me'],
      ['/api/v1/schedules'],
      [
        '/api/v1/leads',
        {
          method: 'POST',
          headers: { authorization: `Bearer ${n.org.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'outage@example.com', source: 'event' }),
        },
      ],
    ];
    for (const [path, init] of calls) {
      const t0 = Date.now();
      const res = await fetch(
        `${n.url}${path}`,
        init ?? { headers: { authorization: `Bearer ${n.org.apiKey}` } },
      );
      expect(res.status, path).toBe(503);
      expect(Number(res.headers.get('retry-after')), path).toBeGreaterThan(0);
      const body = (await res.json()) as Err;
      expect(body.error).toEqual({
        code: 'UNAVAILABLE',
        message: 'The database is not reachable right now; try again shortly',
      });
      // Refused connections fail at once; the pool's connect timeout (5 s) bounds the rest.
      expect(Date.now() - t0, path).toBeLessThan(15_000);
    }
    const health = await fetch(`${n.url}/health`);
    expect(health.status).toBe(503);
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);

    proxy.restore();
    await waitFor(async () => (await get('/api/v1/leads')).status === 200, 'the API to answer again', 20_000);
    expect((await get('/health')).status).toBe(200);
    const added = await fetch(`${n.url}/api/v1/leads`, calls[3]![1]);
    expect(added.status).toBe(201);
  });

  it('recovers from a second outage too (the pool drops its dead connections each time)', async () => {
    proxy.cut();
    expect((await get('/api/v1/leads')).status).toBe(503);
    proxy.restore();
    await waitFor(async () => (await get('/api/v1/leads')).status === 200, 'the API to answer again', 20_000);
  });
});
