import { z } from 'zod';

/**
 * Every setting Nurture reads, in one place. Parsed once at boot from the
 * environment; all problems are reported together so an operator fixes them in
 * one go. Nothing else in the code reads `process.env`.
 */
type Entry = { schema: z.ZodType; description: string; secret?: boolean };

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configEntries = {
  PORT: { schema: int(0, 65535).default(3000), description: 'HTTP port for the UI and API.' },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), description: 'Interface the HTTP server binds to.' },
  PUBLIC_URL: {
    schema: z.url().optional(),
    description: 'Base URL leads reach (unsubscribe and tracking links). Default http://localhost:PORT.',
  },
  DATABASE_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    description: 'PostgreSQL connection URL. Unset: embedded PGlite in NURTURE_DATA_DIR.',
    secret: true,
  },
  NURTURE_DATA_DIR: {
    schema: z.string().min(1).default('./data'),
    description: 'Folder of the embedded database (PGlite), used when DATABASE_URL is unset.',
  },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    description: 'Outgoing SMTP server for every assistant without its own. Unset: mail goes to the sandbox.',
    secret: true,
  },
  SANDBOX_SMTP_PORT: {
    schema: int(0, 65535).default(2525),
    description: 'Loopback port of the built-in sandbox SMTP server (used when SMTP_URL is unset).',
  },
  SANDBOX_SENDS_ANYTIME: {
    schema: bool.default(true),
    description:
      'Mail bound for the sandbox ignores the send window, so the loop can be tried at any hour (the timeline notes when it would have waited). Set false to try the window itself.',
  },
  INBOUND_SECRET: {
    schema: z.string().min(16).optional(),
    description:
      'Shared secret for POST /api/v1/inbound/raw from mail-provider webhooks (header X-Nurture-Inbound-Secret).',
    secret: true,
  },
  SECRET_KEY: {
    schema: z.string().min(32, 'at least 32 characters').optional(),
    description:
      'Key that encrypts stored secrets such as mailbox passwords (AES-256-GCM). Unset with the embedded database: generated once into NURTURE_DATA_DIR/secret.key. Required with PostgreSQL to store mailbox passwords.',
    secret: true,
  },
  IMAP_POLL_MS: {
    schema: int(100, 3_600_000).default(60_000),
    description:
      "How often an assistant's IMAP mailbox is checked even without IDLE news (for servers without IDLE, and as a safety net).",
  },
  IMAP_SCAN_MS: {
    schema: int(100, 600_000).default(5000),
    description:
      'How often a worker looks for assistants whose mailbox settings were added, changed or removed.',
  },
  INBOUND_SMTP_PORT: {
    schema: int(0, 65535).optional(),
    description:
      "Port of the inbound SMTP listener for domains whose MX points at Nurture (server role). Unset: no listener. Mail is accepted only for the domains of the assistants' addresses.",
  },
  INBOUND_SMTP_HOST: {
    schema: z.string().min(1).default('0.0.0.0'),
    description: 'Interface the inbound SMTP listener binds to.',
  },
  DISPATCH_BATCH_SIZE: {
    schema: int(1, 1000).default(100),
    description: 'Messages one worker claims per round.',
  },
  DISPATCH_LOOPS: {
    schema: int(1, 16).default(2),
    description: 'Dispatch loops per worker: while one waits on SMTP, another claims and records.',
  },
  DISPATCH_POLL_MS: {
    schema: int(10, 60_000).default(500),
    description: 'How often an idle worker looks for due work.',
  },
  SMTP_MAX_CONNECTIONS: { schema: int(1, 50).default(5), description: 'Pooled SMTP connections per worker.' },
  SEND_MAX_ATTEMPTS: {
    schema: int(1, 20).default(6),
    description: 'Attempts before a transient SMTP failure becomes a failed send.',
  },
  SEND_RETRY_BASE_MS: {
    schema: int(10, 86_400_000).default(60_000),
    description: 'First retry delay after a transient SMTP failure; doubles each attempt.',
  },
  REVIEW_CONFIDENCE_THRESHOLD: {
    schema: z.coerce.number().min(0).max(1).default(0.6),
    description:
      'A reply classified with less confidence than this goes to the review queue instead of being acted on.',
  },
  WORKER_HEARTBEAT_MS: {
    schema: int(100, 60_000).default(3000),
    description: 'How often a worker proves it is alive.',
  },
  WORKER_STALE_AFTER_MS: {
    schema: int(500, 600_000).default(15_000),
    description: 'A worker silent this long is dead; its in-flight sends are reconciled.',
  },
  LOG_LEVEL: {
    schema: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    description: 'Log verbosity.',
  },
  LOG_FORMAT: { schema: z.enum(['pretty', 'json']).default('pretty'), description: 'Log line format.' },
  SESSION_TTL_HOURS: {
    schema: int(1, 24 * 365).default(24 * 14),
    description: 'Lifetime of a UI session cookie.',
  },
  COOKIE_SECURE: {
    schema: bool.default(false),
    description: 'Mark the session cookie Secure (set behind HTTPS).',
  },
} satisfies Record<string, Entry>;

type Entries = typeof configEntries;
export type Config = { [K in keyof Entries]: z.output<Entries[K]['schema']> };

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parse the environment (or overrides, in tests) into a Config, listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(configEntries) as [string, Entry][]) {
    const raw = env[key] === '' ? undefined : env[key];
    const parsed = entry.schema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(problems);
  return out as Config;
}

export function publicUrl(config: Config): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}

/** Rows for the README table and `nurture config`: key, default, secret, description. */
export function describeConfig(): { key: string; default: string; secret: boolean; description: string }[] {
  return (Object.entries(configEntries) as [string, Entry][]).map(([key, e]) => {
    const d = e.schema.safeParse(undefined);
    return {
      key,
      default: d.success && d.data !== undefined ? String(d.data) : '',
      secret: Boolean(e.secret),
      description: e.description,
    };
  });
}
