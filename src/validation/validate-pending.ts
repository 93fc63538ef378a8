import { and, eq, inArray, sql } from 'drizzle-orm';
import { assistants, leads } from '../db/schema.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import { hasOwnSmtp } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import type { Cause } from '../timeline/record-event.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { type AddressValidator, validateAddress } from './validate-address.ts';
import { awaitsValidation, releaseHeld } from './validation-hold.ts';
import type { Verdict } from './verdict.ts';

/**
 * The validation worker's rounds (one per worker, `app/worker-runtime.ts`).
 * Besides validating, a round releases again the emails of leads validated
 * while a dispatcher had one claimed (see releaseHeld), until none is: a
 * deferral recorded just after the release would otherwise hold the email for
 * the hour of the hold's re-check.
 */
export function createValidationRounds(ctx: Ctx, v: AddressValidator): () => Promise<number> {
  const late: LateReleases = new Map();
  return async () => {
    for (const [leadId, { orgId, since }] of late) {
      const { released, sending } = await ctx.db.transaction((tx) =>
        releaseHeld(tx, { id: leadId, orgId }, ctx.now()),
      );
      if (released) ctx.wake.dispatcher();
      if (!sending || Date.now() - since > leaseMs) late.delete(leadId);
    }
    return validatePendingOnce(ctx, v, late);
  };
}

/** Leads whose held emails are released again next round, by lead id. */
type LateReleases = Map<string, { orgId: string; since: number }>;

/** A claimed lead is this worker's for this long; a worker that dies mid-check frees it when it runs out. */
const leaseMs = 5 * 60_000;

/** The wait after the `attempts`-th failed try: doubling from VALIDATION_RETRY_BASE_MS, capped. */
const retryDelay = (ctx: Ctx, attempts: number): number =>
  Math.min(
    ctx.config.VALIDATION_RETRY_BASE_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 30),
    ctx.config.VALIDATION_RETRY_MAX_MS,
  );

/**
 * One round of the validation worker (SPEC §7): claim the leads whose
 * address is due for validation (FOR UPDATE SKIP LOCKED, committed before any
 * DNS query, so workers share the work and none waits on another), validate
 * them side by side — one DNS query per domain thanks to the resolver's
 * cache — and record each outcome in its own transaction through
 * `changeLeadState`, the checks' findings as evidence:
 * - valid → `cold` (or `pending/CatchAll|Unverifiable` when the verifier
 *   can't tell): the emails held for it are released;
 * - invalid → `deactivated` with the sub-state (its steps are cancelled);
 * - DNS or the verifier failed → still pending, tried again after
 *   VALIDATION_RETRY_BASE_MS, doubling up to VALIDATION_RETRY_MAX_MS, with an
 *   `address_checked` event saying what failed and when the next try is.
 *   After VALIDATION_MAX_ATTEMPTS: a failing verifier is left out (our own
 *   checks decide); a domain whose DNS keeps failing becomes
 *   `CannotDetermine`, but only if DNS answered for some other domain since
 *   the lead's previous try — when nothing answers, the fault is ours
 *   (resolver down, network cut) and the lead keeps waiting at the longest
 *   interval, never lost and never blamed.
 * Returns how many leads it claimed.
 */
