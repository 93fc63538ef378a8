import { invalidAddressReason, isInvalidVerdict } from '../../leads/lead-states.ts';
import { defineRule } from './send-rule.ts';

/**
 * SPEC §7: nothing is sent to an address validation found invalid (or that
 * bounced hard), whatever path made an email due — a user marking the lead
 * hot and continuing it, a bulk action, a check-in, a path nobody thought of.
 * The actions refuse first (lead-states.ts); this is the last line, beside
 * suppression. A lead still running is stopped with the verdict as its
 * sub-state (its other steps are cancelled with it).
 */
export const invalidAddressRule = defineRule({
  name: 'invalid-address',
  check({ lead }) {
    const address = { verdict: lead.addressVerdict, at: lead.addressVerdictAt };
    const why = invalidAddressReason(address);
    if (!why || !isInvalidVerdict(lead.addressVerdict)) return null;
    return {
      kind: 'skip',
      reason: `${lead.email}: ${why}`,
      stopLead: lead.addressVerdict,
      evidence: {
        email: lead.email,
        addressVerdict: lead.addressVerdict,
        foundAt: lead.addressVerdictAt?.toISOString() ?? null,
      },
    };
  },
});
