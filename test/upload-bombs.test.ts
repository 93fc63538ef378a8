import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadImportRows, leadImports, leads } from '../src/db/schema.ts';
import { rssSampler } from './helpers/rss-sampler.ts';
import { startTestNurture } from './helpers/test-nurture.ts';
import { cachedBomb } from './helpers/upload-bombs.ts';

// Issue 8, "What it must show" 3: the width-bomb CSV and the 1,000,000-row XLSX
// are each refused within 2 s, the server's memory growing by under 100 MB,
// with the default limits. The server runs in this process, so its RSS is
// this process's (the client's copy of the upload is counted too: a margin).

type Err = { error: { code: string; message: string; field?: string } };

let n: Awaited<ReturnType<typeof startTestNurture>>;
let sampler: Awaited<ReturnType<typeof rssSampler>>;
const files: Record<string, Buffer> = {};

beforeAll(async () => {
  [files.csv, files.xlsx] = await Promise.all([
    cachedBomb('width-bomb.csv'),
    cachedBomb('million-rows.xlsx'),
  ]);
  // The worker's loops idle (nothing here for them to do): the server's work is what is measured.
  n = await startTestNurture({
    DISPATCH_POLL_MS: '60000',
    VALIDATION_POLL_MS: '600000',
    NOTIFY_POLL_MS: '600000',
    IMAP_SCAN_MS: '600000',
  });
  sampler = await rssSampler();
}, 120_000);
afterAll(async () => {
  await sampler?.stop();
  await n?.close();
});

/** The request's body built whole beforehand, so the client does no work while the server is measured. */
const form = (name: string, bytes: Buffer) => {
  const boundary = `----bomb${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
};
const post = (f: ReturnType<typeof form>) =>
  fetch(`${n.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${n.org.apiKey}`, 'content-type': f.type },
    body: f.body,
  });
const counts = async () => ({
  imports: (await n.ctx.db.select({ c: count() }).from(leadImports))[0]!.c,
  rows: (await n.ctx.db.select({ c: count() }).from(leadImportRows))[0]!.c,
  leads: (await n.ctx.db.select({ c: count() }).from(leads))[0]!.c,
});

/** One upload measured: wall time from sending to the answer, and peak RSS over the baseline just before. */
async function measured(name: string, bytes: Buffer) {
  const body = form(name, bytes); // built before the baseline: the client's own copy is not the server's
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = await sampler.reset();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const res = await post(body);
  const answer = (await res.json()) as Err;
  const ms = performance.now() - started;
  // CPU time (client and server, all threads): what the refusal costs, whatever else the machine is doing.
  const { user, system } = process.cpuUsage(cpu);
  const cpuMs = (user + system) / 1000;
  const growthMb = ((await sampler.peak()) - baseline) / (1024 * 1024);
  console.log(
    `${name} (${(bytes.length / 1024).toFixed(0)} KB): ${res.status} in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU), RSS +${growthMb.toFixed(1)} MB: ${answer.error?.message}`,
  );
  return { status: res.status, answer, ms, growthMb };
}

describe('hostile lead files', () => {
  it('are refused within 2 s, naming the limit, memory growing by under 100 MB, nothing stored', async () => {
    expect(files.csv!.length).toBeGreaterThan(900_000);
    expect(files.xlsx!.length).toBeGreaterThan(7_000_000);
    // Warm up once (code loaded and compiled, pools open) so the figures are the files', not the first request's.
    expect((await post(form('warm.csv', Buffer.from('email\nwarm@up.example\n')))).status).toBe(201);
    const before = await counts();

    const csv = await measured('width-bomb.csv', files.csv!);
    expect(csv.status).toBe(400);
    expect(csv.answer.error.field).toBe('file');
    expect(csv.answer.error.message).toMatch(/a row with more than 1,000 columns \(row 1\)/);

    const xlsx = await measured('million-rows.xlsx', files.xlsx!);
    expect(xlsx.status).toBe(400);
    expect(xlsx.answer.error.field).toBe('file');
    expect(xlsx.answer.error.message).toMatch(/more than 50,000 rows/);

    for (const m of [csv, xlsx]) {
      expect(m.ms).toBeLessThan(2000);
      expect(m.growthMb).toBeLessThan(100);
    }
    expect(await counts()).toEqual(before);
  });
});
