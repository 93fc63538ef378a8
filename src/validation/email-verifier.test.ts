import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerifierServer } from '../../test/helpers/verifier-server.ts';
import { createHttpVerifier, readAnswer } from './email-verifier.ts';

describe('reading a verifier answer', () => {
  it.each([
    [{ status: 'valid' }, 'valid', false],
    [{ status: 'invalid', sub_status: 'mailbox_not_found' }, 'invalid', false],
    [{ status: 'invalid', sub_status: 'no_dns_entries' }, 'no_mail_host', false],
    [{ status: 'catch-all' }, 'catch_all', false],
    [{ status: 'unknown', sub_status: 'greylisted' }, 'unknown', false],
    [{ status: 'spamtrap' }, 'spam_trap', false],
    [{ status: 'abuse' }, 'risky', false],
    [{ status: 'do_not_mail', sub_status: 'disposable' }, 'disposable', false],
    [{ status: 'do_not_mail', sub_status: 'role_based' }, 'valid', true],
    [{ status: 'do_not_mail', sub_status: 'toxic' }, 'risky', false],
    [
      { debounce: { code: '5', result: 'Safe to Send', reason: 'Deliverable', role: 'false' } },
      'valid',
      false,
    ],
    [{ debounce: { code: '8', result: 'Safe to Send', reason: 'Role' } }, 'valid', true],
    [{ debounce: { code: '2', result: 'Invalid', reason: 'Spam-trap' } }, 'spam_trap', false],
    [{ debounce: { code: '3', result: 'Invalid', reason: 'Disposable' } }, 'disposable', false],
    [{ debounce: { code: '4', result: 'Risky', reason: 'Accept-All' } }, 'catch_all', false],
    [{ debounce: { code: '6', result: 'Invalid', reason: 'Bounce' } }, 'invalid', false],
    [{ debounce: { code: '7', result: 'Unknown' } }, 'unknown', false],
  ])('%j → %s', (body, verdict, role) => {
    expect(readAnswer(body, 'v.test')).toMatchObject({ verdict, role });
  });
  it.each([null, 'text', {}, { error: 'Invalid API key' }, { debounce: { code: '99' } }])(
    '%j is a failure',
    (body) => {
      expect(() => readAnswer(body, 'v.test')).toThrow();
    },
  );
});

// The server answers from this process: generous timeouts, but for the one meant to run out.
describe('HTTP verifier (real server on loopback)', () => {
  let server: Awaited<ReturnType<typeof startVerifierServer>>;
  beforeAll(async () => {
    server = await startVerifierServer((email) =>
      email.startsWith('slow')
        ? { delayMs: 1000 }
        : email.startsWith('down')
          ? { httpStatus: 503, raw: 'busy' }
          : { status: email.startsWith('gone') ? 'invalid' : 'valid' },
    );
  });
  afterAll(() => server?.close());

  it('sends the address and key, reads the verdict', async () => {
    const v = createHttpVerifier({ url: server.url, apiKey: 'k3y', timeoutMs: 10_000, concurrency: 2 });
    expect(await v.verify('jane@acme.com')).toMatchObject({
      verdict: 'valid',
      provider: expect.stringContaining('127.0.0.1'),
    });
    expect(await v.verify('gone@acme.com')).toMatchObject({ verdict: 'invalid', status: 'invalid' });
    expect(server.requests.at(-1)).toEqual({ email: 'gone@acme.com', apiKey: 'k3y' });
  });
  it('fills a URL template ({email}, {key})', async () => {
    const v = createHttpVerifier({
      url: `${server.url}?api_key={key}&email={email}`,
      apiKey: 'k&y',
      timeoutMs: 10_000,
      concurrency: 1,
    });
    await v.verify('a+b@acme.com');
    expect(server.requests.at(-1)).toEqual({ email: 'a+b@acme.com', apiKey: 'k&y' });
  });
  it('a timeout or an HTTP error throws, without the key in the message', async () => {
    const v = createHttpVerifier({ url: server.url, apiKey: 'secret-key', timeoutMs: 200, concurrency: 2 });
    await expect(v.verify('slow@acme.com')).rejects.toThrow();
    const e = await v.verify('down@acme.com').catch((x: Error) => x);
    expect(String(e)).toContain('HTTP 503');
    expect(String(e)).not.toContain('secret-key');
  });
});
