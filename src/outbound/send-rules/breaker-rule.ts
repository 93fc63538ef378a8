import { type BreakerRow, trippedBreakers } from '../../deliverability/breaker-evaluation.ts';
import { breakerHoldMs, holdReason } from '../../deliverability/breaker-policy.ts';
import { mailboxOf } from '../../deliverability/breaker-scopes.ts';
import { verifiedAmong } from '../../deliverability/verified-addresses.ts';
import { defineRule } from './send-rule.ts';

type Prepared = { tripped: BreakerRow[]; verified: Map<string, Set<string>> };

/**
 * Tripped deliverability breakers (SPEC §5.3, §12) of the email's mailbox,
 * assistant or org hold it: a complaint breaker holds every sequence email (a
 * complaint rate hurts every recipient's inbox placement); a hard-bounce
 * breaker holds emails to addresses not yet verified
 * (deliverability/verified-addresses.ts). Held, not dropped: an admin's
 * resume sends them.
 */
export const breakerRule = defineRule<Prepared>({
  name: 'breaker',
  async prepare(ctx, batch) {
    const orgIds = [...new Set(batch.messages.map((m) => m.orgId))];
    const tripped = await trippedBreakers(ctx.db, orgIds);
    const verified = new Map<string, Set<string>>();
    const bounceOrgs = new Set(tripped.filter((b) => b.kind === 'hard_bounce').map((b) => b.orgId));
    for (const orgId of bounceOrgs) {
      const emails = [...batch.leads.values()].filter((l) => l.orgId === orgId).map((l) => l.email);
      verified.set(orgId, await verifiedAmong(ctx.db, orgId, emails, batch.now));
    }
    return { tripped, verified };
  },
  check({ message, lead, assistant }, { tripped, verified }, batch) {
    if (!tripped.length) return null;
    const mine = tripped.filter(
      (b) =>
        b.orgId === assistant.orgId &&
        ((b.scope === 'org' && b.scopeId === assistant.orgId) ||
          (b.scope === 'assistant' && b.scopeId === assistant.id) ||
          (b.scope === 'mailbox' && b.scopeId === mailboxOf(assistant.email))),
    );
    const complaint = mine.find((b) => b.kind === 'complaint');
    const bounce = mine.find((b) => b.kind === 'hard_bounce');
    const holding =
      complaint && message.kind === 'sequence'
        ? complaint
        : bounce && !verified.get(lead.orgId)?.has(lead.email.toLowerCase())
          ? bounce
          : null;
    if (!holding) return null;
    const label =
      holding.scope === 'assistant' ? assistant.email : holding.scope === 'mailbox' ? holding.scopeId : '';
    return {
      kind: 'defer',
      until: new Date(batch.now.getTime() + breakerHoldMs),
      reason: holdReason(holding.kind, holding.scope, label, holding.rate),
      evidence: {
        breakerId: holding.id,
        breaker: `${holding.kind}:${holding.scope}:${holding.scopeId}`,
        rate: holding.rate,
        sends: holding.windowSends,
        events: holding.windowEvents,
        since: holding.trippedAt?.toISOString(),
        // The resume releases what this trip held: the trip's time names it.
        trippedAt: holding.trippedAt?.toISOString(),
        ...(holding.kind === 'hard_bounce' ? { addressVerified: false } : {}),
      },
    };
  },
});
