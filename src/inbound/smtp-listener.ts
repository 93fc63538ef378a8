import { hostname } from 'node:os';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { assistants, leads } from '../db/schema.ts';
import { isAppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { concatInSlices } from './copy-in-slices.ts';
import { ingestRaw } from './ingest.ts';
import type { SenderAuth } from './sender-auth.ts';
import { createSenderChecker } from './sender-check-pool.ts';
import { senderCheckOptions } from './smtp-sender-check.ts';

export type InboundSmtp = { port: number; close(): Promise<void> };

/**
 * The SMTP channel of SPEC §6.1: a listener for domains whose MX points at
 * Nurture (server role, when INBOUND_SMTP_PORT is set). It accepts mail only
 * for an assistant's own address (a `+tag`, such as a reply token, allowed):
 * any other recipient is 550 5.1.1 at RCPT, so it is no open relay and a
 * message always arrives for the org(s) of the assistants it names. It needs
 * no AUTH (this is where the world delivers), checks the sender (DMARC, with
 * mailauth: `smtp-sender-check.ts`) and answers 250 only after `ingestRaw`
 * stored the message with that verdict, once per org it is for: if storing
 * fails it answers 451 and the sending server retries, so nothing is lost.
 * STARTTLS is off; put a TLS-terminating MTA in front if senders require it.
 */
export async function startInboundSmtp(ctx: Ctx): Promise<InboundSmtp> {
  const max = ctx.config.INBOUND_MAX_BYTES;
  // mailauth parses and hashes the whole message: in a thread of its own, never on the one answering HTTP.
  const senders = createSenderChecker(senderCheckOptions(ctx.config, hostname()), ctx.log);
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: max, // announced in EHLO; a larger message is answered 552 and never held whole
    logger: false,
    banner: 'Nurture inbound mail',
    onRcptTo(address, _session, callback) {
      recipientsFor(ctx, [address.address]).then(
        (found) =>
          callback(
            found.length
              ? null
              : smtpError(550, `5.1.1 <${address.address}>: no mailbox here for this address`),
          ),
        (e) => {
          ctx.log.error('inbound SMTP: recipient lookup failed', { error: e });
          callback(smtpError(451, '4.3.0 Temporary lookup failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        // Past the limit the rest is read and dropped: memory stays bounded whatever is sent.
        if (size <= max) chunks.push(c);
        else chunks.length = 0;
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > max) {
          callback(smtpError(552, `5.3.4 Message larger than ${max} bytes`));
          return;
        }
        const rcpt = session.envelope.rcptTo.map((r) => r.address);
        const client = {
          ip: session.remoteAddress,
          helo: session.hostNameAppearsAs ?? '',
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        };
        concatInSlices(chunks, size)
          .then(async (raw) => store(ctx, raw, rcpt, await senders.check(raw, client)))
          .then(
            (r) => callback(null, r.duplicate ? 'Already have it, thanks' : 'Stored'),
            (e) => {
              if (isAppError(e) && e.code === 'VALIDATION') {
                callback(smtpError(554, `5.6.0 ${e.message}`));
                return;
              }
              ctx.log.error('inbound SMTP: could not store a message; sender will retry', { error: e });
              callback(smtpError(451, '4.3.0 Could not store the message, try again later'));
            },
          );
      });
    },
  });
  const host = ctx.config.INBOUND_SMTP_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ctx.config.INBOUND_SMTP_PORT ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Only once listening: a port in use is the caller's one-line error, not a logged one too.
  server.on('error', (e) => ctx.log.error('inbound SMTP error', { error: e }));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : (ctx.config.INBOUND_SMTP_PORT ?? 0);
  ctx.log.info('inbound SMTP listening', { host, port });
  return {
    port,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await senders.close();
    },
  };
}

type Recipient = { assistantId: string; orgId: string };

/**
 * Stored once for each org its recipients belong to: under the assistant
 * when one assistant of that org is named, else under the org. An org never
 * sees a message sent only to another org's assistant.
 */
async function store(ctx: Ctx, raw: Buffer, rcpt: string[], senderAuth: SenderAuth) {
  const byOrg = new Map<string, Set<string>>();
  for (const r of await recipientsFor(ctx, rcpt)) {
    const set = byOrg.get(r.orgId) ?? new Set<string>();
    set.add(r.assistantId);
    byOrg.set(r.orgId, set);
  }
  // Every recipient was accepted at RCPT; an assistant removed since leaves nobody to deliver to.
  if (!byOrg.size) throw new Error('none of the recipients is an assistant any more');
  let duplicate = true;
  for (const [orgId, ids] of byOrg) {
    const [only] = ids;
    const r = await ingestRaw(ctx, 'smtp', raw, {
      orgId,
      assistantId: ids.size === 1 ? only : null,
      senderAuth,
    });
    duplicate &&= r.duplicate;
  }
  return { duplicate };
}

/**
 * The assistants the addresses belong to: their own address, a `+tag` (such
 * as a reply token) ignored. When several orgs' assistants share an address,
 * a reply token names the one org it is for; without one, each of them gets it.
 */
async function recipientsFor(ctx: Ctx, addresses: string[]): Promise<Recipient[]> {
  const plain = [...new Set(addresses.map(plainAddress))];
  if (!plain.length) return [];
  const found = await ctx.db
    .select({ assistantId: assistants.id, orgId: assistants.orgId, email: assistants.email })
    .from(assistants)
    .where(inArray(sql`lower(${assistants.email})`, plain));
  const out: Recipient[] = [];
  for (const a of addresses) {
    const mine = found.filter((f) => f.email.toLowerCase() === plainAddress(a));
    const orgs = new Set(mine.map((m) => m.orgId));
    const token = /\+r-([\w-]{8,})@/i.exec(a)?.[1];
    if (orgs.size > 1 && token) {
      const [lead] = await ctx.db
        .select({ orgId: leads.orgId })
        .from(leads)
        .where(and(eq(leads.replyToken, token), inArray(leads.orgId, [...orgs])));
      if (lead) {
        out.push(...mine.filter((m) => m.orgId === lead.orgId));
        continue;
      }
    }
    out.push(...mine);
  }
  return out;
}

const plainAddress = (address: string): string =>
  address
    .trim()
    .toLowerCase()
    .replace(/\+[^@]*@/, '@');

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });
