import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors/app-error.ts';
import { errorJson } from './error-response.ts';

/** A JSON API call's body: far above any real one (a bulk action on 1000 leads is ~40 KB). */
export const apiBodyMaxBytes = 1024 * 1024;
/** A public page's form (the unsubscribe button, a mail client's one-click POST) is a few bytes. */
export const pageBodyMaxBytes = 16 * 1024;

const inWords = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * A body limit that answers 413 naming the limit, read as the body arrives
 * (a declared Content-Length over the limit is refused before any byte is
 * read), so no route ever holds more than `maxBytes` of a request in memory.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: async (c) => {
      await drainBody(c.req.raw);
      return errorJson(
        c,
        new AppError('TOO_LARGE', `body: larger than ${inWords(maxBytes)}, the most this route accepts`, {
          field: 'body',
        }),
      );
    },
  });
}

/** How much of a refused body is read and dropped so its sender hears the answer. */
const drainMaxBytes = 4 * 1024 * 1024;

/**
 * Read and drop what is left of a refused request's body (a declared
 * Content-Length over the limit is refused before any byte is read). A client
 * still sending when the answer comes and the connection closes sees a reset,
 * not the 4xx naming the limit; a browser shows "connection reset". Up to
 * 4 MB is drained; a body bigger still is cut off, which it has earned.
 */
export async function drainBody(req: Request): Promise<void> {
  if (!req.body || req.bodyUsed || req.body.locked) return;
  const reader = req.body.getReader();
  let read = 0;
  try {
    while (read <= drainMaxBytes) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The sender went away: nothing left to drain.
  }
}
