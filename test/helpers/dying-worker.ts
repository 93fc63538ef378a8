import { eq } from 'drizzle-orm';
import { workers } from '../../src/db/schema.ts';
import { dispatchOnce } from '../../src/outbound/dispatcher.ts';
import type { MailSender } from '../../src/outbound/mail-sender.ts';
import type { SenderRegistry } from '../../src/outbound/sender-registry.ts';
import type { Ctx } from '../../src/platform/context.ts';

/**
 * A worker that claims a round, gets as far as handing the emails to SMTP —
 * some reach the server (`deliver`, cycled), some never leave — and dies
 * before recording anything: its claims stay `sending` until a restart
 * reconciles them. The real dispatcher runs (every send rule included); only
 * its process "ends" once the sends are out. Returns 1 if it died mid-send,
 * 0 if the round had nothing to send and finished normally.
 */
export async function crashMidSend(
  ctx: Ctx,
  senders: SenderRegistry,
  doomed: string,
  deliver: boolean[],
): Promise<number> {
  await ctx.db.insert(workers).values({ id: doomed, pid: process.pid, host: 'test' });
  const deliveries: Promise<unknown>[] = [];
  let sending!: () => void;
  const started = new Promise<string>((r) => {
    sending = () => r('sending');
  });
  let i = 0;
  const dying: SenderRegistry = {
    senderFor(a) {
      const real = senders.senderFor(a);
      const s: MailSender = {
        ...real,
        send(mail) {
          sending();
          if (deliver[i++ % deliver.length]) deliveries.push(real.send(mail));
          return new Promise(() => {}); // the process is gone before the answer is recorded
        },
      };
      return s;
    },
    usesSandbox: (a) => senders.usesSandbox(a),
    closeAll: async () => {},
  };
  const outcome = await Promise.race([dispatchOnce(ctx, dying, doomed).then(() => 'done'), started]);
  await Promise.all(deliveries);
  await ctx.db.delete(workers).where(eq(workers.id, doomed));
  return outcome === 'sending' ? 1 : 0;
}
