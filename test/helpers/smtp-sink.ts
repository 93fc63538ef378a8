import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SinkMessage = { messageId: string; to: string[]; raw: string; subject: string; text: string };

/**
 * A real SMTP server for tests: accepts everything, except recipients for
 * which `reject` returns an SMTP reply code (4xx transient, 5xx permanent).
 */
export async function startSmtpSink(
  opts: {
    reject?: (rcpt: string) => number | null /** a slow server: answer each message this late */;
    delayMs?: number;
  } = {},
) {
  const received: SinkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = opts.reject?.(address.address) ?? null;
      if (code)
        return callback(
          Object.assign(new Error(`${code} test rejection for ${address.address}`), { responseCode: code }),
        );
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
        received.push({
          messageId: parsed.messageId ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: raw.toString('utf8'),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
        });
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
