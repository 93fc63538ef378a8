import { Worker } from 'node:worker_threads';

/**
 * The process's peak resident memory over a stretch of time, sampled every
 * 2 ms from a worker thread: its own event loop keeps sampling while the main
 * one (the server under test) is busy, so a peak can't hide in a blocked loop.
 */
export async function rssSampler() {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = process.memoryUsage.rss();
     setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
     parentPort.on('message', (m) => {
       if (m === 'reset') peak = process.memoryUsage.rss();
       parentPort.postMessage(peak);
     });`,
    { eval: true },
  );
  const ask = (m: 'reset' | 'peak') =>
    new Promise<number>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(m);
    });
  await ask('reset');
  return {
    /** Start a stretch; returns the baseline. */
    reset: () => ask('reset'),
    /** The highest RSS since the last reset. */
    peak: () => ask('peak'),
    stop: () => worker.terminate(),
  };
}
