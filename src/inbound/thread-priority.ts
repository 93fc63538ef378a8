import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * On Linux a thread has its own nice value: this one gives way somewhat to
 * the main thread (HTTP, the database's replies), so a machine short of
 * cores answers requests first. Only somewhat: on a machine busy with other
 * work, a much lower priority starves the analysis until every message
 * overruns its budget. Elsewhere it keeps the process's priority.
 */
export function lowerOwnPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) setPriority(tid, 4);
  } catch {}
}
