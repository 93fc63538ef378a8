import type { Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { isAppError } from '../errors/app-error.ts';
import { contentSecurityPolicy, inlineHash } from '../http/security-headers.ts';
import type { Ctx } from '../platform/context.ts';
import { leadEmailForToken, unsubscribeByToken } from './unsubscribe.ts';

const style =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}button{font:inherit;padding:.5rem 1rem}';
/** The pages load nothing; their one inline style is allowed by its hash, their form posts back here. */
export const unsubscribePagePolicy = contentSecurityPolicy([
  "default-src 'none'",
  `style-src ${inlineHash(style)}`,
]);

const page = (c: Context, title: string, body: ReturnType<typeof html>) => {
  c.header('Content-Security-Policy', unsubscribePagePolicy);
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${raw(style)}</style></head>
<body>${body}</body></html>`;
};

/**
 * Public pages a lead reaches from an email. GET never changes anything (link
 * scanners fetch it); the POST unsubscribes, whether from our button or from
 * the mail client's one-click (body `List-Unsubscribe=One-Click`).
 */
export function registerUnsubscribePages(app: Hono, ctx: Ctx): void {
  app.get('/u/:token', async (c) => {
    try {
      const email = await leadEmailForToken(ctx, c.req.param('token'));
      return c.html(
        page(
          c,
          'Unsubscribe',
          html`<h1>Unsubscribe</h1><p>Stop all emails to <b>${email}</b>?</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`,
        ),
      );
    } catch (e) {
      if (isAppError(e))
        return c.html(page(c, 'Unsubscribe', html`<h1>Link not valid</h1><p>${e.message}.</p>`), 404);
      throw e;
    }
  });
  app.post('/u/:token', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const oneClick = form['List-Unsubscribe'] === 'One-Click';
    try {
      const { email } = await unsubscribeByToken(ctx, c.req.param('token'), oneClick ? 'one-click' : 'page');
      if (oneClick) return c.text('Unsubscribed', 200);
      return c.html(
        page(
          c,
          'Unsubscribed',
          html`<h1>You are unsubscribed</h1><p>${email} will not receive any more emails from us.</p>`,
        ),
      );
    } catch (e) {
      if (isAppError(e))
        return oneClick
          ? c.text(e.message, 404)
          : c.html(page(c, 'Unsubscribe', html`<h1>Link not valid</h1>`), 404);
      throw e;
    }
  });
}
