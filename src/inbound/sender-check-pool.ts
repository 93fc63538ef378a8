import { Worker } from 'node:worker_threads';
import type { Logger } from '../platform/logger.ts';
import { copyInSlices } from './copy-in-slices.ts';
import type { SenderAuth } from './sender-auth.ts';
import type { SenderCheckAnswer, SenderCheckJob } from './sender-check-thread.ts';
import { type SenderCheckOptions, type SmtpSession, senderCheckBudgetMs } from './smtp-sender-check.ts';

const entry = new URL('./sender-check-thread.ts', import.meta.url);

export type SenderChecker = {
  check(raw: Buffer, session: SmtpSession): Promise<SenderAuth>;
  close(): Promise<void>;
};

/**
 * One thread, started on the first message, checks every message's sender
 * (several at once: most of a check is waiting on DNS). A check that gets no
 * answer within its budget (plus a margin) is `temperror`; a thread that
 * dies is replaced on the next message, its pending checks `temperror`.
 */
export function createSenderChecker(o: SenderCheckOptions, log: Logger): SenderChecker {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (a: SenderAuth) => void>();
  const noVerdict = (session: SmtpSession, error: string): SenderAuth => ({
    dmarc: 'temperror',
    source: 'smtp-listener',
    evidence: { error, client: session },
  });

  const start = (): Worker => {
    const w = new Worker(entry, { workerData: o });
    w.unref();
    w.on('message', (m: SenderCheckAnswer) => {
      pending.get(m.id)?.(m.auth);
      pending.delete(m.id);
    });
    w.on('error', (e) => log.error('sender-check thread failed', { error: e }));
    w.on('exit', () => {
      if (worker === w) worker = null;
      for (const [id, done] of pending) {
        done({
          dmarc: 'temperror',
          source: 'smtp-listener',
          evidence: { error: 'the check thread stopped' },
        });
        pending.delete(id);
      }
    });
    return w;
  };

  return {
    check(raw, session) {
      worker ??= start();
      const id = nextId++;
      // A copy the thread owns (the listener keeps its buffer to store the message), made in slices.
      const copying = copyInSlices(raw);
      return new Promise<SenderAuth>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(noVerdict(session, 'the sender check took too long'));
        }, senderCheckBudgetMs(o) + 5_000);
        pending.set(id, (a) => {
          clearTimeout(timer);
          resolve(a);
        });
        void copying.then((copy) => {
          if (!pending.has(id)) return; // given up on meanwhile
          worker ??= start();
          worker.postMessage({ id, raw: copy, session } satisfies SenderCheckJob, [copy.buffer]);
        });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
