import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const corpora = join(root, '..', 'shared', 'corpora');
const run = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'nurture.js'), 'classify', ...args], {
    encoding: 'utf8',
    // A ceiling, not a measure: loading Node and the intent model takes a while on a busy machine.
    timeout: 180_000,
  });

// SPEC §11: `npx nurture classify FILE... [--json]`, offline, one JSON object per line per file.
describe('nurture classify', () => {
  it('prints the contract fields for a bounce, an out-of-office and a human reply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classify-'));
    const reply = join(dir, 'reply.eml');
    writeFileSync(
      reply,
      [
        'From: Ana <ana@example.com>',
        'To: Alex <alex@acme.test>',
        'Subject: Re: Following up after Expo',
        'Date: Tue, 1 Dec 2026 09:30:00 +0100',
        'Message-ID: <r1@example.com>',
        'In-Reply-To: <a@acme.test>',
        '',
        'Thursday at 3pm works for me, let us talk then.',
        '',
        'On Mon, 30 Nov 2026 Alex wrote:',
        '> Would you be open to a call? Unsubscribe: https://x/u/t',
        '',
      ].join('\r\n'),
    );
    const r = run([
      join(corpora, 'sisimai/eml/lhost-postfix-04.eml'),
      join(corpora, 'sisimai/eml/rfc3834-01.eml'),
      reply,
      '--json',
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const keys = [
      'file',
      'kind',
      'state',
      'subState',
      'intent',
      'returnDate',
      'meeting',
      'bounce',
      'confidence',
      'evidence',
    ];
    for (const l of lines) expect(Object.keys(l)).toEqual(keys);
    expect(lines[0]).toMatchObject({
      kind: 'bounce',
      state: 'deactivated',
      bounce: {
        permanent: true,
        reason: 'userunknown',
        status: '5.1.1',
        recipient: 'kijitora@example.co.jp',
      },
    });
    expect(lines[1]).toMatchObject({ kind: 'auto_reply', state: 'out_of_office', returnDate: '2005-05-05' });
    expect(lines[2]).toMatchObject({
      kind: 'reply',
      state: 'hot',
      intent: 'meeting',
      meeting: { date: '2026-12-03', time: '15:00' },
    });
    for (const l of lines) {
      expect(l.confidence).toBeGreaterThan(0);
      expect(l.evidence.length).toBeGreaterThan(0);
    }
  });

  it('reports an unreadable file and exits non-zero, still classifying the others', () => {
    const r = run(['/nonexistent/file.eml', join(corpora, 'sisimai/eml/lhost-postfix-04.eml'), '--json']);
    expect(r.status).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ file: '/nonexistent/file.eml', error: expect.stringMatching(/ENOENT/) });
    expect(lines[1]).toMatchObject({ kind: 'bounce' });
  });
});
