import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadImportRows, leadImports, leads } from '../src/db/schema.ts';
import { rssSampler } from './helpers/rss-sampler.ts';
import { startTestNurture } from './helpers/test-nurture.ts';
import { cachedBomb, millionRowXlsx, widthBombCsv } from './helpers/upload-bombs.ts';

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
    // Warm up as a server that has been running is (code compiled, pools open), with smaller files of each
    // kind: the figures are then the bombs', not a first request's (cold, each costs 2-3 times the CPU).
    expect((await post(form('warm.csv', Buffer.from('email\nwarm@up.example\n')))).status).toBe(201);
    expect((await post(form('warm-wide.csv', widthBombCsv(2_001, 100)))).status).toBe(400);
    expect((await post(form('warm-rows.xlsx', millionRowXlsx(60_000)))).status).toBe(400);
    const before = await counts();

    const cases: [string, Buffer, RegExp][] = [
      ['width-bomb.csv', files.csv!, /a row with more than 1,000 columns \(row 1\)/],
      ['million-rows.xlsx', files.xlsx!, /more than 50,000 rows/],
    ];
    for (const [name, bytes, limit] of cases) {
      // Up to three tries, the fastest counting: a neighbour's burst on a shared machine can stretch one
      // request's wall time, not all three; a design that needs seconds of work fails every try. Memory must
      // stay under the bound on every try.
      const tries: Awaited<ReturnType<typeof measured>>[] = [];
      while (tries.length < 3 && !tries.some((t) => t.ms < 2000)) tries.push(await measured(name, bytes));
      for (const t of tries) {
        expect(t.status, name).toBe(400);
        expect(t.answer.error.field, name).toBe('file');
        expect(t.answer.error.message, name).toMatch(limit);
        expect(t.growthMb, name).toBeLessThan(100);
      }
      expect(Math.min(...tries.map((t) => t.ms)), name).toBeLessThan(2000);
    }
    expect(await counts()).toEqual(before);
  });
});
