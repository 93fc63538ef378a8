import { parentPort } from 'node:worker_threads';
import { defaultIntentModel } from '../classify/intent/intent-model.ts';
import { type AnalysisJob, analyseMessage } from './analyse-message.ts';
import { lowerOwnPriority } from './thread-priority.ts';

/**
 * The entry point of an inbound analysis thread (`analysis-pool.ts`): one job
 * at a time, answered with the analysis or the error's message. It loads the
 * intent model before saying it is ready, so a job's time budget is spent on
 * the job, never on a fresh thread's start.
 */
export type ThreadAnswer = { ready: true } | { ok: true; analysis: unknown } | { ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('analysis-thread.ts runs as a worker thread');

port.on('message', (job: AnalysisJob) => {
  analyseMessage(job).then(
    (analysis) => port.postMessage({ ok: true, analysis } satisfies ThreadAnswer),
    (e: unknown) =>
      port.postMessage({
        ok: false,
        error: String((e as Error)?.message ?? e).slice(0, 2000),
      } satisfies ThreadAnswer),
  );
});

lowerOwnPriority();
defaultIntentModel();
port.postMessage({ ready: true } satisfies ThreadAnswer);
