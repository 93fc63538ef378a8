import { and, asc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { normalisePhone } from '../accounts/phone-number.ts';
import type { Db } from '../db/database.ts';
import { assistants, schedules } from '../db/schema.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { createDefaultSchedules, getSchedule } from '../schedules/schedules.ts';
import { type AssistantView, assistantView, getAssistantRow } from './assistant-queries.ts';

/** What an admin sets on an assistant (SPEC §3): profile, defaults, preferences. */
export type AssistantProfile = {
  name: string;
  email: string;
  phone: string | null;
  signature: string;
  brochureUrl: string | null;
  calendarUrl: string | null;
  moreContext: string;
  moreInformation: string;
  riskReminderEveryDays: number;
  riskReminderTimes: number;
  defaultScheduleId: string | null;
  defaultEmailccScheduleId: string | null;
  autoActivate: boolean;
  /** SPEC §3: saved empty, an EmailCC lead without a name is called by its address's local part, capitalised. */
  defaultLeadName: string;
  emailccReservePercent: number;
};
export type AssistantInput = Pick<AssistantProfile, 'name' | 'email'> &
  Partial<Omit<AssistantProfile, 'name' | 'email'>>;
export type AssistantPatch = Partial<AssistantProfile>;

export const assistantLimits = {
  name: 100,
  email: 320,
  signature: 2000,
  url: 2000,
  moreText: 10_000,
  defaultLeadName: 100,
  riskReminderEveryDays: [1, 30],
  riskReminderTimes: [0, 20],
  emailccReservePercent: [0, 50],
} as const;

const bad = (field: string, message: string) => new AppError('VALIDATION', `${field}: ${message}`, { field });
const address = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function text(field: string, v: string, max: number, opts: { required?: boolean } = {}): string {
  const t = v.trim();
  if (opts.required && !t) throw bad(field, 'required');
  if (t.length > max) throw bad(field, `at most ${max} characters`);
  return t;
}

/** A link a lead will click: http(s) only (no javascript:, data:, mailto:); empty means none. */
function url(field: string, v: string | null): string | null {
  const t = v?.trim() ?? '';
  if (!t) return null;
  if (t.length > assistantLimits.url) throw bad(field, `at most ${assistantLimits.url} characters`);
  let parsed: URL;
  try {
    parsed = new URL(t);
  } catch {
    throw bad(field, 'a full http:// or https:// URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw bad(field, 'a full http:// or https:// URL');
  if (!parsed.hostname) throw bad(field, 'a URL with a host');
  return t;
}

function intIn(field: string, v: number, [min, max]: readonly [number, number]): number {
  if (!Number.isInteger(v) || v < min || v > max) throw bad(field, `a whole number from ${min} to ${max}`);
  return v;
}

/** The rules, here rather than only in the HTTP schema, so every caller gets them. */
function clean(p: AssistantPatch): AssistantPatch {
  const out: AssistantPatch = {};
  if (p.name !== undefined) out.name = text('name', p.name, assistantLimits.name, { required: true });
  if (p.email !== undefined) {
    const e = text('email', p.email, assistantLimits.email, { required: true });
    if (!address.test(e)) throw bad('email', `not an address: ${e}`);
    out.email = e;
  }
  if (p.phone !== undefined) out.phone = p.phone?.trim() ? normalisePhone(p.phone) : null;
  if (p.signature !== undefined) out.signature = text('signature', p.signature, assistantLimits.signature);
  if (p.brochureUrl !== undefined) out.brochureUrl = url('brochureUrl', p.brochureUrl);
  if (p.calendarUrl !== undefined) out.calendarUrl = url('calendarUrl', p.calendarUrl);
  if (p.moreContext !== undefined)
    out.moreContext = text('moreContext', p.moreContext, assistantLimits.moreText);
  if (p.moreInformation !== undefined)
    out.moreInformation = text('moreInformation', p.moreInformation, assistantLimits.moreText);
  if (p.riskReminderEveryDays !== undefined)
    out.riskReminderEveryDays = intIn(
      'riskReminderEveryDays',
      p.riskReminderEveryDays,
      assistantLimits.riskReminderEveryDays,
    );
  if (p.riskReminderTimes !== undefined)
    out.riskReminderTimes = intIn(
      'riskReminderTimes',
      p.riskReminderTimes,
      assistantLimits.riskReminderTimes,
    );
  if (p.emailccReservePercent !== undefined)
    out.emailccReservePercent = intIn(
      'emailccReservePercent',
      p.emailccReservePercent,
      assistantLimits.emailccReservePercent,
    );
  if (p.autoActivate !== undefined) {
    if (typeof p.autoActivate !== 'boolean') throw bad('autoActivate', 'true or false');
    out.autoActivate = p.autoActivate;
  }
  // Stored as given, '' included: EmailCC then names the lead after its address (SPEC §3).
  if (p.defaultLeadName !== undefined)
    out.defaultLeadName = text('defaultLeadName', p.defaultLeadName, assistantLimits.defaultLeadName);
  if (p.defaultScheduleId !== undefined) out.defaultScheduleId = p.defaultScheduleId;
  if (p.defaultEmailccScheduleId !== undefined) out.defaultEmailccScheduleId = p.defaultEmailccScheduleId;
  return out;
}

/** A default schedule must be one of this org's: a 400 naming the field otherwise. */
async function checkSchedules(db: Db, orgId: string, p: AssistantPatch): Promise<void> {
  for (const field of ['defaultScheduleId', 'defaultEmailccScheduleId'] as const) {
    const id = p[field];
    if (id === undefined || id === null) continue;
    try {
      await getSchedule(db, orgId, id, field);
    } catch (e) {
      if (isAppError(e) && e.code === 'NOT_FOUND') throw bad(field, `no schedule ${id} in this organisation`);
      throw e;
    }
  }
}

/**
 * The sending address of a live assistant is unique across the instance: the
 * inbound SMTP listener maps a recipient to one assistant, hence one org.
 * Archived assistants free their address.
 */
async function checkEmailFree(db: Db, email: string, exceptId: string | null): Promise<void> {
  const [taken] = await db
    .select({ id: assistants.id })
    .from(assistants)
    .where(
      and(
        sql`lower(${assistants.email}) = lower(${email})`,
        isNull(assistants.archivedAt),
        exceptId ? ne(assistants.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken)
    throw new AppError('CONFLICT', `email: ${email} is already the address of an assistant`, {
      field: 'email',
    });
}

/**
 * A new assistant's schedules: those of the org's first live assistant, else
 * the org's oldest plain and EmailCC-style schedules, else a fresh default pair.
 */
async function defaultSchedules(
  db: Db,
  orgId: string,
): Promise<{ defaultScheduleId: string | null; defaultEmailccScheduleId: string | null }> {
  const [first] = await db
    .select({ s: assistants.defaultScheduleId, e: assistants.defaultEmailccScheduleId })
    .from(assistants)
    .where(and(eq(assistants.orgId, orgId), isNull(assistants.archivedAt)))
    .orderBy(asc(assistants.createdAt))
    .limit(1);
  if (first?.s && first.e) return { defaultScheduleId: first.s, defaultEmailccScheduleId: first.e };
  const oldest = (emailcc: boolean) =>
    db
      .select({ id: schedules.id })
      .from(schedules)
      .where(
        and(
          eq(schedules.orgId, orgId),
          emailcc ? gte(schedules.startsAtStep, 1) : eq(schedules.startsAtStep, 0),
        ),
      )
      .orderBy(asc(schedules.createdAt))
      .limit(1);
  const [[plain], [cc]] = await Promise.all([oldest(false), oldest(true)]);
  if (plain && cc) return { defaultScheduleId: plain.id, defaultEmailccScheduleId: cc.id };
  const made = await createDefaultSchedules(db, orgId);
  return { defaultScheduleId: made.standard.id, defaultEmailccScheduleId: made.emailcc.id };
}

/** Create an assistant in the actor's org (admins), with the org's default schedules unless given. */
export async function createAssistant(ctx: Ctx, actor: Actor, input: AssistantInput): Promise<AssistantView> {
  requireAdmin(actor, 'create assistants');
  if (input.name === undefined) throw bad('name', 'required');
  if (input.email === undefined) throw bad('email', 'required');
  const p = clean(input);
  const row = await ctx.db.transaction(async (tx) => {
    // One creation or rename at a time checks the address, so two cannot both take it.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('assistant-email'))`);
    await checkEmailFree(tx, p.email!, null);
    await checkSchedules(tx, actor.orgId, p);
    const defaults = await defaultSchedules(tx, actor.orgId);
    const [created] = await tx
      .insert(assistants)
      .values({
        orgId: actor.orgId,
        ...defaults,
        ...definedOnly(p),
        name: p.name!,
        email: p.email!,
      })
      .returning();
    return created!;
  });
  ctx.log.info('assistant created', { assistantId: row.id, by: actor.userId });
  return assistantView(row, ctx.now());
}

/** Change an assistant's profile, defaults and preferences (admins); only the fields given. */
export async function updateAssistant(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: AssistantPatch,
): Promise<AssistantView> {
  requireAdmin(actor, 'change assistants');
  const p = clean(patch);
  const current = await getAssistantRow(ctx, actor, id);
  const row = await ctx.db.transaction(async (tx) => {
    if (p.email !== undefined && p.email.toLowerCase() !== current.email.toLowerCase()) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('assistant-email'))`);
      if (!current.archivedAt) await checkEmailFree(tx, p.email, current.id);
    }
    await checkSchedules(tx, actor.orgId, p);
    const [updated] = await tx
      .update(assistants)
      .set({ ...definedOnly(p), updatedAt: sql`now()` })
      .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
      .returning();
    return updated!;
  });
  ctx.log.info('assistant changed', { assistantId: row.id, by: actor.userId, fields: Object.keys(p) });
  return assistantView(row, ctx.now());
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export { checkEmailFree as checkAssistantEmailFree };
