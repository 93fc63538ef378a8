/**
 * discourse/email_reply_trimmer: test/emails/X.txt must trim to
 * test/trimmed/X.txt, compared after normalising trailing whitespace. The
 * trimmer keeps sign-offs and quotes that have text below them (inline
 * answers), so those views of our output are accepted too.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../segment-lines.ts';
import { analyzeReply, assemble, type ReplyAnalysis } from '../strip-reply.ts';
import { compareReply, type FixtureCase } from './fixture-case.ts';
import type { SplitOf } from './split.ts';

const SOURCE = 'discourse-email_reply_trimmer';

export function discourseCases(corporaDir: string, splitOf: SplitOf): FixtureCase[] {
  const root = join(corporaDir, SOURCE, 'test');
  return readdirSync(join(root, 'emails'))
    .filter((f) => f.endsWith('.txt') && existsSync(join(root, 'trimmed', f)))
    .sort()
    .map((file) => {
      const item = `test/emails/${file}`;
      const { split, derived } = splitOf(SOURCE, item);
      return {
        source: SOURCE,
        item,
        split,
        derivedSplit: derived,
        run: () => {
          const analysis = analyzeReply({ text: readFileSync(join(root, 'emails', file), 'utf8') });
          const expected = readFileSync(join(root, 'trimmed', file), 'utf8');
          return compareReply(analysis, expected, undefined, [
            withInlineQuotes(analysis, ['reply']),
            withInlineQuotes(analysis, ['reply', 'signature']),
          ]);
        },
      };
    });
}

/** The wanted roles plus the ">" quotes that have reply text below them. */
function withInlineQuotes(a: ReplyAnalysis, wanted: readonly Role[]): string {
  const lastOwn = a.roles.findLastIndex((r, i) => r === 'reply' && (a.lines[i] ?? '').trim() !== '');
  const roles: Role[] = a.roles.map((r, i) =>
    r === 'quote' && i < lastOwn && /^\s*>/.test(a.lines[i] ?? '') ? 'reply' : r,
  );
  return assemble(a.lines, roles, wanted);
}
