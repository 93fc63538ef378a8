import { createServer } from 'node:http';

/**
 * A real HTTP server speaking the ZeroBounce-style verifier protocol
 * (GET /v2/validate?api_key=…&email=… → {status, sub_status}) on loopback.
 * `answer` decides each reply from the address; every request is kept.
 */
export type VerifierReply = {
  status?: string;
  sub_status?: string;
  httpStatus?: number;
  delayMs?: number;
  raw?: string;
};

export async function startVerifierServer(answer: (email: string) => VerifierReply) {
  const requests: { email: string; apiKey: string | null }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/v2/validate') return void res.writeHead(404).end('{"error":"not found"}');
    const email = url.searchParams.get('email') ?? '';
    requests.push({ email, apiKey: url.searchParams.get('api_key') });
    const a = answer(email);
    setTimeout(() => {
      res
        .writeHead(a.httpStatus ?? 200, { 'content-type': 'application/json' })
        .end(
          a.raw ??
            JSON.stringify({ address: email, status: a.status ?? 'valid', sub_status: a.sub_status ?? '' }),
        );
    }, a.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v2/validate`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
