import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors/app-error.ts';
import { multipartFile } from './multipart-file.ts';

const limits = { maxBytes: 1000, setting: 'IMPORT_MAX_BYTES' };
const formRequest = (form: FormData) => new Request('http://x/', { method: 'POST', body: form });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ field: e.field, message: e.message }),
  );

describe('a file from a multipart form', () => {
  it('finds the field among others, with its name and exact bytes', async () => {
    const form = new FormData();
    form.append('note', 'first');
    const bytes = Buffer.from([0, 13, 10, 45, 45, 255, 1, 2]); // CR LF "--" inside the file
    form.append('file', new Blob([bytes]), 'Liste für Mai.csv');
    const file = await multipartFile(formRequest(form), 'file', limits);
    expect(file.name).toBe('Liste für Mai.csv');
    expect(Buffer.compare(file.bytes, bytes)).toBe(0);
  });

  it('refuses a missing field, another content type, and a body over the limit (declared or streamed)', async () => {
    const other = new FormData();
    other.append('attachment', new Blob(['x']), 'x.csv');
    expect(await refusal(multipartFile(formRequest(other), 'file', limits))).toMatchObject({
      field: 'file',
      message: expect.stringMatching(/required/),
    });
    const json = new Request('http://x/', {
      method: 'POST',
      body: '{"file":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(await refusal(multipartFile(json, 'file', limits))).toMatchObject({ field: 'file' });
    // A declared length over the limit: refused before a byte is read.
    const big = new Request('http://x/', {
      method: 'POST',
      body: Buffer.alloc(2000),
      headers: { 'content-type': 'multipart/form-data; boundary=abc', 'content-length': '2000' },
    });
    expect(await refusal(multipartFile(big, 'file', limits))).toMatchObject({
      field: 'file',
      message: 'file: larger than 1000 bytes (IMPORT_MAX_BYTES)',
    });
    expect(big.bodyUsed).toBe(false);
    // No declared length: counted as it streams, and the rest is never read.
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        try {
          c.enqueue(new Uint8Array(400));
        } catch {} // closed by the cancel on its way here
      },
      cancel() {
        cancelled = true;
      },
    });
    const streamed = new Request('http://x/', {
      method: 'POST',
      body: endless,
      duplex: 'half',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    } as RequestInit);
    expect(await refusal(multipartFile(streamed, 'file', limits))).toMatchObject({ field: 'file' });
    expect(pulled).toBeLessThan(10);
    expect(cancelled).toBe(true);
  });
});
