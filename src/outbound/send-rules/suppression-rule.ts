import { suppressedAmong, suppressionKey } from '../../suppression/suppression.ts';
import { defineRule } from './send-rule.ts';

/** An address on the org's suppression list is never emailed, whatever else holds. */
export const suppressionRule = defineRule({
  name: 'suppression',
  async prepare(ctx, batch) {
    const byOrg = new Map<string, string[]>();
    for (const l of batch.leads.values()) byOrg.set(l.orgId, [...(byOrg.get(l.orgId) ?? []), l.email]);
    const out = new Map<string, Set<string>>();
    for (const [orgId, emails] of byOrg) out.set(orgId, await suppressedAmong(ctx.db, orgId, emails));
    return out;
  },
  check({ lead }, suppressed) {
    if (!suppressed.get(lead.orgId)?.has(suppressionKey(lead.email))) return null;
    return {
      kind: 'skip',
      reason: `${lead.email} is on the organisation's suppression list`,
      stopLead: 'Suppressed',
      evidence: { email: lead.email },
    };
  },
});
