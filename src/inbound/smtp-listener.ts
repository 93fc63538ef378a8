import { inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { assistants } from '../db/schema.ts';
import { isAppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { ingestRaw } from './ingest.ts';

export type InboundSmtp = { port: number; close(): Promise<void> };

/**
 * The SMTP channel of SPEC §6.1: a listener for domains whose MX points at
 * Nurture (server role, when INBOUND_SMTP_PORT is set). It accepts mail only
 * for the domains of the assistants' own addresses (550 5.1.1 otherwise, so it
 * is no open relay), needs no AUTH (this is where the world delivers), and
 * answers 250 only after `ingestRaw` stored the message: if storing fails it
 * answers 451 and the sending server retries, so nothing is lost. STARTTLS is
 * off; put a TLS-terminating MTA in front if senders require it.
 */
export async function startInboundSmtp(ctx: Ctx): Promise<InboundSmtp> {
  const max = ctx.config.INBOUND_MAX_BYTES;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: max, // announced in EHLO; a larger message is answered 552 and never held whole
    logger: false,
    banner: 'Nurture inbound mail',
    onRcptTo(address, _session, callback) {
      const domain = domainOf(address.address);
      assistantsFor(ctx, domain ? [domain] : []).then(
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
        const raw = Buffer.concat(chunks);
        const rcpt = session.envelope.rcptTo.map((r) => r.address);
        store(ctx, raw, rcpt).then(
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
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

/** Stored under the assistant the recipients point to, when they all point to one. */
async function store(ctx: Ctx, raw: Buffer, rcpt: string[]) {
  const domains = [...new Set(rcpt.map(domainOf).filter((d): d is string => Boolean(d)))];
  const candidates = await assistantsFor(ctx, domains);
  const owners = new Set(rcpt.map((a) => ownerOf(a, candidates)));
  const [only] = owners;
  if (owners.size === 1 && only) return ingestRaw(ctx, 'smtp', raw, { assistantId: only });
  // Several assistants of one org: still that org's message.
  const orgs = new Set(candidates.map((a) => a.orgId));
  const [org] = orgs;
  return ingestRaw(ctx, 'smtp', raw, orgs.size === 1 && org ? { orgId: org } : {});
}

/**
 * The assistant an address belongs to: its own address (a `+tag`, such as a
 * reply token, ignored), else the only assistant on that domain; none when the
 * domain has several and the address is none of theirs.
 */
function ownerOf(address: string, candidates: { id: string; email: string }[]): string | null {
  const plain = address.toLowerCase().replace(/\+[^@]*@/, '@');
  const exact = candidates.find((a) => a.email.toLowerCase() === plain);
  if (exact) return exact.id;
  const domain = domainOf(address);
  const same = candidates.filter((a) => domainOf(a.email) === domain);
  return same.length === 1 ? same[0]!.id : null;
}

async function assistantsFor(
  ctx: Ctx,
  domains: string[],
): Promise<{ id: string; email: string; orgId: string }[]> {
  if (!domains.length) return [];
  return ctx.db
    .select({ id: assistants.id, email: assistants.email, orgId: assistants.orgId })
    .from(assistants)
    .where(inArray(sql`lower(split_part(${assistants.email}, '@', 2))`, domains));
}

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? address.slice(at + 1).toLowerCase() : null;
}

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });
