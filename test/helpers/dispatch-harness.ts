import { createOrgWithAdmin } from '../../src/accounts/org-setup.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createSenderRegistry } from '../../src/outbound/sender-registry.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { freshDatabase } from './test-database.ts';

/**
 * The dispatcher's world for in-process tests: a fresh database, a real SMTP
 * sink as the mail server, a Ctx whose clock the test moves, a sender
 * registry, and one org. `close` tears it all down.
 */
export async function startDispatchHarness(opts: {
  clock: { now: Date };
  adminEmail?: string;
  env?: Record<string, string>;
  reject?: (rcpt: string) => number | null;
}) {
  const fresh = await freshDatabase();
  const sink = await startSmtpSink({ reject: opts.reject });
  // Mail goes to a sink, not the sandbox, and there is no DNS for the tests' domains: validation is
  // not what these tests are about (test/address-validation.test.ts is).
  const config = loadConfig({
    SMTP_URL: sink.url,
    LOG_LEVEL: 'error',
    VALIDATION_MODE: 'off',
    // Assistants' own mail servers in tests listen on 127.0.0.1.
    ALLOW_PRIVATE_MAIL_HOSTS: 'true',
    ...opts.env,
  });
  const ctx: Ctx = {
    db: fresh.database.db,
    config,
    log: createLogger('error'),
    now: () => opts.clock.now,
    wake: { dispatcher() {}, inbound() {} },
  };
  const senders = createSenderRegistry(ctx.db, config);
  const org = await createOrgWithAdmin(ctx.db, {
    orgName: 'Acme',
    email: opts.adminEmail ?? 'admin@acme.test',
    password: 'password123',
  });
  return {
    ctx,
    sink,
    senders,
    org,
    async close() {
      await senders.closeAll();
      await sink.close();
      await fresh.drop();
    },
  };
}
