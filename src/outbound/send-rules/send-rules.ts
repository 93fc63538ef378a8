import { dailyCapRule } from './daily-cap-rule.ts';
import { leadStateRule } from './lead-state-rule.ts';
import type { SendRule } from './send-rule.ts';
import { sendWindowRule } from './send-window-rule.ts';
import { suppressionRule } from './suppression-rule.ts';

/**
 * Every reason a due email may not go now, in the order they are asked. The
 * first rule that skips or defers decides; notes accumulate. A rule that
 * counts what it lets through (the cap) comes last.
 */
export const sendRules: SendRule[] = [leadStateRule, suppressionRule, sendWindowRule, dailyCapRule];
