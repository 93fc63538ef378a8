import { createUDPServer, Packet, type UDPServer } from 'dns2';

/**
 * A real DNS server on loopback (UDP) for validation and sender-check tests: what it serves
 * for each name is set by the test and can change while it runs; every query
 * it receives is counted. A name it has no entry for (nor a `*.parent`
 * wildcard) is NXDOMAIN.
 */
export type DnsEntry = {
  /** MX records as [priority, exchange]; 'null' is RFC 7505's null MX (`0 .`). */
  mx?: [number, string][] | 'null';
  a?: string[];
  aaaa?: string[];
  /** TXT records (SPF, DMARC at `_dmarc.<domain>`), one string each. */
  txt?: string[];
  /** Answer with this error code instead. */
  rcode?: 'SERVFAIL' | 'REFUSED' | 'NXDOMAIN';
  /** Never answer (the client times out). */
  silent?: boolean;
};

export type TestDnsServer = {
  /** `127.0.0.1:port`, for DNS_SERVERS. */
  server: string;
  port: number;
  queries: { name: string; type: string }[];
  set(name: string, entry: DnsEntry | undefined): void;
  /** Stop answering at all (socket closed: a DNS outage), and come back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

const typeName: Record<number, string> = { 1: 'A', 15: 'MX', 16: 'TXT', 28: 'AAAA' };

export async function startDnsServer(zone: Record<string, DnsEntry> = {}): Promise<TestDnsServer> {
  const entries = new Map(Object.entries(zone));
  const queries: { name: string; type: string }[] = [];
  let port = 0;
  let socket: UDPServer | null = null;

  // `*.suffix` answers for every name under suffix that has no entry of its own.
  const wildcard = (name: string): DnsEntry | undefined => {
    for (let d = name; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) {
      const e = entries.get(`*.${d.slice(d.indexOf('.') + 1)}`);
      if (e) return e;
    }
    return undefined;
  };
  const handle = (request: Packet, send: (p: Packet) => void) => {
    const [q] = request.questions;
    if (!q) return;
    const name = q.name.toLowerCase();
    queries.push({ name, type: typeName[q.type] ?? String(q.type) });
    const entry = entries.get(name) ?? wildcard(name);
    const res = Packet.createResponseFromRequest(request);
    if (entry?.silent) return;
    if (!entry || entry.rcode) {
      res.header.rcode = Packet.RCODE[entry?.rcode ?? 'NXDOMAIN'];
      send(res);
      return;
    }
    const base = { name: q.name, class: Packet.CLASS.IN, ttl: 300 };
    if (q.type === Packet.TYPE.MX && entry.mx === 'null')
      res.answers.push({ ...base, type: Packet.TYPE.MX, exchange: '', priority: 0 } as never);
    else if (q.type === Packet.TYPE.MX && entry.mx)
      for (const [priority, exchange] of entry.mx)
        res.answers.push({ ...base, type: Packet.TYPE.MX, exchange, priority } as never);
    if (q.type === Packet.TYPE.A)
      for (const address of entry.a ?? [])
        res.answers.push({ ...base, type: Packet.TYPE.A, address } as never);
    if (q.type === Packet.TYPE.AAAA)
      for (const address of entry.aaaa ?? [])
        res.answers.push({ ...base, type: Packet.TYPE.AAAA, address } as never);
    if (q.type === Packet.TYPE.TXT)
      for (const data of entry.txt ?? []) res.answers.push({ ...base, type: Packet.TYPE.TXT, data } as never);
    send(res); // no records of that type: NOERROR with no answer (NODATA)
  };

  const start = async () => {
    if (socket) return;
    const s = createUDPServer((req, send) => handle(req, send as (p: Packet) => void));
    await s.listen(port, '127.0.0.1');
    port = s.address().port;
    socket = s;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!socket) return resolve();
      socket.close(() => resolve());
      socket = null;
    });
  await start();
  return {
    get server() {
      return `127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    queries,
    set: (name, entry) =>
      entry ? entries.set(name.toLowerCase(), entry) : entries.delete(name.toLowerCase()),
    start,
    stop,
    close: stop,
  } as TestDnsServer;
}
