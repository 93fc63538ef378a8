/**
 * Copying a message of tens of MB is not free here: a fresh 40 MB buffer
 * costs ~130 ms to fill on this class of machine (page faults, not memcpy),
 * all of it on the thread that answers HTTP. In slices of 4 MB with a turn of
 * the event loop between them, no single step holds that thread for long.
 */
const sliceBytes = 4 * 1024 * 1024;

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** The pieces joined into one new buffer, copied a slice at a time. */
export async function concatInSlices(pieces: readonly Buffer[], total: number): Promise<Buffer> {
  if (total <= sliceBytes) return Buffer.concat(pieces, total);
  const out = Buffer.allocUnsafeSlow(total);
  let at = 0;
  let sinceTurn = 0;
  for (const p of pieces) {
    const n = Math.min(p.length, total - at);
    p.copy(out, at, 0, n);
    at += n;
    sinceTurn += n;
    if (sinceTurn >= sliceBytes) {
      sinceTurn = 0;
      await turn();
    }
    if (at >= total) break;
  }
  return out;
}

/** A copy the caller owns outright (to transfer to a thread), made a slice at a time. */
export async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; at += sliceBytes) {
    out.set(bytes.subarray(at, at + sliceBytes), at);
    if (at + sliceBytes < bytes.length) await turn();
  }
  return out;
}
