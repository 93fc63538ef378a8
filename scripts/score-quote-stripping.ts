/**
 * Score stripReply against the public quote/signature fixtures in
 * corpora/ (README §3). Usage:
 *
 *   node scripts/score-quote-stripping.ts [--split holdout|dev|all] [--source NAME] [--verbose]
 *
 * Default split is holdout: tune on dev only, measure on holdout. Items that
 * SPLIT.csv does not list get a derived split (marked "*"), see scoring/split.ts.
 * A case "passes" when our reply matches, or the reply with its signature left
 * in place matches (for fixture sets that keep sign-offs); "strict" counts the
 * cases where the reply alone matched.
 */

import { crispCases } from '../src/classify/reply-text/scoring/crisp-cases.ts';
import { discourseCases } from '../src/classify/reply-text/scoring/discourse-cases.ts';
import type { CaseResult, FixtureCase } from '../src/classify/reply-text/scoring/fixture-case.ts';
import { githubCases } from '../src/classify/reply-text/scoring/github-cases.ts';
import { mailParserReplyCases } from '../src/classify/reply-text/scoring/mail-parser-reply-cases.ts';
import { quotequailCases } from '../src/classify/reply-text/scoring/quotequail-cases.ts';
import { loadSplit } from '../src/classify/reply-text/scoring/split.ts';
import { talonCases } from '../src/classify/reply-text/scoring/talon-cases.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const corpora = arg('corpora') ?? process.env.CORPORA_DIR ?? '/work/shared/corpora';
const wanted = arg('split') ?? 'holdout';
const onlySource = arg('source');
const verbose = process.argv.includes('--verbose');
if (!['holdout', 'dev', 'all'].includes(wanted)) {
  console.error('--split must be holdout, dev or all');
  process.exit(2);
}

const splitOf = loadSplit(corpora);
const all: FixtureCase[] = [
  ...discourseCases(corpora, splitOf),
  ...talonCases(corpora, splitOf),
  ...crispCases(corpora, splitOf),
  ...githubCases(corpora, splitOf),
  ...mailParserReplyCases(corpora, splitOf),
  ...quotequailCases(corpora, splitOf),
];
const selected = all.filter(
  (c) => (wanted === 'all' || c.split === wanted) && (!onlySource || c.source === onlySource),
);

type Tally = { passed: number; strict: number; total: number; failures: { item: string; detail?: string }[] };
const tallies = new Map<string, Tally>();

for (const c of selected) {
  let result: CaseResult;
  try {
    result = await c.run();
  } catch (err) {
    result = { pass: false, strict: false, detail: `threw: ${(err as Error).message}` };
  }
  const key = `${c.source}\t${c.split}`;
  const t = tallies.get(key) ?? { passed: 0, strict: 0, total: 0, failures: [] };
  t.total++;
  if (result.pass) t.passed++;
  if (result.pass && result.strict) t.strict++;
  if (!result.pass)
    t.failures.push({ item: `${c.item}${c.derivedSplit ? ' *' : ''}`, detail: result.detail });
  tallies.set(key, t);
}

let passed = 0;
let total = 0;
console.log(`split: ${wanted}   (* = split derived by hash, not listed in SPLIT.csv)\n`);
for (const [key, t] of [...tallies.entries()].sort()) {
  const [source, split] = key.split('\t');
  passed += t.passed;
  total += t.total;
  const pct = ((100 * t.passed) / t.total).toFixed(0);
  console.log(`${source} [${split}]: ${t.passed}/${t.total} passed (${pct}%), ${t.strict} strict`);
  for (const f of t.failures) {
    console.log(`  FAIL ${f.item}`);
    if (verbose && f.detail) console.log(`    ${f.detail}`);
  }
}
console.log(`\nTOTAL: ${passed}/${total} passed`);
