import { parentPort, workerData } from 'node:worker_threads';
import type { SenderAuth } from './sender-auth.ts';
import { type SenderCheckOptions, type SmtpSession, senderCheckHere } from './smtp-sender-check.ts';
import { lowerOwnPriority } from './thread-priority.ts';

/**
 * The entry point of the SMTP listener's sender-check thread
 * (`sender-check-pool.ts`): mailauth's parsing and DKIM hashing of a message
 * of up to INBOUND_MAX_BYTES never take the thread that answers HTTP.
 */
export type SenderCheckJob = { id: number; raw: Uint8Array; session: SmtpSession };
export type SenderCheckAnswer = { id: number; auth: SenderAuth };

const port = parentPort;
if (!port) throw new Error('sender-check-thread.ts runs as a worker thread');
lowerOwnPriority();
const check = senderCheckHere(workerData as SenderCheckOptions);

port.on('message', (job: SenderCheckJob) => {
  const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
  check(raw, job.session).then((auth) => port.postMessage({ id: job.id, auth } satisfies SenderCheckAnswer));
});
