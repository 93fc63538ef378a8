import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.ts';
import { type AnalysisPool, createAnalysisPool } from './analysis-pool.ts';

const log = createLogger('silent', 'json');
const reply = (text: string, extra = '') =>
  Buffer.from(
    [
      'From: Dana <dana@lead.example>',
      'To: Alex <alex+r-abcdefgh12@acme.example>',
      'Cc: boss@lead.example',
      'Subject: Re: Quick question',
      'Message-ID: <reply-1@lead.example>',
      'In-Reply-To: <0f4a1c2e-1111-4222-8333-123456789abc.tok12345@acme.example>',
      'References: <first@acme.example> <0f4a1c2e-1111-4222-8333-123456789abc.tok12345@acme.example>',
      'Date: Tue, 1 Dec 2026 10:00:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      extra,
    ].join('\r\n'),
  );

let pool: AnalysisPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the inbound analysis pool (worker threads under a time budget)', () => {
  it('parses and classifies a reply in a thread, returning the headers matching needs', async () => {
    pool = createAnalysisPool({ threads: 1, budgetMs: 20_000, log });
    const a = await pool.analyse({
      raw: reply('Yes, Tuesday at 3pm works for a call.'),
      receivedAt: new Date().toISOString(),
    });
    expect(a).toMatchObject({
      messageId: '<reply-1@lead.example>',
      subject: 'Re: Quick question',
      from: 'dana@lead.example',
      inReplyTo: ['<0f4a1c2e-1111-4222-8333-123456789abc.tok12345@acme.example>'],
      references: ['<first@acme.example>', '<0f4a1c2e-1111-4222-8333-123456789abc.tok12345@acme.example>'],
      addresses: ['alex+r-abcdefgh12@acme.example', 'boss@lead.example'],
      embedded: [],
    });
    expect(a.classification.kind).toBe('reply');
    expect(a.classification.intent).toBe('meeting');
  });

  it('ends a job that overruns its budget, replaces the thread, and goes on with the next', async () => {
    pool = createAnalysisPool({ threads: 1, budgetMs: 5, log });
    // The budget runs from when a ready thread takes the job: a thread's start (seconds on a loaded
    // machine) is not measured here, so wait for the first thread before timing.
    await pool.ready();
    // 8 MB of base64 attachment: parsing it takes far longer than 5 ms on any machine.
    const base64 = Buffer.alloc(6 * 1024 * 1024, 7).toString('base64');
    // In lines of 76, as MIME writes them (sliced: the ReDoS audit reads a pattern here too).
    const lines = Array.from({ length: Math.ceil(base64.length / 76) }, (_, i) =>
      base64.slice(i * 76, i * 76 + 76),
    );
    const big = reply('See attached.', `\r\n${lines.join('\r\n')}`);
    const started = Date.now();
    await expect(pool.analyse({ raw: big, receivedAt: new Date().toISOString() })).rejects.toThrow(
      'overran its 5 ms budget',
    );
    // Ended at its budget, not when the parse would have finished; the replacement thread's start is not waited for.
    expect(Date.now() - started).toBeLessThan(3_000);
    await pool.close();
    pool = createAnalysisPool({ threads: 1, budgetMs: 20_000, log });
    const a = await pool.analyse({
      raw: reply('Please remove me from your list.'),
      receivedAt: new Date().toISOString(),
    });
    expect(a.classification.intent).toBe('stop');
  });

  it('caps what leaves the thread: reply text, ids, addresses', async () => {
    pool = createAnalysisPool({ threads: 1, budgetMs: 20_000, log });
    const many = Array.from({ length: 500 }, (_, i) => `<r${i}@x.example>`).join(' ');
    const raw = Buffer.from(
      reply(`${'Tell me more about pricing please. '.repeat(2000)}`)
        .toString('latin1')
        .replace('References: ', `References: ${many} `),
      'latin1',
    );
    const a = await pool.analyse({ raw, receivedAt: new Date().toISOString() });
    expect(a.references.length).toBe(50);
    expect(a.classification.details.replyText!.length).toBeLessThanOrEqual(20_000);
  });
});
