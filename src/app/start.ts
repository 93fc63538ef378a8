import { serve } from '@hono/node-server';
import { type Config, whatsappConfigured } from '../config/config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createHttpApp } from '../http/app.ts';
import { startInboundSmtp } from '../inbound/smtp-listener.ts';
import { createEmailNotifier } from '../notify/email-notifier.ts';
import { createWhatsAppNotifier } from '../notify/whatsapp-notifier.ts';
import { createSenderRegistry } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import { createLogger } from '../platform/logger.ts';
import { startSandboxSmtp } from '../sandbox/sandbox-smtp-server.ts';
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
  stop(): Promise<void>;
};

/**
 * The composition root: one core, two roles. `npm start` runs both in one
 * process; `npm run server` and `npm run worker` run one each (with PostgreSQL).
 * The sandbox SMTP server runs with the HTTP role when no SMTP_URL is set; the
 * inbound SMTP listener with it when INBOUND_SMTP_PORT is set.
 */
export async function startNurture(given: Config, roles: Roles): Promise<Running> {
  const log = createLogger(given.LOG_LEVEL, given.LOG_FORMAT);
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
  try {
    if (roles.http && !config.SMTP_URL) {
      const sandbox = await startSandboxSmtp(database.db, log, config.SANDBOX_SMTP_PORT);
      sandboxPort = sandbox.port;
      stops.push(sandbox.close);
    }
    if (roles.http && config.INBOUND_SMTP_PORT !== undefined) {
      const inbound = await startInboundSmtp(ctx);
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
        s.once('error', reject);
      });
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      url = `http://127.0.0.1:${port}`;
      log.info('Nurture is serving', { url: `http://localhost:${port}`, database: database.kind });
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
    async stop() {
      for (const s of stops.reverse()) await s();
      await database.close();
    },
  };
}
