import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createHttpApp } from '../http/app.ts';
import type { Ctx } from '../platform/context.ts';
import { createLogger } from '../platform/logger.ts';
import { appPaths, browserModules, vendorModules } from './web-routes.ts';

// Serving the web app touches no database: the app is built as the OpenAPI test builds it.
const ctx = {
  db: null,
  config: loadConfig({}),
  log: createLogger('silent'),
  now: () => new Date(),
  wake: {},
} as unknown as Ctx;
const app = createHttpApp(ctx);
const webDir = new URL('.', import.meta.url);
const packageJson = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

/** A request whose path goes over the wire exactly as written (fetch would normalise the dots). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const importMap = (html: string) =>
  JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!) as {
    imports: Record<string, string>;
  };

describe('the web app, as served', () => {
  it('serves index.html on every screen path, with a CSP whose only inline script is the import map', async () => {
    const html = readFileSync(new URL('index.html', webDir), 'utf8');
    const mapText = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(mapText).digest('base64');
    for (const path of appPaths.map((p) => p.replace(':id', '0b7c3f7e-1d2a-4c59-9b8e-2f1e0d9c8b7a'))) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(html);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // Only the import map and the module entry point are scripts; nothing else runs inline.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('<script type="module" src="/app/main.ts"></script>');
  });

  it('serves the browser modules as JavaScript, their types stripped, and the stylesheet as CSS', async () => {
    const res = await get('/app/api.ts');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await res.text();
    const source = readFileSync(new URL('api.ts', webDir), 'utf8');
    expect(source).toContain('): Promise<T> {');
    expect(body).toBe(stripTypeScriptTypes(source, { mode: 'strip' }));
    expect(body).not.toContain('Promise<T>');
    expect(body).toContain('export async function api');
    // Stripping keeps every line where it was: a browser's line numbers are the file's.
    expect(body.split('\n')).toHaveLength(source.split('\n').length);

    const css = await get('/app/styles.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers a known version with 304 (ETag), and makes each module once', async () => {
    for (const path of ['/', '/app/main.ts', '/app/styles.css', '/vendor/preact.mjs']) {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toMatch(/^"[\w-]{27}"$/);
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      const changed = await get(path, { 'if-none-match': '"something-else"' });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).toBe(etag);
    }
  });

  it('imports nothing the browser cannot have: only served modules and the import map’s vendor names', async () => {
    const index = await (await get('/')).text();
    const mapped = importMap(index).imports;
    const modules = browserModules();
    expect(modules.has('web-routes.ts')).toBe(false);
    expect([...modules].some((m) => m.endsWith('.test.ts'))).toBe(false);
    const seen = new Set<string>();
    for (const name of modules) {
      if (!name.endsWith('.ts')) continue;
      const res = await get(`/app/${name}`);
      expect(res.status, name).toBe(200);
      const code = await res.text();
      const specifiers = [
        ...code.matchAll(
          /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm,
        ),
      ].map((m) => (m[1] ?? m[2])!);
      for (const sp of specifiers) seen.add(sp);
      for (const s of specifiers)
        if (s.startsWith('./')) expect(modules.has(s.slice(2)), `${name} imports ${s}`).toBe(true);
        else expect(Object.keys(mapped), `${name} imports ${s}`).toContain(s);
      // A type import left as `import { type X }` would survive as `import {} from '../…'`: server code.
      expect(code, name).not.toMatch(/from\s*['"]\.\.\//);
      expect(code, name).not.toMatch(/^\s*import\s*['"]/m);
    }
    // The scan does find imports: the entry point's, and each vendor name.
    expect([...seen]).toEqual(expect.arrayContaining(['./app.ts', 'preact', 'preact/hooks', 'htm']));
  });

  it('serves each vendor module of the import map from node_modules, and nothing else', async () => {
    const mapped = importMap(await (await get('/')).text()).imports;
    expect(Object.values(mapped).sort()).toEqual(
      Object.keys(vendorModules)
        .map((n) => `/vendor/${n}`)
        .sort(),
    );
    for (const url of Object.values(mapped)) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await res.text()).toMatch(/\bexport\b/);
    }
    for (const path of [
      '/vendor/react.mjs',
      '/vendor/preact',
      '/vendor/preact.js',
      '/vendor/preact%2Fpackage.json',
      '/vendor/..%2Fpackage.json',
      '/vendor/__proto__',
      '/vendor/constructor',
      '/vendor/',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
  });

  describe('path traversal', () => {
    let server: ReturnType<typeof serve>;
    let port: number;
    beforeAll(async () => {
      await new Promise<void>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
      });
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const attempts = [
      '/app/../../package.json',
      '/app/..%2F..%2Fpackage.json',
      '/app/..%2f..%2fpackage.json',
      '/app/%2e%2e/%2e%2e/package.json',
      '/app/%2e%2e%2f%2e%2e%2fpackage.json',
      '/app/%252e%252e%252f%252e%252e%252fpackage.json',
      '/app/..%5C..%5Cpackage.json',
      '/app/..\\..\\package.json',
      '/app/....//....//package.json',
      '/app/%2Fetc%2Fpasswd',
      '/app//etc/passwd',
      '/app/web-routes.ts',
      '/app/web-routes.test.ts',
      '/app/tsconfig.json',
      '/app/index.html',
      '/app/main.ts%00.css',
      '/app/Main.ts',
      '/app/../http/app.ts',
      '/app/..%2Fhttp%2Fapp.ts',
      '/vendor/../../package.json',
      '/vendor/..%2F..%2Fpackage.json',
      '/vendor/%2e%2e%2fpreact%2fpackage.json',
      '/vendor/preact.mjs/../../package.json',
      '/vendor/preact.mjs%2F..%2F..%2Fpackage.json',
    ];

    it.each(attempts)('%s → 404, and never the file', async (path) => {
      const inProcess = await get(path);
      expect(inProcess.status).toBe(404);
      expect(await inProcess.text()).not.toContain('"name": "nurture"');
      const overTheWire = await rawGet(port, path);
      // Node's HTTP parser refuses some of these outright (400); the rest reach the app and find nothing.
      expect([400, 404]).toContain(overTheWire.status);
      expect(overTheWire.body).not.toContain('"name": "nurture"');
      expect(overTheWire.body).not.toContain('root:');
      expect(packageJson).toContain('"name": "nurture"');
    });
  });
});
