import { archivedAssistantRule } from './archived-assistant-rule.ts';
import { breakerRule } from './breaker-rule.ts';
import { dailyCapRule } from './daily-cap-rule.ts';
import { exclusionRule } from './exclusion-rule.ts';
import { holidayRule } from './holiday-rule.ts';
import { invalidAddressRule } from './invalid-address-rule.ts';
import { leadStateRule } from './lead-state-rule.ts';
import { pendingShareRule } from './pending-share-rule.ts';
import type { SendRule } from './send-rule.ts';
import { sendTimeRule } from './send-time-rule.ts';
import { sendWindowRule } from './send-window-rule.ts';
import { spacingRule } from './spacing-rule.ts';
import { stepGapRule } from './step-gap-rule.ts';
import { suppressionRule } from './suppression-rule.ts';

/**
 * Every reason a due email may not go now, in the order they are asked. The
 * first rule that skips or defers decides; notes accumulate. Rules that
 * count what they let through (the pending share, spacing, the cap) come last.
 */
export const sendRules: SendRule[] = [
  archivedAssistantRule,
  leadStateRule,
  suppressionRule,
  invalidAddressRule,
  exclusionRule,
  breakerRule,
  stepGapRule,
  sendWindowRule,
  holidayRule,
  sendTimeRule,
  // Before spacing: a lead held for a day at the slow rate takes no spacing slot.
  pendingShareRule,
  spacingRule,
  dailyCapRule,
];
