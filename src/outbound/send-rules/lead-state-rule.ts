import { isRunning } from '../../leads/lead-states.ts';
import { awaitsValidation, validationHold, validationHoldMs } from '../../validation/validation-hold.ts';
import { defineRule } from './send-rule.ts';

/**
 * Sequence steps go only to running leads, and wait while a lead is out of
 * office; a one-off message (an answer, a check-in the lead asked for) goes to
 * anyone who has not asked to stop.
 */
export const leadStateRule = defineRule({
  name: 'lead-state',
  check({ message, lead }, _p, batch) {
    // SPEC §2, §7: nothing goes to an address before it is validated; validation releases what waits.
    if (awaitsValidation(lead))
      return {
        kind: 'defer',
        until: new Date(batch.now.getTime() + validationHoldMs),
        reason:
          'The address is being validated; nothing is sent to it before (this goes as soon as it is valid)',
        evidence: { hold: validationHold, state: lead.state, subState: lead.subState },
      };
    if (message.kind === 'sequence' && lead.state === 'out_of_office') {
      const until =
        lead.resumeAt && lead.resumeAt > batch.now
          ? lead.resumeAt
          : new Date(batch.now.getTime() + 3_600_000);
      return {
        kind: 'defer',
        until,
        reason: 'The lead is out of office; the sequence is paused until they are back',
        evidence: { resumeAt: lead.resumeAt?.toISOString() },
      };
    }
    const allowed =
      message.kind === 'sequence'
        ? isRunning(lead.state)
        : !['deactivated', 'unsubscribed'].includes(lead.state);
    if (allowed) return null;
    const what = message.kind === 'sequence' ? 'its sequence does not run' : 'it is not emailed';
    return {
      kind: 'skip',
      reason: `The lead is ${lead.state}${lead.subState ? ` (${lead.subState})` : ''}; ${what}`,
      evidence: { state: lead.state },
    };
  },
});
