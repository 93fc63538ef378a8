import { createServer, type IncomingHttpHeaders } from 'node:http';

export type ChatRequest = {
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string };
  };
  /** The user message parsed: what the writer was given. */
  input: {
    lead: Record<string, unknown>;
    templateDraft: { subject: string; body: string };
    source: string;
    step: number;
  };
};
export type ChatAnswer = { content?: string; status?: number; raw?: string; delayMs?: number };

/**
 * A real HTTP server speaking the OpenAI chat-completions protocol
 * (POST /v1/chat/completions) on loopback: the one thing tests stand in for
 * is the LLM. `answer` decides each reply from the request.
 */
export async function startChatCompletionsServer(answer: (req: ChatRequest) => ChatAnswer) {
  const requests: ChatRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest['body'];
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '{}';
      const request: ChatRequest = { headers: req.headers, body, input: JSON.parse(user) };
      requests.push(request);
      const a = answer(request);
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
        res.end(
          a.raw ??
            JSON.stringify({
              id: `chatcmpl-${requests.length}`,
              object: 'chat.completion',
              created: Math.floor(Date.now() / 1000),
              model: body.model,
              choices: [
                { index: 0, message: { role: 'assistant', content: a.content ?? '' }, finish_reason: 'stop' },
              ],
            }),
        );
      };
      if (a.delayMs) setTimeout(reply, a.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
