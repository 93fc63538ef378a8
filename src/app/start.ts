import { serve } from '@hono/node-server';
import { setupTokenAtStart } from '../accounts/first-run.ts';
import { type Config, whatsappConfigured } from '../config/config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { AppError } from '../errors/app-error.ts';
import { createHttpApp } from '../http/app.ts';
import { startInboundSmtp } from '../inbound/smtp-listener.ts';
import { createEmailNotifier } from '../notify/email-notifier.ts';
import { createWhatsAppNotifier } from '../notify/whatsapp-notifier.ts';
import { createSenderRegistry } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import { createLogger } from '../platform/logger.ts';
import { startSandboxSmtp } from '../sandbox/sandbox-smtp-server.ts';
import { assertPortFree, listenError } from './listen-errors.ts';
import { resolveSecretKey } from './secret-key-file.ts';
import { startWorker } from './worker-runtime.ts';

export type Roles = { http: boolean; worker: boolean };
export type Running = {
  ctx: Ctx;
  database: Database;
  url: string | null;
  sandboxPort: number | null;
  /** The inbound SMTP listener's port when INBOUND_SMTP_PORT is set (server role). */
  inboundSmtpPort: number | null;
  /** While the instance has no org (server role): the token that guards first-run setup, also logged. */
  setupToken: string | null;
  stop(): Promise<void>;
};

/**
 * The composition root: one core, two roles. `npm start` runs both in one
 * process; `npm run server` and `npm run worker` run one each (with PostgreSQL).
 * The sandbox SMTP server runs with the HTTP role when no SMTP_URL is set; the
 * inbound SMTP listener with it when INBOUND_SMTP_PORT is set.
 */
