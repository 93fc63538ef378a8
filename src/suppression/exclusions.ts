import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { getAssistantRow } from '../assistants/assistant-queries.ts';
import { anyText, anyUuid } from '../db/bulk-params.ts';
import type { Db } from '../db/database.ts';
import { assistantExclusions, leads } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { activeStates } from '../leads/lead-states.ts';
import { isValidAddress } from '../leads/normalise-email.ts';
import type { Ctx } from '../platform/context.ts';

/**
 * An assistant's exclusion list (SPEC §2): addresses and whole domains it
 * never emails, e.g. existing customers. A lead matching an entry is refused
 * when added (leads/add-lead.ts), and a lead already on the assistant gets no
 * further email once an entry matches it (outbound/send-rules/exclusion-rule.ts).
 *
 * Entries are stored canonical, lower case: `ceo@acme.com` (an address) or
 * `acme.com` (a domain; `@acme.com` is accepted and means the same). A domain
 * covers its subdomains: `acme.com` also excludes `jo@eu.acme.com`.
 */
export type ExclusionKind = 'address' | 'domain';
export type Exclusion = { pattern: string; kind: ExclusionKind; createdAt: Date };
export type AddedExclusions = {
  added: Exclusion[];
  /** Entries that were on the list already (adding is idempotent). */
  alreadyExcluded: string[];
  /** Active leads of the assistant that the added entries match: their remaining emails will not go. */
  matchingLeads: number;
};

/** Most entries one request may add. */
export const maxEntriesPerRequest = 1000;

const domainRe = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const exclusionKind = (pattern: string): ExclusionKind =>
  pattern.indexOf('@') > 0 ? 'address' : 'domain';

/** An entry as stored, or the reason it cannot be one. */
export function parseExclusionEntry(
  raw: string,
): { pattern: string; kind: ExclusionKind } | { error: string } {
  const entry = raw.trim().toLowerCase();
  if (!entry) return { error: 'an email address or a domain, not an empty string' };
  if (entry.startsWith('@')) {
    const domain = entry.slice(1);
    return domain.length <= 253 && domainRe.test(domain)
      ? { pattern: domain, kind: 'domain' }
      : { error: 'not a valid domain (like acme.com)' };
  }
  if (entry.includes('@'))
    return isValidAddress(entry)
      ? { pattern: entry, kind: 'address' }
      : { error: 'not a valid email address (like ceo@acme.com)' };
  return entry.length <= 253 && domainRe.test(entry)
    ? { pattern: entry, kind: 'domain' }
    : { error: 'neither an email address (ceo@acme.com) nor a domain (acme.com)' };
}

/**
 * The stored patterns that would exclude `email`, most specific first: the
 * address, then its domain and each parent domain (in both spellings, bare and
 * with `@`), down to two labels.
 */
export function exclusionKeys(email: string): string[] {
  const addr = email.trim().toLowerCase();
  const at = addr.lastIndexOf('@');
  const labels = addr.slice(at + 1).split('.');
  const keys = [addr];
  for (let i = 0; i <= labels.length - 2; i++) {
    const d = labels.slice(i).join('.');
    keys.push(d, `@${d}`);
  }
  return keys;
}

/** The most specific of `matched` (stored patterns) that excludes `email`, if any. */
export function matchingEntry(email: string, matched: ReadonlySet<string> | undefined): string | undefined {
  if (!matched?.size) return undefined;
  return exclusionKeys(email).find((k) => matched.has(k));
}

/** The assistant's exclusion list entry matching this address or its domain, if any. */
export async function findExclusion(db: Db, assistantId: string, email: string): Promise<string | undefined> {
  const matched = await exclusionsAmong(db, [{ assistantId, email }]);
  return matchingEntry(email, matched.get(assistantId));
}

/**
 * Of the given (assistant, address) pairs, the exclusion entries that match,
 * per assistant: one query for a whole dispatch batch. Check each address
 * with `matchingEntry`.
 */
export async function exclusionsAmong(
  db: Db,
  pairs: { assistantId: string; email: string }[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!pairs.length) return out;
  const assistantIds = [...new Set(pairs.map((p) => p.assistantId))];
  const keys = [...new Set(pairs.flatMap((p) => exclusionKeys(p.email)))];
  const rows = await db
    .select({ assistantId: assistantExclusions.assistantId, pattern: assistantExclusions.pattern })
    .from(assistantExclusions)
    .where(
      and(anyUuid(assistantExclusions.assistantId, assistantIds), anyText(assistantExclusions.pattern, keys)),
    );
  for (const r of rows) {
    const set = out.get(r.assistantId) ?? new Set<string>();
    set.add(r.pattern);
    out.set(r.assistantId, set);
  }
  return out;
}

const view = (r: { pattern: string; createdAt: Date }): Exclusion => {
  const pattern = r.pattern.replace(/^@/, '');
  return { pattern, kind: exclusionKind(pattern), createdAt: r.createdAt };
};

