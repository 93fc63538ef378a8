import type { z } from 'zod';
import { configEntries, type Entry } from './config-entries.ts';

/**
 * The configuration, parsed once at boot from the environment; all problems
 * are reported together so an operator fixes them in one go. Nothing else in
 * the code reads `process.env`. The keys themselves are in config-entries.ts.
 */
type Entries = typeof configEntries;
export type Config = { [K in keyof Entries]: z.output<Entries[K]['schema']> };

/**
 * Keys Nurture once read and no longer does, with what replaced them. One
 * left set is refused at boot: ignoring it silently would leave the operator
 * believing a setting holds that does not.
 */
export const retiredKeys: Record<string, string> = {
  INBOUND_SECRET:
    'no longer read: POST /api/v1/inbound/raw takes only the org’s own inbound secret (nurture init --json prints it; an admin rotates it with POST /api/v1/inbound-secret/rotate), so a message only ever touches the org it came for; remove it',
  SEND_MAX_ATTEMPTS:
    'no longer read: a failing send is retried with back-off (SEND_RETRY_BASE_MS, SEND_RETRY_MAX_MS) until SEND_GIVE_UP_AFTER_MS, then listed under Unsent emails; remove it',
};

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
  for (const [key, why] of Object.entries(retiredKeys))
    if (env[key] !== undefined && env[key] !== '') problems.push(`${key}: ${why}`);
  if (
    Boolean(out.DKIM_SELECTOR) !== Boolean(out.DKIM_PRIVATE_KEY) &&
    !problems.some((p) => p.startsWith('DKIM'))
  )
    problems.push('DKIM_SELECTOR: DKIM_SELECTOR and DKIM_PRIVATE_KEY go together: set both or neither');
  if (
    Boolean(out.WHATSAPP_PHONE_NUMBER_ID) !== Boolean(out.WHATSAPP_ACCESS_TOKEN) &&
    !problems.some((p) => p.startsWith('WHATSAPP'))
  )
    problems.push(
      'WHATSAPP_PHONE_NUMBER_ID: WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN go together: set both or neither',
    );
  if (problems.length) throw new ConfigError(problems);
  return out as Config;
}

export function publicUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}

/** WhatsApp notifications are on when the instance has a sending number and a token. */
export function whatsappConfigured(
  config: Pick<Config, 'WHATSAPP_PHONE_NUMBER_ID' | 'WHATSAPP_ACCESS_TOKEN'>,
): boolean {
  return Boolean(config.WHATSAPP_PHONE_NUMBER_ID && config.WHATSAPP_ACCESS_TOKEN);
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
