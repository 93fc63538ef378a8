import { Resolver } from 'node:dns/promises';

/**
 * "Does this domain have a mail host?" (SPEC §7), asked of DNS the way an
 * MTA would (RFC 5321 §5.1): the MX records; a null MX (RFC 7505: the single
 * record `0 .`) means the domain takes no mail; no MX at all means the domain's
 * own A, then AAAA, address is the mail host. We don't resolve the MX hosts
 * themselves: it would double the queries, and a dangling MX shows up as a
 * bounce anyway.
 *
 * Three kinds of answer, because only two of them are knowledge:
 * - `mail-host`: cached DNS_CACHE_TTL_SECONDS.
 * - `no-mail-host` (NXDOMAIN, null MX, no MX/A/AAAA): cached
 *   DNS_NEGATIVE_TTL_SECONDS. Only this makes a lead `ServerUnReachable`.
 * - `unknown` (timeout, SERVFAIL, refused, network down): not knowledge about
 *   the domain, so not cached; the lead is tried again later.
 *
 * A domain is asked once however many leads share it: answers are cached, and
 * lookups of a domain already being asked wait for that answer. At most
 * DNS_CONCURRENCY queries are in the air; each gets one try of DNS_TIMEOUT_MS
 * (a lost packet is a retry of the lead, not a longer wait for the batch).
 */
export type MailHostAnswer =
  | { kind: 'mail-host'; via: 'mx' | 'a' | 'aaaa'; hosts: string[] }
  | { kind: 'no-mail-host'; why: 'nxdomain' | 'null-mx' | 'no-records'; detail: string }
  | { kind: 'unknown'; code: string; detail: string };

export type MailHostLookup = MailHostAnswer & { domain: string; cached: boolean };

export type MailHostResolver = {
  lookup(asciiDomain: string): Promise<MailHostLookup>;
  /** When DNS last gave a definitive answer about any domain: proof that our own resolver works. */
  lastAnsweredAt(): number | null;
};

export type MailHostResolverOptions = {
  /** `ip` or `ip:port` (IPv6 as `[ip]:port`); none: the system's resolvers. */
  servers?: string[];
  timeoutMs: number;
  concurrency: number;
  positiveTtlMs: number;
  negativeTtlMs: number;
  maxEntries?: number;
  now?: () => number;
};

type Attempt<T> = { ok: true; value: T } | { ok: false; code: string };

export function createMailHostResolver(opts: MailHostResolverOptions): MailHostResolver {
  const now = opts.now ?? Date.now;
  const resolver = new Resolver({ timeout: opts.timeoutMs, tries: 1 });
  if (opts.servers?.length) resolver.setServers(opts.servers);
  const cache = new Map<string, { answer: MailHostAnswer; expires: number }>();
  const inflight = new Map<string, Promise<MailHostAnswer>>();
  const maxEntries = opts.maxEntries ?? 50_000;
  const slot = limiter(opts.concurrency);
  let answeredAt: number | null = null;

  const attempt = async <T>(q: () => Promise<T>): Promise<Attempt<T>> => {
    try {
      return { ok: true, value: await slot(q) };
    } catch (e) {
      return { ok: false, code: (e as { code?: string }).code ?? 'EUNKNOWN' };
    }
  };

  async function ask(domain: string): Promise<MailHostAnswer> {
    const unknown = (code: string): MailHostAnswer => ({
      kind: 'unknown',
      code,
      detail: `DNS gave no answer about ${domain} (${describe(code)})`,
    });
    const mx = await attempt(() => resolver.resolveMx(domain));
    if (mx.ok) {
      const real = mx.value.filter((r) => r.exchange !== '' && r.exchange !== '.');
      if (real.length)
        return {
          kind: 'mail-host',
          via: 'mx',
          hosts: real.sort((a, b) => a.priority - b.priority).map((r) => `${r.exchange} (MX ${r.priority})`),
        };
      return {
        kind: 'no-mail-host',
        why: 'null-mx',
        detail: `${domain} publishes a null MX: it accepts no mail (RFC 7505)`,
      };
    }
    if (mx.code === 'ENOTFOUND')
      return { kind: 'no-mail-host', why: 'nxdomain', detail: `${domain} does not exist (NXDOMAIN)` };
    if (mx.code !== 'ENODATA') return unknown(mx.code);
    // No MX: RFC 5321 §5.1's implicit MX, the domain's own address.
    for (const [via, q] of [
      ['a', () => resolver.resolve4(domain)],
      ['aaaa', () => resolver.resolve6(domain)],
    ] as const) {
      const r = await attempt<string[]>(q);
      if (r.ok && r.value.length) return { kind: 'mail-host', via, hosts: r.value };
      if (!r.ok && r.code !== 'ENODATA' && r.code !== 'ENOTFOUND') return unknown(r.code);
    }
    return { kind: 'no-mail-host', why: 'no-records', detail: `${domain} has no MX, A or AAAA record` };
  }

  return {
    async lookup(asciiDomain) {
      const domain = asciiDomain.toLowerCase();
      const hit = cache.get(domain);
      if (hit && hit.expires > now()) return { ...hit.answer, domain, cached: true };
      if (hit) cache.delete(domain);
      let pending = inflight.get(domain);
      if (!pending) {
        pending = ask(domain).finally(() => inflight.delete(domain));
        inflight.set(domain, pending);
        const answer = await pending;
        if (answer.kind !== 'unknown') {
          answeredAt = now();
          const ttl = answer.kind === 'mail-host' ? opts.positiveTtlMs : opts.negativeTtlMs;
          if (ttl > 0) {
            if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
            cache.set(domain, { answer, expires: now() + ttl });
          }
        }
        return { ...answer, domain, cached: false };
      }
      return { ...(await pending), domain, cached: true };
    },
    lastAnsweredAt: () => answeredAt,
  };
}

const codes: Record<string, string> = {
  ETIMEOUT: 'timed out',
  ESERVFAIL: 'server failure, SERVFAIL',
  EREFUSED: 'the DNS server refused the query',
  ECONNREFUSED: 'could not reach the DNS server',
  ECANCELLED: 'query cancelled',
};
const describe = (code: string): string => codes[code] ?? code;

/** At most `n` at once; a freed slot goes straight to the next waiter, so the bound holds. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
