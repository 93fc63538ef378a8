import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Context, Env, Hono } from 'hono';
import { contentSecurityPolicy, inlineHash } from '../http/security-headers.ts';

/**
 * The web app (SPEC §10), served as it is written: index.html, the browser
 * modules of this folder with their types stripped at request time (Node's
 * own `stripTypeScriptTypes`, whitespace in place of types, so no source map
 * is needed), and the ESM builds of Preact and htm from node_modules. No build
 * step: `npm start` serves it right after `npm ci`.
 *
 * Nothing is looked up by a path the client chose: a module is served only if
 * its name is in the list made from this folder at start (kebab-case `.ts` and
 * `.css` files, never this file or tests), a vendor module only if its name is
 * in `vendorModules`. A name with a slash, a dot-dot or an encoding of either
 * is simply not in those lists.
 */

const webDir = fileURLToPath(new URL('.', import.meta.url));

/** Server-side files of this folder: never sent to a browser. */
const serverFiles = new Set(['web-routes.ts']);

/** The vendor modules the import map names, and the package entry each is. */
export const vendorModules: Record<string, string> = {
  'preact.mjs': 'preact',
  'preact-hooks.mjs': 'preact/hooks',
  'htm.mjs': 'htm',
};

/** Paths the browser app routes itself; a reload or a shared link on any of them gets index.html. */
export const appPaths = [
  '/',
  '/login',
  '/leads',
  '/leads/:id',
  '/add-lead',
  '/imports',
  '/imports/:id',
  '/inbound-problems',
  '/assistants',
  // Assistant setup (issue 10).
  '/assistants/:id',
  '/assistants/:id/users',
  '/sandbox',
  '/sandbox/:id',
  '/unsent-emails',
  '/review',
  '/team',
  '/me',
  '/me/api-keys',
  '/accept-invitation',
  '/forgot-password',
  '/reset-password',
  // A signed one-click link of a notification email (issue 11): public, the token after '#'.
  '/lead-action',

  // The assistant's content screens and the org's schedules.
  '/schedules',
  '/schedules/:id',
  '/assistants/:id/templates',
  '/assistants/:id/proof-points',
  '/assistants/:id/exclusions',
  '/assistants/:id/dkim',
];

const moduleName = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:ts|css)$/;

/** The browser modules: this folder's kebab-case .ts and .css files, less the server's and the tests. */
export function browserModules(dir = webDir): Set<string> {
  return new Set(
    readdirSync(dir).filter((f) => moduleName.test(f) && !f.endsWith('.test.ts') && !serverFiles.has(f)),
  );
}

type Served = { body: string; etag: string; type: string; mtimeMs: number; size: number };

/**
 * Node's type stripping, without its one-time "experimental" warning in the
 * server's log: the same stripping runs every .ts file of this server, only
 * the function's API is marked experimental.
 */
function stripTypes(source: string): string {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
    if (!String(warning).startsWith('stripTypeScriptTypes')) emit.call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** The index page and the Content-Security-Policy that lets its one inline script (the import map) run. */
function indexPage(dir: string): { html: string; csp: string } {
  const html = readFileSync(`${dir}index.html`, 'utf8');
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (importMap === undefined) throw new Error('src/web/index.html has no import map');
  // The import map is inline by nature (browsers load no external ones); its hash lets that one script run.
  const csp = contentSecurityPolicy([
    "default-src 'self'",
    `script-src 'self' ${inlineHash(importMap)}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
  ]);
  return { html, csp };
}

export function registerWebRoutes<E extends Env>(app: Hono<E>, dir = webDir): void {
  const modules = browserModules(dir);
  const index = indexPage(dir);
  const indexEtag = etagOf(index.html);
  const vendorFiles = new Map(
    Object.entries(vendorModules).map(([name, spec]) => [name, fileURLToPath(import.meta.resolve(spec))]),
  );
  const cache = new Map<string, Served>();

  const headers = (type: string, etag: string) => ({
    'Content-Type': type,
    ETag: etag,
    'Cache-Control': 'no-cache',
    // The rest of the security headers are the app's (http/security-headers.ts).
    'Content-Security-Policy': index.csp,
  });

  const send = (c: Context<E>, s: { body: string; etag: string; type: string }) => {
    const h = headers(s.type, s.etag);
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(s.etag)
    )
      return c.body(null, 304, h);
    return c.body(s.body, 200, h);
  };

  /** A file's served form, made again only when the file changed (so editing a module needs no restart). */
  const load = (key: string, file: string, make: (text: string) => { body: string; type: string }) => {
    const st = statSync(file);
    const hit = cache.get(key);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const made = make(readFileSync(file, 'utf8'));
    const served = { ...made, etag: etagOf(made.body), mtimeMs: st.mtimeMs, size: st.size };
    cache.set(key, served);
    return served;
  };

  const notFound = (c: Context<E>) => c.text('Not found', 404, { 'Cache-Control': 'no-cache' });

  for (const path of appPaths)
    app.get(path, (c) => send(c, { body: index.html, etag: indexEtag, type: 'text/html; charset=utf-8' }));

  app.get('/app/:name', (c) => {
    const name = c.req.param('name');
    if (!modules.has(name)) return notFound(c);
    return send(
      c,
      load(`app/${name}`, `${dir}${name}`, (text) =>
        name.endsWith('.css')
          ? { body: text, type: 'text/css; charset=utf-8' }
          : {
              body: stripTypes(text),
              type: 'text/javascript; charset=utf-8',
            },
      ),
    );
  });

  app.get('/vendor/:name', (c) => {
    const file = vendorFiles.get(c.req.param('name'));
    if (!file) return notFound(c);
    return send(
      c,
      load(`vendor/${c.req.param('name')}`, file, (text) => ({
        // Their source maps are not served: drop the comment that would ask for one.
        body: text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'),
        type: 'text/javascript; charset=utf-8',
      })),
    );
  });
}