export async function startNurture(given: Config, roles: Roles): Promise<Running> {
  if (roles.worker && !roles.http && !given.SMTP_URL && given.SANDBOX_SMTP_PORT === 0)
    // Port 0 is "whatever the server's sandbox got": only a worker in the same process knows it.
    throw new AppError(
      'VALIDATION',
      'SANDBOX_SMTP_PORT=0 needs the HTTP role in this process (npm start); a worker on its own sends to the sandbox of `npm run server`: set SANDBOX_SMTP_PORT to the port it listens on, or set SMTP_URL.',
      { field: 'SANDBOX_SMTP_PORT' },
    );
  const log = createLogger(given.LOG_LEVEL, given.LOG_FORMAT);
  for (const [what, where] of listeners(given, roles)) await assertPortFree(what, where);
  const database = await openDatabase({ databaseUrl: given.DATABASE_URL, dataDir: given.NURTURE_DATA_DIR });
  let config: Config;
  try {
    config = { ...given, SECRET_KEY: resolveSecretKey(given, database.kind) };
  } catch (e) {
    await database.close();
    throw e;
  }
  const applied = await migrate(database);
  if (applied.length) log.info('migrations applied', { applied });
  const wakeTargets = { dispatcher: () => {}, inbound: () => {}, validator: () => {} };
  const ctx: Ctx = {
    db: database.db,
    config,
    log,
    now: () => new Date(),
    wake: {
      dispatcher: () => wakeTargets.dispatcher(),
      inbound: () => wakeTargets.inbound(),
      validator: () => wakeTargets.validator(),
    },
  };
  const stops: (() => Promise<void>)[] = [];
  let sandboxPort: number | null = null;
  let inboundSmtpPort: number | null = null;
  let url: string | null = null;
  let setupToken: string | null = null;
  try {
    if (roles.http && !config.SMTP_URL) {
      const sandbox = await startSandboxSmtp(database.db, log, config.SANDBOX_SMTP_PORT).catch((e) => {
        throw listenError(e, 'The sandbox SMTP server', {
          port: config.SANDBOX_SMTP_PORT,
          host: '127.0.0.1',
          portSetting: 'SANDBOX_SMTP_PORT',
        });
      });
      sandboxPort = sandbox.port;
      stops.push(sandbox.close);
    }
    if (roles.http && config.INBOUND_SMTP_PORT !== undefined) {
      const inbound = await startInboundSmtp(ctx).catch((e) => {
        throw listenError(e, 'The inbound SMTP listener', {
          port: config.INBOUND_SMTP_PORT ?? 0,
          host: config.INBOUND_SMTP_HOST,
          portSetting: 'INBOUND_SMTP_PORT',
          hostSetting: 'INBOUND_SMTP_HOST',
        });
      });
      inboundSmtpPort = inbound.port;
      stops.push(inbound.close);
    }
    if (roles.worker) {
      // A sandbox on an ephemeral port (tests) must be found by this process's sender.
      const senders = createSenderRegistry(
        database.db,
        sandboxPort ? { ...config, SANDBOX_SMTP_PORT: sandboxPort } : config,
      );
      // One notifier per channel; the users' emails go from the assistant's mailbox through the same
      // senders, WhatsApp through the Cloud API when configured (in-app ones are delivered when written).
      const notifiers = [
        createEmailNotifier(database.db, senders),
        ...(whatsappConfigured(config) ? [createWhatsAppNotifier(config)] : []),
      ];
      const worker = await startWorker(ctx, senders, notifiers);
      Object.assign(wakeTargets, worker.wake);
      stops.push(async () => {
        await worker.stop();
        await senders.closeAll();
      });
    }
    if (roles.http) {
      const app = createHttpApp(ctx);
      const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
        s.once('error', (e) =>
          reject(
            listenError(e, 'The HTTP server', {
              port: config.PORT,
              host: config.HOST,
              portSetting: 'PORT',
              hostSetting: 'HOST',
            }),
          ),
        );
      });
      // Node closes an idle kept-alive connection after 5 s; a client (or a proxy in front) that reuses
      // it at that moment gets ECONNRESET for a request it never saw answered. Keep idle connections
      // longer than clients and load balancers do (60 s is the common proxy default).
      if ('keepAliveTimeout' in server) {
        server.keepAliveTimeout = 65_000;
        server.headersTimeout = 66_000;
      }
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      url = `http://127.0.0.1:${port}`;
      log.info('Nurture is serving', { url: `http://localhost:${port}`, database: database.kind });
      setupToken = await setupTokenAtStart(database.db);
      // One line an operator can act on: where to go and what to type (SPEC §10.1, first run).
      if (setupToken)
        log.info(
          `No organisation yet: open ${config.PUBLIC_URL ?? `http://localhost:${port}`} and choose "Set up Nurture" with the setup token ${setupToken}`,
        );
      stops.push(() => new Promise((r) => server.close(() => r())));
    }
  } catch (e) {
    for (const s of stops.reverse()) await s().catch(() => {});
    await database.close();
    throw e;
  }
  return {
    ctx,
    database,
    url,
    sandboxPort,
    inboundSmtpPort,
    setupToken,
    async stop() {
      for (const s of stops.reverse()) await s();
      await database.close();
    },
  };
}

type Listener = Parameters<typeof listenError>[2];

/** The ports this process's roles listen on, with the settings that choose them. */
function listeners(config: Config, roles: Roles): [string, Listener][] {
  if (!roles.http) return [];
  return [
    ['The HTTP server', { port: config.PORT, host: config.HOST, portSetting: 'PORT', hostSetting: 'HOST' }],
    ...(config.SMTP_URL
      ? []
      : ([
          [
            'The sandbox SMTP server',
            { port: config.SANDBOX_SMTP_PORT, host: '127.0.0.1', portSetting: 'SANDBOX_SMTP_PORT' },
          ],
        ] as [string, Listener][])),
    ...(config.INBOUND_SMTP_PORT === undefined
      ? []
      : ([
          [
            'The inbound SMTP listener',
            {
              port: config.INBOUND_SMTP_PORT,
              host: config.INBOUND_SMTP_HOST,
              portSetting: 'INBOUND_SMTP_PORT',
              hostSetting: 'INBOUND_SMTP_HOST',
            },
          ],
        ] as [string, Listener][])),
  ];
}
