import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { type ActorType, leads } from '../db/schema.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import { hasOwnSmtp, type OwnSmtp } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import { offlineVerdict } from './offline-checks.ts';

export type Admission = {
  reason?: string;
  evidence?: Record<string, unknown>;
  by?: { actorType: ActorType; actorId: string | null };
};

/**
 * Activate a new lead the way SPEC §7 wants it: within the adding
 * transaction, run the checks that need no network, so a plain verdict is
 * there at once — `cold` (valid, or validation off), or `deactivated` with its
 * invalid sub-state (a throwaway domain, a spam trap, `.invalid`…). Anything
 * that needs DNS or the verifier leaves the lead `pending/Unverified`, due
 * for the validation worker now; its steps are planned but held until then
 * (validation-hold.ts). Returns the lead as it now stands.
 */
export async function admitLead(
  tx: Db,
  ctx: Ctx,
  lead: LeadRow,
  assistant: { id: string; smtpUrl: string | null } & OwnSmtp,
  /** Why there was room (plans/): the reason's first words, the evidence, who activated it. */
  room: Admission = {},
): Promise<LeadRow> {
  const sandbox = !(hasOwnSmtp(assistant) || ctx.config.SMTP_URL);
  const v = offlineVerdict(lead.email, { mode: ctx.config.VALIDATION_MODE, sandbox });
  const cause = (reason: string) => ({
    actorType: room.by?.actorType ?? ('assistant' as const),
    actorId: room.by ? room.by.actorId : assistant.id,
    reason: `${room.reason ?? 'Plan capacity available'}; ${reason}`,
    evidence: { checks: v.findings, ...room.evidence },
  });
  if (v.outcome === 'invalid')
    return (await changeLeadState(tx, lead, { type: 'invalidate', subState: v.subState }, cause(v.reason)))!;
  if (v.outcome === 'valid')
    return (await changeLeadState(tx, lead, { type: 'activate', verified: true }, cause(v.reason)))!;
  // `network` (unsure and retry need the network, so they don't come from the offline checks).
  const pending = (await changeLeadState(
    tx,
    lead,
    { type: 'activate', verified: false },
    cause(
      `the address passed the offline checks; its domain's mail host is checked next, and nothing is sent before`,
    ),
  ))!;
  const [due] = await tx
    .update(leads)
    .set({ validationDueAt: ctx.now() })
    .where(eq(leads.id, pending.id))
    .returning();
  return due!;
}
