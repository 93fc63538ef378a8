import { exclusionKind, exclusionsAmong, matchingEntry } from '../../suppression/exclusions.ts';
import { defineRule } from './send-rule.ts';

/**
 * An address on the assistant's exclusion list (SPEC §2: e.g. existing
 * customers), itself or by its domain, is not emailed by that assistant. Adding
 * a lead is refused then; this rule covers leads added before the entry was:
 * their email is skipped and the lead stopped (deactivated/Excluded), the
 * matching entry on the timeline. An admin who takes the entry off again can
 * continue the lead. The whole batch's entries come in one query.
 */
export const exclusionRule = defineRule({
  name: 'exclusion',
  prepare(ctx, batch) {
    return exclusionsAmong(
      ctx.db,
      [...batch.leads.values()].map((l) => ({ assistantId: l.assistantId, email: l.email })),
    );
  },
  check({ lead }, excluded) {
    const entry = matchingEntry(lead.email, excluded.get(lead.assistantId));
    if (!entry) return null;
    const pattern = entry.replace(/^@/, '');
    return {
      kind: 'skip',
      stopLead: 'Excluded',
      reason: `${lead.email} matches the assistant's exclusion list entry "${pattern}"`,
      evidence: { email: lead.email, exclusion: pattern, exclusionKind: exclusionKind(pattern) },
    };
  },
});
