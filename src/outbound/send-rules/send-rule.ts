import type { assistants, leads } from '../../db/schema.ts';
import type { InvalidSubState } from '../../leads/lead-states.ts';
import type { Ctx } from '../../platform/context.ts';
import type { MessageRow } from '../claim-due.ts';

/** Why a rule stops a lead for good: suppressed, excluded, or its address found invalid. */
export type StopLead = 'Suppressed' | 'Excluded' | InvalidSubState;

export type Lead = typeof leads.$inferSelect;
export type Assistant = typeof assistants.$inferSelect;

/** What the dispatcher knows about a claimed batch before deciding anything. */
export type Batch = {
  now: Date;
  messages: MessageRow[];
  leads: Map<string, Lead>;
  assistants: Map<string, Assistant>;
  /** Whether this assistant's mail goes to the built-in sandbox. */
  usesSandbox(assistant: Assistant): boolean;
};

export type Candidate = { message: MessageRow; lead: Lead; assistant: Assistant };

/**
 * A rule's answer for one message: stop it for good, hold it until later,
 * let it go with a note for the timeline, or nothing to say (null).
 */
export type RuleResult =
  | {
      kind: 'skip';
      reason: string;
      evidence?: Record<string, unknown>;
      /** The lead can never be emailed again either: stop it with this sub-state (its other steps go with it). */
      stopLead?: StopLead;
    }
  | { kind: 'defer'; until: Date; reason: string; evidence?: Record<string, unknown> }
  | { kind: 'note'; evidence: Record<string, unknown> }
  | null;

/**
 * One reason an email may not go now (SPEC §4: every decision not to send is
 * recorded). `prepare` loads what the rule needs for the whole batch in one
 * query; `check` decides per message, in batch order (oldest first), and may
 * count what it lets through (a cap).
 */
export type SendRule<P = unknown> = {
  name: string;
  prepare?(ctx: Ctx, batch: Batch): Promise<P>;
  check(c: Candidate, prepared: P, batch: Batch, ctx: Ctx): RuleResult;
};

/** Helps rule files keep their prepared type while living in one list. */
export const defineRule = <P>(rule: SendRule<P>): SendRule<unknown> => rule as SendRule<unknown>;
