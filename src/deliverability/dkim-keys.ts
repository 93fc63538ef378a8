import { createPublicKey } from 'node:crypto';
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

/** Give an assistant its own DKIM key (admins). The key is sealed before it touches the database. */
export async function setAssistantDkim(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  input: { selector: string; privateKey: string },
): Promise<DkimView> {
  requireAdmin(actor, "change an assistant's DKIM key");
  const current = await getAssistantRow(ctx, actor, assistantId);
  const pem = input.privateKey.replace(/\\n/g, '\n').trim();
  if (!isRsaPrivateKey(pem))
    throw new AppError('VALIDATION', 'privateKey: an RSA private key in PEM', { field: 'privateKey' });
  const sealed = sealSecret(requireSecretKey(ctx.config, 'privateKey'), pem);
  const [row] = await ctx.db
    .update(assistants)
    .set({ dkimSelector: input.selector, dkimPrivateKeyEnc: sealed })
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  ctx.log.info('assistant DKIM key set', { assistantId, selector: input.selector });
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
