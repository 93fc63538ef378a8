import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../src/db/schema.ts';
import { appPaths } from '../src/web/web-routes.ts';
import { startTestNurture } from './helpers/test-nurture.ts';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let token: string;

beforeAll(async () => {
  n = await startTestNurture();
  const lead = await n.api<{ id: string }>('POST', '/api/v1/leads', {
    email: 'pages@example.com',
    source: 'event',
  });
  const [row] = await n.ctx.db
    .select({ token: leads.unsubscribeToken })
    .from(leads)
    .where(eq(leads.id, lead.body.id));
  token = row!.token;
});
afterAll(async () => n?.close());

/**
 * A POST sent over a raw socket, streamed in 64 KB chunks (no Content-Length unless `declared`): the
 * server may answer before the body is sent and close, which fetch reports as a failure, not as the answer.
 */
function post(
  path: string,
  body: { bytes: number; declared?: boolean; prefix?: string },
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, n.url!);
    let answered: { status: number; body: string } | null = null;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { ...headers, ...(body.declared ? { 'content-length': String(body.bytes) } : {}) },
      },
      (res) => {
        answered = { status: res.statusCode ?? 0, body: '' };
        res.on('data', (d) => {
          answered!.body += d;
        });
        res.on('end', () => resolve(answered!));
        res.on('error', () => resolve(answered!));
      },
    );
    req.on('error', (e) => (answered ? resolve(answered) : reject(e)));
    const prefix = Buffer.from(body.prefix ?? '');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      if (sent === 0 && prefix.length) {
        req.write(prefix);
        sent += prefix.length;
      }
      while (sent < body.bytes && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, body.bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the same security headers on every HTML page', () => {
  const pages = () => [
    ...appPaths.map((p) => ({
      method: 'GET',
      path: p.replace(':id', '0b7c3f7e-1d2a-4c59-9b8e-2f1e0d9c8b7a'),
    })),
    { method: 'GET', path: `/u/${token}` },
    { method: 'GET', path: '/u/no-such-token' }, // the "link not valid" error page
    { method: 'POST', path: '/u/no-such-token' },
    { method: 'POST', path: `/u/${token}` }, // the "you are unsubscribed" page (last: it unsubscribes)
  ];

  it('every HTML route answers with CSP (frame-ancestors none), nosniff, X-Frame-Options and Referrer-Policy', async () => {
    for (const { method, path } of pages()) {
      const res = await fetch(`${n.url}${path}`, { method });
      const what = `${method} ${path}`;
      expect(res.headers.get('content-type'), what).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, what).toContain("frame-ancestors 'none'");
      expect(csp, what).toContain("object-src 'none'");
      expect(csp, what).toContain("base-uri 'none'");
      expect(csp, what).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
      expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
      // Whatever inline style or script a page has, its CSP allows exactly that, by hash.
      const body = await res.text();
      for (const m of body.matchAll(/<(style|script)(?: type="importmap")?>([\s\S]*?)<\/\1>/g)) {
        const hash = createHash('sha256').update(m[2]!).digest('base64');
        expect(csp, `${what}: inline ${m[1]}`).toContain(`'sha256-${hash}'`);
      }
    }
  });

  it('the unsubscribe pages load nothing from anywhere', async () => {
    const res = await fetch(`${n.url}/u/no-such-token`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
  });

  it('API answers, tracking and the API’s error answers carry them too', async () => {
    for (const path of [
      '/api/v1/leads',
      '/api/v1/nothing-here',
      '/t/c/not-a-token',
      '/t/o/x.gif',
      '/health',
    ]) {
      const res = await fetch(`${n.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });
});

describe('request bodies are limited everywhere', () => {
  it('the unsubscribe page refuses a large form with 413, before reading it whole', async () => {
    const prefix = 'List-Unsubscribe=One-Click&pad=';
    const declared = await post(`/u/${token}`, { bytes: 200_000, declared: true, prefix }, form);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/larger than 16 KB/);
    // 50 MB streamed without a length: refused once 16 KB have arrived.
    const streamed = await post(`/u/${token}`, { bytes: 50 * 1024 * 1024, prefix }, form);
    expect(streamed.status).toBe(413);
    // The page still works for a lead's one-click POST.
    const ok = await fetch(`${n.url}/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(ok.status).toBe(200);
  });

  it('a JSON API call over 1 MB is a 413 naming the limit, declared or streamed', async () => {
    const big = { email: 'big@example.com', source: 'event', context: 'x'.repeat(1_100_000) };
    const declared = await n.api<{ error: { code: string; message: string; field: string } }>(
      'POST',
      '/api/v1/leads',
      big,
    );
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: 'TOO_LARGE', field: 'body' });
    expect(declared.body.error.message).toMatch(/larger than 1 MB/);
    const streamed = await post(
      '/api/v1/leads',
      { bytes: 3 * 1024 * 1024, prefix: '{"email":"big@example.com","source":"event","context":"' },
      { 'content-type': 'application/json', authorization: `Bearer ${n.org.apiKey}` },
    );
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.code).toBe('TOO_LARGE');
  });
});
