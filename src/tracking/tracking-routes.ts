import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import type { Ctx } from '../platform/context.ts';
import { recordClick, recordOpen } from './record-engagement.ts';
import { readClickToken, readOpenToken, trackingKey } from './tracking-tokens.ts';

// The smallest transparent GIF: 1×1, one transparent colour.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const noStore = {
  'Cache-Control': 'no-store, no-cache, must-revalidate, private, max-age=0',
  Pragma: 'no-cache',
  Expires: '0',
};

/**
 * Who fetched: the user agent, and the client address — the first
 * X-Forwarded-For hop when a reverse proxy sets one (the usual deployment),
 * else the socket's peer. A forged header can only make its own request look
 * like a machine, so it is not worth distrusting.
 */
function requester(c: Context) {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  let ip = forwarded || null;
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address ?? null;
    } catch {
      ip = null;
    }
  }
  return { userAgent: c.req.header('user-agent') ?? null, ip, method: c.req.method };
}

/**
 * Public tracking URLs, reached from emails (no auth: the signed token is the
 * credential). The pixel answers the GIF whatever happens, so an image never
 * breaks; a click redirects only to the URL its token signs (no open
 * redirect), and a token that does not verify is a 404, never a redirect.
 */
export function registerTrackingRoutes(app: Hono, ctx: Ctx): void {
  app.get('/t/o/:file', async (c) => {
    const file = c.req.param('file');
    if (file.endsWith('.gif')) {
      try {
        const messageId = readOpenToken(await trackingKey(ctx.db, ctx.config), file.slice(0, -4));
        if (messageId) await recordOpen(ctx, { messageId, at: ctx.now(), ...requester(c) });
      } catch (e) {
        ctx.log.warn('recording an open failed', { error: (e as Error).message });
      }
    }
    return c.body(new Uint8Array(GIF), 200, { 'Content-Type': 'image/gif', ...noStore });
  });

  app.get('/t/c/:token', async (c) => {
    const target = readClickToken(await trackingKey(ctx.db, ctx.config), c.req.param('token'));
    if (!target) return c.text('This link is not valid.', 404, noStore);
    try {
      await recordClick(ctx, {
        messageId: target.messageId,
        url: target.url,
        at: ctx.now(),
        ...requester(c),
      });
    } catch (e) {
      // The person still gets where the link goes.
      ctx.log.warn('recording a click failed', { error: (e as Error).message });
    }
    return c.redirect(target.url, 302);
  });
}
