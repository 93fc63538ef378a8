import { nextWindowOpening } from '../../sequences/send-window.ts';
import { defineRule } from './send-rule.ts';

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export function describeWindow(w: { days: number[]; startMinute: number; endMinute: number }): string {
  return `${w.days.map((d) => dayNames[d]).join(',')} ${hhmm(w.startMinute)}–${hhmm(w.endMinute)}`;
}

/**
 * The assistant's send window, in the lead's time zone (SPEC §5.3). An
 * explicit first-send time overrides it; sandbox mail may ignore it so the
 * loop can be tried at any hour (noted on the timeline).
 */
export const sendWindowRule = defineRule({
  name: 'send-window',
  check({ message, lead, assistant }, _p, batch, ctx) {
    if (message.explicitTime) return null;
    const zone = lead.timeZone ?? 'UTC';
    const window = {
      days: assistant.sendDays,
      startMinute: assistant.sendStartMinute,
      endMinute: assistant.sendEndMinute,
    };
    const opening = nextWindowOpening(batch.now, window, zone);
    if (opening.getTime() <= batch.now.getTime()) return null;
    const evidence = {
      window: describeWindow(window),
      timeZone: zone,
      wouldWaitUntil: opening.toISOString(),
    };
    if (ctx.config.SANDBOX_SENDS_ANYTIME && batch.usesSandbox(assistant))
      return {
        kind: 'note',
        evidence: { sandbox: 'sent outside the send window: sandbox mail is not held back', ...evidence },
      };
    return {
      kind: 'defer',
      until: opening,
      reason: `Outside the send window in the lead's time zone (${zone}); waits for the next opening`,
      evidence: { window: evidence.window, timeZone: zone },
    };
  },
});
