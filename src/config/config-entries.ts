import { z } from 'zod';
import { isAddressList, isDnsServer, isRsaPrivateKey } from './value-checks.ts';

/**
 * Every setting Nurture reads, in one place: its schema (with the default),
 * what it does, and whether it is a secret. `config.ts` parses them at boot.
 */
export type Entry = { schema: z.ZodType; description: string; secret?: boolean };

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const rate = z.coerce.number().min(0).max(1);

export const configEntries = {
  PORT: { schema: int(0, 65535).default(3000), description: 'HTTP port for the UI and API.' },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), description: 'Interface the HTTP server binds to.' },
  PUBLIC_URL: {
    schema: z.url().optional(),
    description:
      "Base URL of this server as leads and browsers reach it: unsubscribe and tracking links, the origin the web app's signed-in changes must come from (else the Host asked for), and, when https, Secure session cookies. Default http://localhost:PORT.",
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
  ALLOW_PRIVATE_MAIL_HOSTS: {
    schema: bool.optional(),
    description:
      "Whether an assistant's IMAP or SMTP host may be (or resolve to) a loopback, private, link-local, CGNAT or other special-use address. Refused otherwise (a 400 naming the host field, and again at every connection), so the settings screen cannot reach the instance's own network. Unset: allowed only in the sandbox (no SMTP_URL, as `npm start` runs out of the box) and false once SMTP_URL is set; the tests turn it on for their 127.0.0.1 mail servers.",
  },
  SANDBOX_SMTP_PORT: {
    schema: int(0, 65535).default(2525),
    description:
      'Loopback port of the built-in sandbox SMTP server (used when SMTP_URL is unset). 0: any free port, which the worker of the same process (npm start) then uses; a worker on its own needs the real port.',
  },
  SANDBOX_SENDS_ANYTIME: {
    schema: bool.default(true),
    description:
      'Mail bound for the sandbox ignores the send window, so the loop can be tried at any hour (the timeline notes when it would have waited). Set false to try the window itself.',
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
      "Port of the inbound SMTP listener for domains whose MX points at Nurture (server role). Unset: no listener. Mail is accepted only for an assistant's own address (a +tag such as a reply token allowed), 550 otherwise; the sender's DMARC is checked with mailauth through DNS_SERVERS.",
  },
  INBOUND_SMTP_HOST: {
    schema: z.string().min(1).default('0.0.0.0'),
    description: 'Interface the inbound SMTP listener binds to.',
  },
  INBOUND_TRUSTED_AUTHSERV_IDS: {
    schema: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      )
      .default([]),
    description:
      "Comma-separated authserv-ids (e.g. mx.example.com) of the mail servers whose Authentication-Results header Nurture believes for mail read by IMAP or posted to /api/v1/inbound/raw: a message matched only by its sender's address whose sender fails DMARC there changes nothing and is held for review. Unset: no header is believed (the SMTP listener checks DMARC itself).",
  },
  IMPORT_MAX_BYTES: {
    schema: int(1024, 200 * 1024 * 1024).default(20 * 1024 * 1024),
    description: 'Largest lead file (CSV or XLSX) an upload accepts, in bytes.',
  },
  IMPORT_MAX_ROWS: {
    schema: int(1, 1_000_000).default(50_000),
    description: 'Most rows one lead import takes (a larger file is refused whole; split it).',
  },
  IMPORT_MAX_COLUMNS: {
    schema: int(1, 16_384).default(1000),
    description:
      'Most columns one row of a lead file may have, empty ones included (a wider row is refused).',
  },
  IMPORT_MAX_CELL_CHARS: {
    schema: int(100, 1_000_000).default(32_767),
    description: 'Longest cell a lead file may have, in characters (32,767 is the most an Excel cell holds).',
  },
  IMPORT_MAX_UNPACKED_BYTES: {
    schema: int(1024 * 1024, 2 * 1024 * 1024 * 1024).default(200 * 1024 * 1024),
    description:
      'Most bytes the parts of an XLSX that are read (its sheet, shared strings, styles) may unpack to: a small file that expands hugely is refused.',
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
  SEND_RETRY_BASE_MS: {
    schema: int(10, 86_400_000).default(300_000),
    description:
      'First wait before sending again after a temporary SMTP failure (a 4xx reply, a refused or timed-out connection); doubles each try, up to SEND_RETRY_MAX_MS, and each retry is moved into the send window of the lead.',
  },
  SEND_RETRY_MAX_MS: {
    schema: int(10, 86_400_000).default(14_400_000),
    description: 'Longest wait between two tries of an email after temporary SMTP failures.',
  },
  SEND_GIVE_UP_AFTER_MS: {
    schema: int(10, 2_592_000_000).default(259_200_000),
    description:
      'How long after its first temporary SMTP failure an email is still retried; older, the next failure makes it failed (listed under unsent emails, for a human to retry).',
  },
  BOUNCE_BREAKER_WARN_RATE: {
    schema: rate.default(0.02),
    description:
      "Hard-bounce rate (last 7 days, per mailbox, assistant and org) at which the assistant's users are warned.",
  },
  BOUNCE_BREAKER_PAUSE_RATE: {
    schema: rate.default(0.04),
    description:
      'Hard-bounce rate at which the breaker trips: no email to unverified addresses of that scope until an admin resumes it.',
  },
  COMPLAINT_BREAKER_WARN_RATE: {
    schema: rate.default(0.001),
    description: 'Spam-complaint rate (last 7 days) at which the users are warned.',
  },
  COMPLAINT_BREAKER_PAUSE_RATE: {
    schema: rate.default(0.003),
    description:
      'Spam-complaint rate at which the breaker trips: no sequence email of that scope until an admin resumes it.',
  },
  BREAKER_MIN_SENDS: {
    schema: int(1, 1_000_000).default(50),
    description: 'Emails a scope must have sent in the window before a breaker gives any verdict.',
  },
  NOTIFY_POLL_MS: {
    schema: int(10, 600_000).default(5000),
    description:
      'How often a worker looks for notifications to deliver (emails and WhatsApp messages to users: deliverability alerts, hot, responded and warm leads).',
  },
  NOTIFY_MAX_ATTEMPTS: {
    schema: int(1, 20).default(8),
    description:
      'Attempts before a notification that keeps failing is given up (failed, with its last error).',
  },
  NOTIFY_RETRY_BASE_MS: {
    schema: int(10, 86_400_000).default(60_000),
    description: 'First retry delay after a notification failed to go; doubles each attempt.',
  },
  WHATSAPP_API_URL: {
    schema: z.url().default('https://graph.facebook.com'),
    description:
      'Base URL of the WhatsApp Cloud API (Meta Graph API); messages go to POST {WHATSAPP_API_URL}/{WHATSAPP_API_VERSION}/{WHATSAPP_PHONE_NUMBER_ID}/messages.',
  },
  WHATSAPP_API_VERSION: {
    schema: z
      .string()
      .regex(/^v\d+\.\d+$/, 'a Graph API version such as "v23.0"')
      .default('v23.0'),
    description: 'Graph API version in the WhatsApp Cloud API path.',
  },
  WHATSAPP_PHONE_NUMBER_ID: {
    schema: z.string().regex(/^\d+$/, 'the numeric phone number ID from WhatsApp Manager').optional(),
    description:
      "ID of the WhatsApp Business phone number that sends the users' notifications (hot, responded, warm leads) to their phones. Unset: no WhatsApp notifications. Goes with WHATSAPP_ACCESS_TOKEN.",
  },
  WHATSAPP_ACCESS_TOKEN: {
    schema: z.string().min(1).optional(),
    description:
      'Bearer token for the WhatsApp Cloud API (a System User token with whatsapp_business_messaging). An expired or refused token fails the WhatsApp notifications with its error; emails still go.',
    secret: true,
  },
  WHATSAPP_TEMPLATE_NAME: {
    schema: z.string().min(1).optional(),
    description:
      "Approved message template for WhatsApp notifications, its body taking three parameters: {{1}} the headline, {{2}} what happened, {{3}} the link. Unset: a plain text message, which WhatsApp delivers only within 24 hours of the user's last message to the business number (error 131047 otherwise).",
  },
  WHATSAPP_TEMPLATE_LANGUAGE: {
    schema: z.string().min(2).default('en'),
    description: 'Language code of WHATSAPP_TEMPLATE_NAME as approved (e.g. en, en_US, de).',
  },
  DKIM_SELECTOR: {
    schema: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'a DNS label such as "nurture1"')
      .optional(),
    description:
      "DKIM selector for the instance's key (the DNS TXT record is <selector>._domainkey.<sending domain>). Used for assistants without a key of their own.",
  },
  DKIM_PRIVATE_KEY: {
    schema: z
      .string()
      .transform((v) => v.replace(/\\n/g, '\n'))
      .refine(isRsaPrivateKey, 'an RSA private key in PEM (line breaks may be written \\n)')
      .optional(),
    description:
      'RSA private key (PEM) that DKIM-signs outgoing mail with DKIM_SELECTOR, for the domain of each sending address.',
    secret: true,
  },
  TRACKING_SECRET: {
    schema: z.string().min(32, 'at least 32 characters').optional(),
    description:
      'Key that signs open-pixel and click-tracking links (HMAC-SHA256). Unset: a random key is made once and kept in the database. Changing it invalidates the tracked links of emails already sent.',
    secret: true,
  },
  MACHINE_OPEN_WINDOW_SECONDS: {
    schema: int(0, 3600).default(10),
    description:
      'An open-pixel fetch this soon after the email was sent is a machine (a scanner or prefetching proxy), never a person reading it.',
  },
  MACHINE_CLICK_WINDOW_SECONDS: {
    schema: int(0, 86_400).default(180),
    description:
      'A click this soon after the email was sent is a link scanner, not a person (SPEC §5.3: 180 seconds).',
  },
  LLM_BASE_URL: {
    schema: z.url().optional(),
    description:
      'OpenAI-compatible chat endpoint that writes the emails (e.g. http://127.0.0.1:11434/v1; POST {LLM_BASE_URL}/chat/completions). Unset: the templates write them. On any failure the templates are used, and the timeline says why.',
  },
  LLM_API_KEY: {
    schema: z.string().min(1).optional(),
    description: 'Bearer token for LLM_BASE_URL, if the endpoint wants one.',
    secret: true,
  },
  LLM_MODEL: {
    schema: z.string().min(1).default('gpt-4o-mini'),
    description: 'Model name sent to LLM_BASE_URL.',
  },
  LLM_TIMEOUT_MS: {
    schema: int(100, 120_000).default(8000),
    description:
      "How long one email may take to write before the templates write it instead (the send isn't held longer).",
  },
  INBOUND_CONCURRENCY: {
    schema: int(1, 32).default(4),
    description: 'Inbound messages one worker processes at the same time.',
  },
  INBOUND_MAX_BYTES: {
    schema: int(1024, 200 * 1024 * 1024).default(40 * 1024 * 1024),
    description:
      'Largest inbound message any channel takes, in bytes: the SMTP listener answers 552 above it, POST /api/v1/inbound/raw 400, IMAP skips it.',
  },
  INBOUND_CLASSIFY_THREADS: {
    schema: int(1, 16).default(2),
    description:
      "Worker threads one worker parses and classifies inbound messages in, off the thread that answers HTTP and the database's replies.",
  },
  INBOUND_CLASSIFY_BUDGET_MS: {
    schema: int(100, 600_000).default(5000),
    description:
      'Time one inbound message may take to parse and classify; past it its thread is ended and replaced, and the message counts a failed attempt.',
  },
  INBOUND_MAX_ATTEMPTS: {
    schema: int(1, 20).default(3),
    description:
      'Attempts before an inbound message that keeps failing or overrunning its budget (or whose worker died on it) is quarantined for a human, with its reason.',
  },
  INBOUND_RETRY_BASE_MS: {
    schema: int(0, 3_600_000).default(30_000),
    description: 'Wait before an inbound message that failed is tried again; doubles each attempt.',
  },
  REVIEW_CONFIDENCE_THRESHOLD: {
    schema: z.coerce.number().min(0).max(1).default(0.6),
    description:
      'A reply classified with less confidence than this goes to the review queue instead of being acted on.',
  },
  VALIDATION_MODE: {
    schema: z.enum(['full', 'offline', 'off']).default('full'),
    description:
      "How new addresses are validated before anything is sent (SPEC §7). full: syntax, special-use names, disposable domains, spam-trap patterns, role accounts, the domain's mail host in DNS and VERIFIER_URL if set; offline: all but DNS and the verifier; off: syntax only. Test names (example.com, .test, .example) are accepted without DNS while the assistant's mail goes to the sandbox.",
  },
  VALIDATION_POLL_MS: {
    schema: int(10, 600_000).default(1000),
    description:
      'How often a worker looks for leads whose address is waiting to be validated (a lead added in the same process wakes it at once).',
  },
  VALIDATION_BATCH_SIZE: {
    schema: int(1, 5000).default(200),
    description: 'Pending leads one worker validates per round.',
  },

  // Plans and capacity (SPEC §9) and pending leads at a slow rate (§4).
  ACTIVATION_POLL_MS: {
    schema: int(1000, 3_600_000).default(60_000),
    description:
      'How often a worker checks whether the daily activation of `new` leads (10:00 GMT, once across all workers) is due; a run missed while no worker was up happens at the next check that day.',
  },
  AT_RISK_CHECK_MS: {
    schema: int(10_000, 86_400_000).default(900_000),
    description:
      'How often the lead-at-risk check runs (SPEC §4: hot or responded leads nobody acted on for 24 hours are marked at risk, their owners reminded every N days, M times). One worker of all runs each check.',
  },
  LEAD_LINK_TTL_DAYS: {
    schema: int(1, 90).default(14),
    description:
      'How long the signed one-click links of a notification email (mark hot, not at risk, handled outside) work; each works once.',
  },
  WARM_DIGEST_HOUR_UTC: {
    schema: int(0, 23).default(7),
    description:
      'The hour (UTC) of the daily digest of warm leads, for users who turned it on; one worker of all sends it, one email per user.',
  },
  PENDING_SHARE_PERCENT: {
    schema: int(1, 100).default(10),
    description:
      "Share of a mailbox's daily cap that leads in `pending` (catch-all or unverifiable address) may use in 24 hours, at least one email; a user's Force send moves a lead to the normal rate.",
  },
  VALIDATION_MAX_ATTEMPTS: {
    schema: int(1, 100).default(12),
    description:
      "Tries before an address whose domain's DNS keeps failing (timeouts, SERVFAIL) becomes deactivated/CannotDetermine — only if DNS answered for other domains since the lead's previous try, so an outage of our own resolver never deactivates anyone. A verifier that keeps failing is then left out instead.",
  },
  VALIDATION_RETRY_BASE_MS: {
    schema: int(10, 86_400_000).default(60_000),
    description:
      'First wait before validating an address again after DNS or the verifier failed; doubles each try, up to VALIDATION_RETRY_MAX_MS.',
  },
  VALIDATION_RETRY_MAX_MS: {
    schema: int(10, 7 * 86_400_000).default(6 * 3_600_000),
    description: 'Longest wait between two tries of validating an address.',
  },
  DNS_SERVERS: {
    schema: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine(
        (list) => list.length > 0 && list.every(isDnsServer),
        'comma-separated ip or ip:port ([ipv6]:port)',
      )
      .optional(),
    description:
      "DNS servers asked about leads' domains (MX, A, AAAA) and by the inbound SMTP listener's sender checks (SPF, DKIM, DMARC), comma-separated ip or ip:port. Unset: the system's resolvers.",
  },
  DNS_TIMEOUT_MS: {
    schema: int(50, 60_000).default(5000),
    description:
      'How long one DNS query may take; a query that times out leaves the lead pending, tried again later.',
  },
  DNS_CONCURRENCY: {
    schema: int(1, 256).default(16),
    description: 'DNS queries one worker has in the air at once.',
  },
  DNS_CACHE_TTL_SECONDS: {
    schema: int(0, 7 * 86_400).default(3600),
    description: 'How long a domain found to have a mail host is remembered (one query for many leads).',
  },
  DNS_NEGATIVE_TTL_SECONDS: {
    schema: int(0, 86_400).default(900),
    description:
      'How long a domain found to have no mail host (NXDOMAIN, null MX, no MX/A/AAAA) is remembered. Failures (timeouts, SERVFAIL) are never remembered.',
  },
  VERIFIER_URL: {
    schema: z.url().optional(),
    description:
      'External email verifier (ZeroBounce/DeBounce-style JSON over HTTP GET), asked after DNS finds a mail host. {email} and {key} in the URL are replaced, e.g. https://api.debounce.io/v1/?api={key}&email={email}; without them email= and api_key= are added (https://api.zerobounce.net/v2/validate). Unset: no verifier.',
  },
  VERIFIER_API_KEY: {
    schema: z.string().min(1).optional(),
    description: 'API key for VERIFIER_URL.',
    secret: true,
  },
  VERIFIER_TIMEOUT_MS: {
    schema: int(100, 120_000).default(10_000),
    description: 'How long the verifier may take for one address before it counts as a failed try.',
  },
  VERIFIER_CONCURRENCY: {
    schema: int(1, 64).default(4),
    description: 'Verifier requests one worker has in flight at once.',
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
  INVITATION_TTL_HOURS: {
    schema: int(1, 24 * 90).default(24 * 7),
    description: 'How long the link in an invitation email works (resending makes a new one).',
  },
  PASSWORD_RESET_TTL_MINUTES: {
    schema: int(5, 24 * 60).default(60),
    description: 'How long the link in a password reset email works; it works once.',
  },
  COOKIE_SECURE: {
    schema: bool.default(false),
    description:
      'Always mark the session cookie Secure. Without it the cookie is Secure when PUBLIC_URL is https, or when a trusted proxy (TRUST_PROXY) says the request came over https (X-Forwarded-Proto).',
  },
  TRUST_PROXY: {
    schema: z
      .string()
      .refine(isAddressList, 'a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.0/8)')
      .optional(),
    description:
      "Reverse proxies in front of Nurture (comma-separated IP addresses or CIDR ranges). A request from one of them is taken at its word: the client is the right-most X-Forwarded-For entry that is not a trusted proxy (for sign-in throttling), and X-Forwarded-Proto: https marks the cookie Secure. Unset: the socket's peer is the client and forwarding headers are ignored.",
  },
  SIGNIN_MAX_FAILURES: {
    schema: int(1, 10_000).default(10),
    description:
      'Failed sign-ins for one email within SIGNIN_WINDOW_SECONDS before it is locked (429 with Retry-After), whether or not the email has an account.',
  },
  SIGNIN_MAX_FAILURES_PER_ADDRESS: {
    schema: int(1, 100_000).default(50),
    description:
      'Failed sign-ins from one client address within SIGNIN_WINDOW_SECONDS, whatever the emails, before the address is locked.',
  },
  SIGNIN_WINDOW_SECONDS: {
    schema: int(1, 86_400).default(900),
    description: 'The window in which failed sign-ins are counted.',
  },
  SIGNIN_LOCK_SECONDS: {
    schema: int(1, 86_400).default(30),
    description:
      'How long the first lock lasts; each lock that follows within a day lasts twice the one before, up to SIGNIN_MAX_LOCK_SECONDS. Even the right password is refused while locked.',
  },
  SIGNIN_MAX_LOCK_SECONDS: {
    schema: int(1, 7 * 86_400).default(3600),
    description: 'The longest a sign-in lock lasts.',
  },
} satisfies Record<string, Entry>;
