import { defineRule } from './send-rule.ts';

/**
 * An archived assistant sends nothing (assistants/assistant-archive.ts). Its
 * running leads were stopped when it was archived; this catches what was
 * still due then (a one-off answer) or is added later by any other path.
 */
export const archivedAssistantRule = defineRule({
  name: 'archived-assistant',
  check({ assistant }) {
    if (!assistant.archivedAt) return null;
    return {
      kind: 'skip',
      reason: `the assistant ${assistant.name} is archived`,
      evidence: { archivedAt: assistant.archivedAt.toISOString() },
    };
  },
});
