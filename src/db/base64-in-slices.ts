/**
 * Raw mail is stored as base64 text (see `base64Bytes` in schema.ts). Encoding
 * a 40 MB message in one call holds the thread that answers HTTP for a few
 * hundred milliseconds on a slow core; in slices of 768 KB (a multiple of 3,
 * so the slices' base64 joins without padding in between) the event loop gets
 * a turn between slices. Small messages are encoded at once.
 */
const slice = 3 * 256 * 1024;

export async function base64InSlices(bytes: Buffer): Promise<string> {
  if (bytes.length <= slice) return bytes.toString('base64');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += slice) {
    parts.push(bytes.subarray(at, at + slice).toString('base64'));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return parts.join('');
}