/** The assistant's exclusion list, alphabetically. Every user of the org may read it. */
export async function listExclusions(ctx: Ctx, actor: Actor, assistantId: string): Promise<Exclusion[]> {
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  const rows = await ctx.db
    .select({ pattern: assistantExclusions.pattern, createdAt: assistantExclusions.createdAt })
    .from(assistantExclusions)
    .where(eq(assistantExclusions.assistantId, assistant.id))
    .orderBy(asc(assistantExclusions.pattern));
  return rows.map(view);
}

/**
 * Add entries to the assistant's exclusion list (admins). Every entry is
 * checked first: one bad entry refuses the request, naming it
 * (`entries[3]`), and nothing is stored. Entries already listed are left as
 * they are. Leads already on the assistant that an entry matches get no
 * further email (the exclusion send rule skips it, saying why on their
 * timeline); how many there are is returned.
 */
export async function addExclusions(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  entries: string[],
): Promise<AddedExclusions> {
  requireAdmin(actor, "change an assistant's exclusion list");
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  if (!entries.length)
    throw new AppError('VALIDATION', 'entries: at least one address or domain', { field: 'entries' });
  if (entries.length > maxEntriesPerRequest)
    throw new AppError('VALIDATION', `entries: at most ${maxEntriesPerRequest} at a time`, {
      field: 'entries',
    });
  const parsed = entries.map((raw, i) => ({ raw, i, r: parseExclusionEntry(raw) }));
  const issues = parsed.flatMap(({ raw, i, r }) =>
    'error' in r ? [{ field: `entries[${i}]`, value: raw, message: r.error }] : [],
  );
  if (issues.length) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more bad entries)` : '';
    throw new AppError(
      'VALIDATION',
      `${first.field}: ${JSON.stringify(first.value)} is ${first.message}; nothing was added${more}`,
      { field: first.field, details: { issues } },
    );
  }
  const patterns = [...new Set(parsed.flatMap(({ r }) => ('pattern' in r ? [r.pattern] : [])))];
  const inserted = await ctx.db
    .insert(assistantExclusions)
    .values(patterns.map((pattern) => ({ assistantId: assistant.id, pattern })))
    .onConflictDoNothing()
    .returning({ pattern: assistantExclusions.pattern, createdAt: assistantExclusions.createdAt });
  const added = inserted.map(view).sort((a, b) => a.pattern.localeCompare(b.pattern));
  const fresh = new Set(added.map((a) => a.pattern));
  const matchingLeads = await countMatchingLeads(ctx.db, assistant.id, added);
  ctx.log.info('assistant exclusions added', {
    assistantId: assistant.id,
    added: added.length,
    matchingLeads,
  });
  return { added, alreadyExcluded: patterns.filter((p) => !fresh.has(p)), matchingLeads };
}

/** Take an entry off the list (admins); 404 when it is not on it. */
export async function removeExclusion(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  entry: string,
): Promise<Exclusion> {
  requireAdmin(actor, "change an assistant's exclusion list");
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  const r = parseExclusionEntry(entry);
  const spellings = 'pattern' in r ? (r.kind === 'domain' ? [r.pattern, `@${r.pattern}`] : [r.pattern]) : [];
  const [row] = spellings.length
    ? await ctx.db
        .delete(assistantExclusions)
        .where(
          and(
            eq(assistantExclusions.assistantId, assistant.id),
            inArray(assistantExclusions.pattern, spellings),
          ),
        )
        .returning({ pattern: assistantExclusions.pattern, createdAt: assistantExclusions.createdAt })
    : [];
  if (!row)
    throw new AppError('NOT_FOUND', `"${entry}" is not on this assistant's exclusion list`, {
      field: 'pattern',
    });
  ctx.log.info('assistant exclusion removed', { assistantId: assistant.id, pattern: row.pattern });
  return view(row);
}

/** Active leads of the assistant that any of these entries excludes (one query). */
async function countMatchingLeads(db: Db, assistantId: string, entries: Exclusion[]): Promise<number> {
  if (!entries.length) return 0;
  const email = sql`lower(${leads.email})`;
  const addresses = entries.filter((e) => e.kind === 'address').map((e) => e.pattern);
  const domains = entries.filter((e) => e.kind === 'domain').map((e) => e.pattern);
  // Domains are letters, digits, '-' and '.': nothing LIKE treats specially.
  const matches = or(
    ...(addresses.length ? [inArray(email, addresses)] : []),
    ...domains.flatMap((d) => [sql`${email} LIKE ${`%@${d}`}`, sql`${email} LIKE ${`%.${d}`}`]),
  );
  const [row] = await db
    .select({ n: count() })
    .from(leads)
    .where(and(eq(leads.assistantId, assistantId), inArray(leads.state, [...activeStates]), matches));
  return row?.n ?? 0;
}
