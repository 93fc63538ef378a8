import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAutoReply } from './detect-auto-reply.ts';

// Zammad's out-of-office and Apache Allura's is_autoreply header cases,
// transcribed in corpora/autoreply/header-cases.json.
const corpora = process.env.CORPORA_DIR ?? '/work/shared/corpora';
const path = join(corpora, 'autoreply/header-cases.json');

type HeaderCases = {
  zammad_out_of_office_cases: {
    id: string;
    headers: Record<string, string>;
    subject_prefix?: string;
    expected_out_of_office: boolean;
  }[];
  allura_is_autoreply_cases: { id: string; headers: Record<string, string>; expected_autoreply: boolean }[];
};

const cases: HeaderCases | null = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;

describe.skipIf(cases === null)('header-cases.json', () => {
  it.each(cases?.zammad_out_of_office_cases ?? [])(
    'Zammad $id → out of office: $expected_out_of_office',
    (c) => {
      const result = detectAutoReply({
        headers: c.headers,
        subject: `${c.subject_prefix ?? ''}Some subject`,
        text: 'Some Text',
        from: 'someone@example.com',
      });
      expect(result.autoReply && result.kind === 'out_of_office').toBe(c.expected_out_of_office);
    },
  );

  it.each(cases?.allura_is_autoreply_cases ?? [])('Allura $id → auto-reply: $expected_autoreply', (c) => {
    const result = detectAutoReply({
      headers: c.headers,
      subject: 'Some subject',
      text: 'Some Text',
      from: 'a@b.example',
    });
    expect(result.autoReply).toBe(c.expected_autoreply);
  });

  it('also accepts the headers as a Map with lower-case names', () => {
    const zimbra = cases?.zammad_out_of_office_cases.find((c) => c.id === 'zammad-zimbra-1');
    const headers = new Map(Object.entries(zimbra?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    expect(detectAutoReply({ headers, subject: 'Re: hi', text: '', from: null }).kind).toBe('out_of_office');
  });
});
