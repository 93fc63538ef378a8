/**
 * ReDoS audit: every regular expression in src/ is checked with recheck, so
 * a pattern that can take super-linear time on some input fails CI with the
 * file, the line and an attack string. Patterns are found by parsing the
 * sources (test/helpers/regex-inventory.ts), plus the ones built at run time
 * from word lists, captured while the modules load and the classifier runs.
 *
 * A flagged pattern is fixed, or, if it is linear all the same (a bounded
 * repetition recheck's fuzzer reads as polynomial) or never sees outside
 * input, listed in regex-audit-allowed.ts with the reason. The findings of
 * the first audit that are not fixed yet are listed there too, as known
 * work: the test keeps any new one out, and does not re-check them unless
 * REGEX_AUDIT_FULL=1 (then it reports the ones that became safe).
 * REGEX_AUDIT_REPORT=file writes the findings as JSON.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, type Diagnostics } from 'recheck';
import { describe, expect, it } from 'vitest';
import { captureRegExps, inventory } from '../../test/helpers/regex-inventory.ts';
import { allowedDynamicSites, allowedPatterns, knownVulnerable } from './regex-audit-allowed.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

type Pattern = { source: string; flags: string; where: string[] };

const key = (source: string, flags: string) => `/${source}/${flags}`;

// recheck's fuzzer has a fixed seed, but its steps also stop on time (seeding, incubation, attack):
// on a busy machine it explored less or more, and the same pattern was flagged in one run and not
// the next. Without those clocks a verdict depends on the seed and the step limits alone; the
// overall timeout still ends a pattern it cannot decide ("unknown": inconclusive, not a failure).
const deterministic = {
  timeout: 20_000,
  seedingTimeout: null,
  incubationTimeout: null,
  attackTimeout: null,
  recallTimeout: null,
} as const;

async function checkAll(patterns: Pattern[]): Promise<{ pattern: Pattern; result: Diagnostics }[]> {
  const out: { pattern: Pattern; result: Diagnostics }[] = [];
  let next = 0;
  // recheck's native agent checks in parallel; more than the cores only queues.
  const lanes = Math.max(2, availableParallelism());
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < patterns.length) {
        const pattern = patterns[next++]!;
        out.push({ pattern, result: await check(pattern.source, pattern.flags, deterministic) });
      }
    }),
  );
  return out;
}

function describeFinding({ pattern, result }: { pattern: Pattern; result: Diagnostics }): string {
  const what =
    result.status === 'vulnerable'
      ? `${result.complexity.type} (attack: ${result.attack.pattern})`
      : `${result.status}: ${result.status === 'unknown' ? result.error.kind : ''}`;
  return `${pattern.where.join(', ')}  ${key(pattern.source, pattern.flags)}  ${what}`;
}

describe('ReDoS audit of every regular expression in src/', () => {
  it('the checker itself flags a known-bad pattern and passes a safe one', { timeout: 400_000 }, async () => {
    // Generous time limits: on a busy machine a verdict must not turn into "unknown".
    const params = { timeout: 120_000 };
    const bad = await check('^(a+)+$', '', params);
    // The intent classifier's old URL-or-address pattern (issue 8): quadratic on a run of word characters.
    const oldUrlOrEmail = String.raw`\b(?:https?:\/\/|www\.)[^\s<>()]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
    const badEmail = await check(oldUrlOrEmail, 'giu', params);
    const good = await check('^[a-z]+@[a-z]+$', '', params);
    expect(bad.status).toBe('vulnerable');
    expect(badEmail.status).toBe('vulnerable');
    expect(good.status).toBe('safe');
  });

  it('finds no vulnerable pattern outside the allow-list', { timeout: 1_500_000 }, async () => {
    const { sites, dynamic } = inventory(root);
    // Run-time patterns: load every module that builds one, then run the
    // classifier over messages that reach its per-call patterns.
    const dynamicFiles = [...new Set(dynamic.map((d) => d.file))].filter((f) => !/\.test\.ts$/.test(f));
    const captured = await captureRegExps(root, async () => {
      for (const file of dynamicFiles) await import(join(root, file));
      const { exerciseClassifier } = await import('../../test/helpers/classifier-workout.ts');
      await exerciseClassifier();
    });

    const uncovered = dynamic.filter(
      (d) =>
        !captured.some((c) => c.file === d.file && c.line === d.line) &&
        !allowedDynamicSites.some((a) => a.file === d.file && a.line === d.line),
    );
    expect(uncovered.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([]);

    const byKey = new Map<string, Pattern>();
    const add = (source: string, flags: string, where: string) => {
      const k = key(source, flags);
      const p = byKey.get(k) ?? { source, flags, where: [] };
      if (!p.where.includes(where)) p.where.push(where);
      byKey.set(k, p);
    };
    for (const s of sites) add(s.source, s.flags, `${s.file}:${s.line}`);
    for (const c of captured) if (c.file !== null) add(c.source, c.flags, `${c.file}:${c.line} (built)`);
    expect(byKey.size).toBeGreaterThan(500);

    const listed = [...allowedPatterns, ...knownVulnerable];
    const listedKeys = new Set(listed.map((a) => key(a.source, a.flags)));
    const isListed = ({ pattern }: { pattern: Pattern }) =>
      listedKeys.has(key(pattern.source, pattern.flags));
    // A listed pattern already has its verdict (most are the ones recheck cannot decide in 5 s, which
    // is most of the audit's time): only the rest are checked, unless REGEX_AUDIT_FULL asks to
    // re-check them too and report the ones that became safe.
    const full = Boolean(process.env.REGEX_AUDIT_FULL);
    const results = await checkAll(
      [...byKey.values()].filter((p) => full || !listedKeys.has(key(p.source, p.flags))),
    );
    const vulnerable = results.filter((r) => r.result.status === 'vulnerable');
    // "unknown" is recheck running out of time (a busy machine, a huge pattern): inconclusive, not a failure.
    const inconclusive = results.filter((r) => r.result.status === 'unknown');
    if (process.env.REGEX_AUDIT_REPORT)
      writeFileSync(
        process.env.REGEX_AUDIT_REPORT,
        JSON.stringify(
          [...vulnerable, ...inconclusive].map(({ pattern, result }) => ({
            ...pattern,
            status: result.status,
          })),
          null,
          1,
        ),
      );
    if (inconclusive.length > 0)
      console.warn(`recheck could not decide in time:\n${inconclusive.map(describeFinding).join('\n')}`);
    expect(vulnerable.filter((r) => !isListed(r)).map(describeFinding)).toEqual([]);
    // An entry whose pattern is gone is removed, so the lists stay true; one that now passes is reported.
    const gone = listed.filter((a) => !byKey.has(key(a.source, a.flags)));
    expect(gone.map((a) => `${a.file} ${key(a.source, a.flags)}`)).toEqual([]);
    const nowSafe = listed.filter((a) =>
      results.some(
        (r) => r.result.status === 'safe' && r.pattern.source === a.source && r.pattern.flags === a.flags,
      ),
    );
    if (nowSafe.length > 0)
      console.warn(`listed but now safe (remove):\n${nowSafe.map((a) => key(a.source, a.flags)).join('\n')}`);
  });
});
