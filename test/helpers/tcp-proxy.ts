import net from 'node:net';

/**
 * A TCP proxy on a free loopback port in front of a real server (PostgreSQL,
 * SMTP), so a test can cause an outage without touching the server itself:
 * `cut()` drops every open connection and refuses new ones until `restore()`.
 * Nothing is stubbed: the client talks the real protocol through it.
 */
export type TcpProxy = {
  port: number;
  /** Drops every open connection and refuses new ones. */
  cut(): void;
  /** Accepts (and forwards) connections again. */
  restore(): void;
  /** How many connections are open now. */
  openConnections(): number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    openConnections: () => [...sockets].filter((s) => !s.destroyed).length,
    async close() {
      down = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `url` with its host and port replaced by the proxy's (for DATABASE_URL-style URLs). */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return u.toString();
}