export async function validatePendingOnce(
  ctx: Ctx,
  v: AddressValidator,
  late: LateReleases = new Map(),
): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  const claimed = await ctx.db
    .update(leads)
    .set({
      validationDueAt: new Date(now.getTime() + leaseMs),
      validationAttempts: sql`${leads.validationAttempts} + 1`,
    })
    .where(
      sql`${leads.id} IN (SELECT id FROM leads WHERE validation_due_at <= ${at}::timestamptz
            ORDER BY validation_due_at, id LIMIT ${ctx.config.VALIDATION_BATCH_SIZE} FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
  if (!claimed.length) return 0;

  // A lead moved on meanwhile (a user stopped it…) has nothing to validate: forget its due time.
  const stale = claimed.filter((l) => !awaitsValidation(l)).map((l) => l.id);
  if (stale.length) await ctx.db.update(leads).set({ validationDueAt: null }).where(inArray(leads.id, stale));
  const work = claimed.filter(awaitsValidation);
  const sandbox = await sandboxedAssistants(ctx, work);
  const verdicts = await Promise.all(
    work.map((l) =>
      validateAddress(v, l.email, sandbox.has(l.assistantId)).catch(
        (e: unknown): Verdict => ({
          outcome: 'retry',
          reason: `Validation failed: ${e instanceof Error ? e.message : String(e)}`,
          findings: [],
        }),
      ),
    ),
  );
  let goes = false;
  for (const [i, lead] of work.entries()) {
    try {
      goes = (await record(ctx, v, lead, verdicts[i]!, late)) || goes;
    } catch (e) {
      // The lease runs out and another round tries again.
      ctx.log.error('recording an address validation failed', { leadId: lead.id, error: e });
    }
  }
  if (goes) ctx.wake.dispatcher();
  return claimed.length;
}

/** The assistants among these leads' whose mail goes to the built-in sandbox (no SMTP of their own or the instance's). */
async function sandboxedAssistants(ctx: Ctx, work: LeadRow[]): Promise<Set<string>> {
  if (ctx.config.SMTP_URL || !work.length) return new Set();
  const ids = [...new Set(work.map((l) => l.assistantId))];
  const rows = await ctx.db
    .select({
      id: assistants.id,
      smtpUrl: assistants.smtpUrl,
      smtpHost: assistants.smtpHost,
      smtpPort: assistants.smtpPort,
    })
    .from(assistants)
    .where(inArray(assistants.id, ids));
  return new Set(rows.filter((a) => !hasOwnSmtp(a)).map((a) => a.id));
}

/** Record one verdict; true when the lead may now be emailed. */
async function record(
  ctx: Ctx,
  v: AddressValidator,
  lead: LeadRow,
  verdict: Verdict,
  late: LateReleases,
): Promise<boolean> {
  const now = ctx.now();
  const attempts = lead.validationAttempts;
  const final = giveUp(ctx, v, verdict, attempts, now);
  const cause = (reason: string): Cause => ({
    actorType: 'system',
    reason,
    evidence: { checks: final.findings, attempts },
  });
  return ctx.db.transaction(async (tx) => {
    const clear = () => tx.update(leads).set({ validationDueAt: null }).where(eq(leads.id, lead.id));
    switch (final.outcome) {
      case 'valid':
      case 'unsure': {
        const event =
          final.outcome === 'valid'
            ? ({ type: 'verify' } as const)
            : ({ type: 'verify', unsure: final.subState } as const);
        const moved = await changeLeadState(tx, lead, event, cause(final.reason));
        await clear();
        if (!moved) return false;
        const { sending } = await releaseHeld(tx, moved, now);
        if (sending) late.set(lead.id, { orgId: lead.orgId, since: Date.now() });
        return true;
      }
      case 'invalid':
        await changeLeadState(
          tx,
          lead,
          { type: 'invalidate', subState: final.subState },
          cause(final.reason),
        );
        await clear();
        return false;
      case 'retry': {
        const next = new Date(now.getTime() + retryDelay(ctx, attempts));
        const [still] = await tx
          .update(leads)
          .set({ validationDueAt: next })
          .where(and(eq(leads.id, lead.id), eq(leads.state, 'pending'), eq(leads.subState, 'Unverified')))
          .returning({ id: leads.id });
        if (!still) return false;
        // Past the last try and still a retry: DNS gave no proof of working since the previous try.
        const waiting = attempts >= ctx.config.VALIDATION_MAX_ATTEMPTS;
        await recordEvent(tx, {
          orgId: lead.orgId,
          leadId: lead.id,
          type: 'address_checked',
          ...cause(
            `${final.reason}. Still pending (try ${attempts}); next try at ${next.toISOString()}` +
              (waiting
                ? ' — DNS is not answering for other domains either, so we wait rather than blame the address'
                : ''),
          ),
          evidence: { checks: final.findings, attempts, nextTryAt: next.toISOString() },
        });
        return false;
      }
    }
  });
}

/** Past VALIDATION_MAX_ATTEMPTS, a retry becomes a decision when it fairly can (see validatePendingOnce). */
function giveUp(ctx: Ctx, v: AddressValidator, verdict: Verdict, attempts: number, now: Date): Verdict {
  if (verdict.outcome !== 'retry' || attempts < ctx.config.VALIDATION_MAX_ATTEMPTS) return verdict;
  if (verdict.fallback)
    return {
      ...verdict.fallback,
      reason: `${verdict.fallback.reason}. The verifier did not answer in ${attempts} tries (${verdict.reason}), so our own checks decide`,
      findings: verdict.findings,
    };
  // Proof that DNS itself works: a definitive answer about some domain since this lead's previous
  // try (the wait it just served is a lower bound of the time since then).
  const answeredAt = v.resolver.lastAnsweredAt();
  if (answeredAt === null || now.getTime() - answeredAt > retryDelay(ctx, attempts - 1)) return verdict;
  return {
    outcome: 'invalid',
    subState: 'CannotDetermine',
    reason: `Could not determine whether the address can receive mail: ${verdict.reason}, ${attempts} tries, while DNS answered for other domains`,
    findings: verdict.findings,
  };
}
