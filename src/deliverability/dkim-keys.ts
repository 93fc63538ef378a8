import { createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { getAssistantRow } from '../assistants/assistant-queries.ts';
import type { Config } from '../config/config.ts';
import { isRsaPrivateKey } from '../config/value-checks.ts';
import { assistants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { openSecret, requireSecretKey, sealSecret } from '../platform/secret-box.ts';

/** What nodemailer's `dkim` option takes (RSA-SHA256, relaxed/relaxed). */
export type DkimSigning = { domainName: string; keySelector: string; privateKey: string };

type DkimColumns = { email: string; dkimSelector?: string | null; dkimPrivateKeyEnc?: string | null };

const domainOf = (email: string): string => (email.split('@').pop() ?? '').trim().toLowerCase();

/**
 * The key that signs this assistant's mail: its own (sealed with SECRET_KEY),
 * else the instance's (DKIM_SELECTOR, DKIM_PRIVATE_KEY), else none. d= is the
 * domain of the sending address, so DMARC sees an aligned signature; the
 * selector's public key must be published under that domain (see
 * `dkimView().dnsValue`). A key that cannot be opened throws: mail must not
 * leave unsigned when the operator asked for signing.
 */
export function dkimFor(config: Config, assistant: DkimColumns): DkimSigning | null {
  const domainName = domainOf(assistant.email);
  if (!domainName) return null;
  if (assistant.dkimSelector && assistant.dkimPrivateKeyEnc) {
    if (!config.SECRET_KEY)
      throw new Error("SECRET_KEY is not set: the assistant's DKIM key cannot be opened");
    return {
      domainName,
      keySelector: assistant.dkimSelector,
      privateKey: openSecret(config.SECRET_KEY, assistant.dkimPrivateKeyEnc),
    };
  }
  if (config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY)
    return { domainName, keySelector: config.DKIM_SELECTOR, privateKey: config.DKIM_PRIVATE_KEY };
  return null;
}

/** The TXT record that publishes the public half: `v=DKIM1; k=rsa; p=<SubjectPublicKeyInfo, base64>`. */
export function dkimDnsValue(privateKeyPem: string): string {
  const spki = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
  return `v=DKIM1; k=rsa; p=${spki.toString('base64')}`;
}

export type DkimView = {
  assistantId: string;
  source: 'assistant' | 'instance' | 'none';
  domain: string;
  selector: string | null;
  dnsName: string | null;
  dnsValue: string | null;
};

function dkimView(config: Config, row: DkimColumns & { id: string }): DkimView {
  const own = Boolean(row.dkimSelector && row.dkimPrivateKeyEnc);
  const signing = (() => {
    try {
      return dkimFor(config, row);
    } catch {
      return null;
    }
  })();
  const source = own ? 'assistant' : signing ? 'instance' : 'none';
  const selector = own ? row.dkimSelector! : (signing?.keySelector ?? null);
  const domain = domainOf(row.email);
  return {
    assistantId: row.id,
    source,
    domain,
    selector,
    dnsName: selector ? `${selector}._domainkey.${domain}` : null,
    dnsValue: signing ? dkimDnsValue(signing.privateKey) : null,
  };
}

export async function getAssistantDkim(ctx: Ctx, actor: Actor, assistantId: string): Promise<DkimView> {
  return dkimView(ctx.config, await getAssistantRow(ctx, actor, assistantId));
}

const generateRsa = promisify(generateKeyPair);

/** A 2048-bit RSA key in PEM (PKCS#8), made off the event loop's thread. */
async function generateDkimKey(): Promise<string> {
  const { privateKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return privateKey;
}

/**
 * A selector for a new key: `nurture-<yyyymmdd>`, never the one in use, so a
 * rotation publishes a second record and the old one keeps verifying mail
 * already sent until it is removed.
 */
export function nextSelector(now: Date, current: string | null | undefined): string {
  const base = `nurture-${now.toISOString().slice(0, 10).replaceAll('-', '')}`;
  if (base !== current && !current?.startsWith(`${base}-`)) return base;
  const n = current === base ? 2 : Number(current.slice(base.length + 1)) + 1;
  return `${base}-${Number.isFinite(n) ? n : 2}`;
}

/**
 * Give an assistant its own DKIM key (admins): the one uploaded, else a new
 * one generated here (the private half then never leaves the server). Again
 * with a key in place is a rotation. The key is sealed before it touches the
 * database.
 */
export async function setAssistantDkim(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  input: { selector?: string | undefined; privateKey?: string | undefined },
): Promise<DkimView> {
  requireAdmin(actor, "change an assistant's DKIM key");
  const current = await getAssistantRow(ctx, actor, assistantId);
  const secretKey = requireSecretKey(ctx.config, input.privateKey ? 'privateKey' : 'selector');
  const pem = input.privateKey ? input.privateKey.replace(/\\n/g, '\n').trim() : await generateDkimKey();
  if (!isRsaPrivateKey(pem))
    throw new AppError('VALIDATION', 'privateKey: an RSA private key in PEM', { field: 'privateKey' });
  const selector = input.selector ?? nextSelector(ctx.now(), current.dkimSelector);
  const sealed = sealSecret(secretKey, pem);
  const [row] = await ctx.db
    .update(assistants)
    .set({ dkimSelector: selector, dkimPrivateKeyEnc: sealed })
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  ctx.log.info('assistant DKIM key set', { assistantId, selector, generated: !input.privateKey });
  return dkimView(ctx.config, row!);
}

/** Forget the assistant's own key: the instance's key (if any) signs again. */
export async function clearAssistantDkim(ctx: Ctx, actor: Actor, assistantId: string): Promise<DkimView> {
  requireAdmin(actor, "change an assistant's DKIM key");
  const current = await getAssistantRow(ctx, actor, assistantId);
  const [row] = await ctx.db
    .update(assistants)
    .set({ dkimSelector: null, dkimPrivateKeyEnc: null })
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  ctx.log.info('assistant DKIM key cleared', { assistantId });
  return dkimView(ctx.config, row!);
}
