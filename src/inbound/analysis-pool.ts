import { Worker } from 'node:worker_threads';
import type { Logger } from '../platform/logger.ts';
import type { Analysis, AnalysisJob } from './analyse-message.ts';
import type { ThreadAnswer } from './analysis-thread.ts';

/**
 * A few worker threads that parse and classify inbound messages (issue 8:
 * one hostile email must not stop the server). Each job runs under a time
 * budget: past it the thread is terminated — whatever it was stuck in — and
 * replaced, and the job fails with "overran its N ms budget". A thread that
 * dies (out of its heap, say) fails its job the same way. The main thread
 * never parses a message itself, so /health and the API keep answering.
 */
export type AnalysisPool = {
  analyse(job: AnalysisJob): Promise<Analysis>;
  /** Resolves once every thread has started (loaded the parser and the model). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** The job's failure, kept as the message's reason. */
export class AnalysisFailed extends Error {
  override name = 'AnalysisFailed';
}

// A thread's own heap: a message that makes the parser balloon ends that thread, not the process.
const threadHeapMb = 768;
const entry = new URL('./analysis-thread.ts', import.meta.url);

type Waiting = {
  job: AnalysisJob;
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
};
type Slot = { worker: Worker; ready: boolean; current: (Waiting & { timer: NodeJS.Timeout }) | null };

export function createAnalysisPool(opts: { threads: number; budgetMs: number; log: Logger }): AnalysisPool {
  const queue: Waiting[] = [];
  const slots = new Set<Slot>();
  const readyWaiters: (() => void)[] = [];
  let closed = false;

  const spawn = () => {
    const worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: threadHeapMb } });
    worker.unref(); // the threads never keep a process alive that has nothing else to do
    const slot: Slot = { worker, ready: false, current: null };
    slots.add(slot);
    worker.on('message', (m: ThreadAnswer) => {
      if ('ready' in m) {
        slot.ready = true;
        pump();
        if ([...slots].every((x) => x.ready)) for (const r of readyWaiters.splice(0)) r();
        return;
      }
      const job = slot.current;
      if (!job) return;
      clearTimeout(job.timer);
      slot.current = null;
      if (m.ok) job.resolve(m.analysis as Analysis);
      else job.reject(new AnalysisFailed(m.error));
      pump();
    });
    // An error (out of memory, a crash) ends the thread: fail its job, start another.
    worker.on('error', (e) => replace(slot, `its analysis thread failed: ${e.message}`));
    worker.on('exit', () => replace(slot, 'its analysis thread stopped'));
  };

  const replace = (slot: Slot, reason: string) => {
    if (!slots.delete(slot)) return;
    const job = slot.current;
    slot.current = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(new AnalysisFailed(reason));
    }
    slot.worker.terminate().catch(() => {});
    if (!closed) spawn();
  };

  const pump = () => {
    for (const slot of slots) {
      if (!queue.length) return;
      if (!slot.ready || slot.current) continue;
      const next = queue.shift()!;
      const timer = setTimeout(() => {
        opts.log.warn('inbound analysis overran its budget; thread replaced', { budgetMs: opts.budgetMs });
        replace(slot, `overran its ${opts.budgetMs} ms budget`);
      }, opts.budgetMs);
      slot.current = { ...next, timer };
      // The bytes are copied into a buffer of their own and moved, not cloned: one copy, whatever the size.
      const raw = new Uint8Array(next.job.raw);
      slot.worker.postMessage({ ...next.job, raw }, [raw.buffer]);
    }
  };

  for (let i = 0; i < opts.threads; i++) spawn();

  return {
    analyse(job) {
      if (closed) return Promise.reject(new AnalysisFailed('the analysis pool is closed'));
      return new Promise<Analysis>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        pump();
      });
    },
    ready() {
      if ([...slots].every((x) => x.ready)) return Promise.resolve();
      return new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
    async close() {
      closed = true;
      for (const w of queue.splice(0)) w.reject(new AnalysisFailed('the analysis pool is closed'));
      const all = [...slots];
      slots.clear();
      for (const s of all) {
        if (s.current) {
          clearTimeout(s.current.timer);
          s.current.reject(new AnalysisFailed('the analysis pool is closed'));
        }
      }
      await Promise.all(all.map((s) => s.worker.terminate().catch(() => 0)));
    },
  };
}
