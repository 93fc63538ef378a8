import { createHash } from 'node:crypto';
import type { Context, Next } from 'hono';

/**
 * The one place that decides the security headers of every response. HTML
 * pages (the web app, the unsubscribe pages, error pages) may say which
 * sources they load (`contentSecurityPolicy`); the directives that keep a page
 * out of frames, plugins and foreign form targets are always added, and a
 * response that chose nothing gets the strictest policy (it loads nothing).
 */
const alwaysDirectives = [
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** A Content-Security-Policy: the page's own source directives plus the ones every page has. */
export function contentSecurityPolicy(sources: string[] = ["default-src 'none'"]): string {
  return [...sources, ...alwaysDirectives].join('; ');
}

/** The CSP source that lets exactly this inline `<script>` or `<style>` text run. */
export const inlineHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const fixedHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Middleware for the whole app: sets the headers after the route answered, whatever it answered. */
export async function securityHeaders(c: Context, next: Next) {
  await next();
  try {
    setHeaders(c.res.headers);
  } catch {
    // A response whose headers are immutable (made by fetch or Response.redirect): copy it first.
    c.res = new Response(c.res.body, c.res);
    setHeaders(c.res.headers);
  }
}

function setHeaders(headers: Headers) {
  for (const [name, value] of Object.entries(fixedHeaders)) headers.set(name, value);
  const policy = headers.get('Content-Security-Policy');
  if (!policy) headers.set('Content-Security-Policy', contentSecurityPolicy());
  else if (!policy.includes('frame-ancestors'))
    headers.set('Content-Security-Policy', `${policy}; frame-ancestors 'none'`);
}
