/**
 * The optional external verifier of SPEC §7 (a service that talks to the
 * lead's mail server for us). Nurture depends only on `EmailVerifier`; the
 * one implementation speaks the HTTP protocol that ZeroBounce and DeBounce
 * share in shape: GET a URL with the address and an API key, read back a JSON
 * verdict. Any failure (network, timeout, HTTP status, an `error` field, a
 * body we can't read) throws: the lead is tried again later, never judged on
 * a failure.
 */
export type VerifierVerdict =
  | 'valid'
  | 'invalid'
  | 'no_mail_host'
  | 'disposable'
  | 'spam_trap'
  | 'risky'
  | 'catch_all'
  | 'unknown';

export type VerifierAnswer = {
  verdict: VerifierVerdict;
  /** The service also says it is a role account (a warning, as our own check). */
  role: boolean;
  /** The service's own words, kept as evidence. */
  status: string;
  subStatus?: string;
  provider: string;
};

export interface EmailVerifier {
  readonly name: string;
  verify(email: string): Promise<VerifierAnswer>;
}

export type HttpVerifierOptions = {
  /**
   * `{email}` and `{key}` are replaced (URL-encoded), e.g.
   * `https://api.debounce.io/v1/?api={key}&email={email}`. Without them,
   * `email` and `api_key` are added as query parameters (ZeroBounce's names:
   * `https://api.zerobounce.net/v2/validate`).
   */
  url: string;
  apiKey?: string;
  timeoutMs: number;
  concurrency: number;
  fetch?: typeof fetch;
};

export function createHttpVerifier(opts: HttpVerifierOptions): EmailVerifier {
  const doFetch = opts.fetch ?? fetch;
  const host = new URL(opts.url.replace(/\{(email|key)\}/g, 'x')).host;
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    name: host,
    async verify(email) {
      if (active < opts.concurrency) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        const res = await doFetch(requestUrl(opts, email), {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        // The API key is in the URL: errors name the host only.
        if (!res.ok) throw new Error(`verifier ${host} answered HTTP ${res.status}`);
        const body = (await res.json().catch(() => null)) as unknown;
        return { ...readAnswer(body, host), provider: host };
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}

function requestUrl(opts: HttpVerifierOptions, email: string): string {
  const key = opts.apiKey ?? '';
  if (/\{(email|key)\}/.test(opts.url))
    return opts.url.replace('{email}', encodeURIComponent(email)).replace('{key}', encodeURIComponent(key));
  const u = new URL(opts.url);
  u.searchParams.set('email', email);
  if (key) u.searchParams.set('api_key', key);
  return u.toString();
}

type Answer = Omit<VerifierAnswer, 'provider'>;

/** A ZeroBounce-style (`status`, `sub_status`) or DeBounce-style (`debounce.code`) body. */
export function readAnswer(body: unknown, host: string): Answer {
  if (!body || typeof body !== 'object') throw new Error(`verifier ${host} answered no JSON object`);
  const b = body as Record<string, unknown>;
  const error = b.error ?? b.Error;
  if (error) throw new Error(`verifier ${host} refused: ${String(error).slice(0, 200)}`);
  if (b.debounce && typeof b.debounce === 'object')
    return readDebounce(b.debounce as Record<string, unknown>);
  if (typeof b.status === 'string') return readZeroBounce(b.status, String(b.sub_status ?? ''));
  throw new Error(`verifier ${host} answered without a status`);
}

/** ZeroBounce v2 statuses and the sub-statuses that change what they mean for us. */
function readZeroBounce(status: string, subStatus: string): Answer {
  const s = status.toLowerCase();
  const sub = subStatus.toLowerCase();
  const role = sub.startsWith('role_based');
  const verdict = ((): VerifierVerdict => {
    if (s === 'valid') return 'valid';
    if (s === 'invalid') return sub === 'no_dns_entries' ? 'no_mail_host' : 'invalid';
    if (s === 'catch-all' || s === 'catch_all') return 'catch_all';
    if (s === 'spamtrap') return 'spam_trap';
    if (s === 'abuse') return 'risky'; // known to mark mail as spam
    if (s === 'do_not_mail') {
      if (sub === 'disposable') return 'disposable';
      if (sub === 'possible_trap') return 'spam_trap';
      if (sub === 'role_based') return 'valid'; // a role account is our warning, not a verdict
      if (sub === 'role_based_catch_all') return 'catch_all';
      return 'risky'; // toxic, global_suppression, mx_forward…
    }
    return 'unknown'; // unknown: greylisted, timeouts, antispam systems
  })();
  return { verdict, role, status, ...(subStatus ? { subStatus } : {}) };
}

/**
 * DeBounce codes: 1 syntax, 2 spam trap, 3 disposable, 4 accept-all, 5
 * deliverable, 6 invalid, 7 unknown, 8 role (deliverable).
 */
function readDebounce(d: Record<string, unknown>): Answer {
  const code = String(d.code ?? '');
  const byCode: Record<string, VerifierVerdict> = {
    '1': 'invalid',
    '2': 'spam_trap',
    '3': 'disposable',
    '4': 'catch_all',
    '5': 'valid',
    '6': 'invalid',
    '7': 'unknown',
    '8': 'valid',
  };
  const result = String(d.result ?? '');
  const verdict =
    byCode[code] ??
    ({ 'safe to send': 'valid', invalid: 'invalid', risky: 'risky', unknown: 'unknown' } as const)[
      result.toLowerCase() as 'invalid'
    ];
  if (!verdict) throw new Error(`debounce answer without a code or result we know (${code || result})`);
  const role = code === '8' || String(d.role) === 'true';
  const reason = d.reason ? String(d.reason) : undefined;
  return { verdict, role, status: result || `code ${code}`, ...(reason ? { subStatus: reason } : {}) };
}
