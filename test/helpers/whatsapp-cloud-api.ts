import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CloudApiRequest = {
  method: string;
  path: string;
  authorization: string | null;
  contentType: string | null;
  body: Record<string, unknown> | null;
};

/**
 * A local stand-in for Meta's WhatsApp Cloud API, speaking its documented
 * contract: `POST /{version}/{phone-number-id}/messages` with a bearer token
 * and a JSON message; 200 `{messaging_product, contacts, messages: [{id}]}`,
 * or a Graph API error body `{"error": {message, type, code, …}}`. Set
 * `mode = 'expired'` to answer as Meta does for an expired access token.
 */
export async function startWhatsAppCloudApi(opts: { version: string; phoneNumberId: string; token: string }) {
  const received: CloudApiRequest[] = [];
  const state = { mode: 'ok' as 'ok' | 'expired' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {}
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization ?? null,
        contentType: req.headers['content-type'] ?? null,
        body,
      });
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const graphError = (status: number, code: number, message: string, type = 'OAuthException') =>
        answer(status, { error: { message, type, code, fbtrace_id: 'AkX9lQ7mZ2p' } });
      if (req.method !== 'POST' || req.url !== `/${opts.version}/${opts.phoneNumberId}/messages`)
        return graphError(
          400,
          100,
          `Unsupported ${req.method} request to ${req.url}`,
          'GraphMethodException',
        );
      if (state.mode === 'expired' || req.headers.authorization !== `Bearer ${opts.token}`)
        return answer(401, {
          error: {
            message:
              'Error validating access token: Session has expired on Tuesday, 01-Dec-26 09:00:00 PST. The current time is Tuesday, 01-Dec-26 10:00:00 PST.',
            type: 'OAuthException',
            code: 190,
            error_subcode: 463,
            fbtrace_id: 'H2il2t5bn4e',
          },
        });
      const to = body?.to;
      const ok =
        body?.messaging_product === 'whatsapp' &&
        typeof to === 'string' &&
        /^\d{8,15}$/.test(to) &&
        ((body.type === 'text' && typeof (body.text as { body?: unknown } | undefined)?.body === 'string') ||
          body.type === 'template');
      if (!ok) return graphError(400, 100, '(#100) Invalid parameter');
      answer(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: `wamid.TEST${received.length}` }],
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
