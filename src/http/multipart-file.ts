import { AppError } from '../errors/app-error.ts';

/**
 * One file from a `multipart/form-data` request, read from the body stream
 * into one buffer of at most `maxBytes` (the declared length, when there is
 * one, is checked before a byte is read). The form parser of `Request`
 * (undici's) takes most of a second for an 8 MB file and holds it two or
 * three times over; this finds the part with `indexOf` and hands it on
 * without a copy.
 */
export async function multipartFile(
  req: Request,
  field: string,
  opts: { maxBytes: number; setting: string },
): Promise<{ name: string; bytes: Buffer }> {
  const missing = () =>
    new AppError(
      'VALIDATION',
      `${field}: required (send the file as multipart/form-data, field "${field}")`,
      {
        field,
      },
    );
  const type = req.headers.get('content-type') ?? '';
  const boundary = /^multipart\/form-data\s*;(?:[^;]*;)*?\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!boundary || !req.body) throw missing();
  const tooBig = () =>
    new AppError('VALIDATION', `${field}: larger than ${opts.maxBytes} bytes (${opts.setting})`, { field });
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > opts.maxBytes) throw tooBig();
  const body = await readAtMost(
    req.body,
    opts.maxBytes,
    Number.isFinite(declared) ? declared : undefined,
    tooBig,
  );

  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const nextDelimiter = Buffer.concat([Buffer.from('\r\n'), delimiter]);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const headersStart = at + delimiter.length + 2; // the CRLF after the delimiter ("--" after the last one)
    if (body[at + delimiter.length] === 0x2d) break;
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd < 0) break;
    const next = body.indexOf(nextDelimiter, headersEnd + 4);
    if (next < 0) break;
    const headers = body.toString('utf8', headersStart, headersEnd);
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    if (param(disposition, 'name') === field)
      return { name: param(disposition, 'filename') ?? '', bytes: body.subarray(headersEnd + 4, next) };
    at = next + 2;
  }
  throw missing();
}

async function readAtMost(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  declared: number | undefined,
  tooBig: () => AppError,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) throw tooBig();
      chunks.push(value);
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    throw e;
  }
  // One buffer, of the declared size when it is right (no doubling as it grows).
  return Buffer.concat(chunks, declared === size ? declared : size);
}

/** `name` and `filename` of a Content-Disposition header (RFC 5987's `filename*=UTF-8''…` preferred). */
function param(header: string, key: 'name' | 'filename'): string | undefined {
  if (key === 'filename') {
    const extended = /;\s*filename\*=UTF-8''([^;]*)/i.exec(header);
    if (extended) {
      try {
        return decodeURIComponent(extended[1]!.trim());
      } catch {}
    }
    return /;\s*filename="([^"]*)"/i.exec(header)?.[1] ?? /;\s*filename=([^;\s"]+)/i.exec(header)?.[1];
  }
  return /;\s*name="([^"]*)"/i.exec(header)?.[1] ?? /;\s*name=([^;\s"]+)/i.exec(header)?.[1];
}
