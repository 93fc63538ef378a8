/**
 * Scores the bounce parser on the public corpora (/work/shared/corpora).
 *
 *   ./node_modules/.bin/node scripts/score-bounces.ts [--split holdout|dev|all] [--verbose]
 *
 * Primary: sisimai (expectations.json, labels from go-sisimai's test tables;
 * recipients from p5-sisimai's output). Secondary: Mail::DeliveryStatus::
 * BounceParser (is_bounce, coarse std_reason) and flufl.bounce (recipients).
 * It is a report: the exit code is always 0.
 *
 * Definitions
 * - detection: a file counts as a bounce to detect unless all its expected
 *   rows are `vacation` (auto-replies must give null: scored separately as
 *   "auto-replies ignored"). Success DSNs (`delivered`) and ARF complaints
 *   (`feedback`) must be detected: they are reports the product acts on.
 * - reason / recipient accuracy: per expected recipient row, matched by index
 *   (row n ↔ our n-th recipient). A missing n-th recipient is a miss.
 *   "first row" figures use index 1 only.
 * - status accuracy: rows whose expected status is a real RFC 3463 code.
 *   sisimai invents X.0.9NN codes when the bounce has none; we return null
 *   there instead of a made-up code, so those rows are excluded (and counted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBounceAll } from '../src/classify/bounce/parse-bounce.ts';
import type { BounceInfo } from '../src/classify/classification.ts';

const CORPORA = '/work/shared/corpora';

type Split = 'holdout' | 'dev' | 'all';

function argSplit(): Split {
  const i = process.argv.indexOf('--split');
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  return v === 'dev' || v === 'all' || v === 'holdout' ? v : 'holdout';
}
const verbose = process.argv.includes('--verbose');

function readSplit(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const lines = readFileSync(join(CORPORA, 'SPLIT.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (!line.trim()) continue;
    const [source, item, , split] = line.split(',');
    if (!source || !item || !split) continue;
    let m = out.get(source);
    if (!m) {
      m = new Map();
      out.set(source, m);
    }
    m.set(item, split);
  }
  return out;
}

const splits = readSplit();
const split = argSplit();
const inSplit = (source: string, item: string): boolean => {
  const s = splits.get(source)?.get(item);
  return s !== undefined && (split === 'all' || s === split);
};

const pct = (n: number, d: number): string =>
  d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
const line = (label: string, n: number, d: number): string =>
  `  ${label.padEnd(34)} ${pct(n, d)}  (${n}/${d})`;

function safeParse(raw: Buffer): BounceInfo[] | null {
  try {
    return parseBounceAll(raw);
  } catch (err) {
    console.error('  parser threw:', (err as Error).message);
    return null;
  }
}

// ---------------------------------------------------------------- sisimai
type ExpRow = { index: number; status: string; replycode: string; reason: string; hardbounce: boolean };
type P5Row = { recipient: string };

function scoreSisimai(): void {
  const dir = join(CORPORA, 'sisimai');
  const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Record<
    string,
    ExpRow[]
  >;
  const p5 = JSON.parse(readFileSync(join(dir, 'p5-sisimai-v5.1-output.eml.json'), 'utf8')) as Record<
    string,
    P5Row[]
  >;
  const files = Object.keys(expectations)
    .filter((f) => inSplit('sisimai', `eml/${f}`))
    .sort();

  let detectN = 0;
  let detectOk = 0;
  let vacN = 0;
  let vacOk = 0;
  let rows = 0;
  let reasonOk = 0;
  let firstN = 0;
  let firstOk = 0;
  let statusN = 0;
  let statusOk = 0;
  let statusSkipped = 0;
  let replyN = 0;
  let replyOk = 0;
  let rcptN = 0;
  let rcptOk = 0;
  let permN = 0;
  let permOk = 0;
  const confusion = new Map<string, number>();
  const perReason = new Map<string, { n: number; ok: number }>();
  const misses: string[] = [];

  for (const f of files) {
    const expected = expectations[f] ?? [];
    const raw = readFileSync(join(dir, 'eml', f));
    const got = safeParse(raw);
    const isVacation = expected.every((r) => r.reason === 'vacation');
    if (isVacation) {
      vacN++;
      if (!got) vacOk++;
      else misses.push(`${f}: vacation, got ${got[0]?.reason}`);
      continue;
    }
    detectN++;
    if (got) detectOk++;
    else misses.push(`${f}: not detected`);
    const p5rows = p5[f] ?? [];
    for (const row of expected) {
      const ours = got?.[row.index - 1];
      rows++;
      const pr = perReason.get(row.reason) ?? { n: 0, ok: 0 };
      pr.n++;
      if (ours?.reason === row.reason) {
        reasonOk++;
        pr.ok++;
      } else {
        const key = `${row.reason} → ${ours?.reason ?? '(none)'}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
        if (got) misses.push(`${f}#${row.index}: ${key}  [${(ours?.diagnostic ?? '').slice(0, 140)}]`);
      }
      perReason.set(row.reason, pr);
      if (row.index === 1) {
        firstN++;
        if (got?.[0]?.reason === row.reason) firstOk++;
      }
      if (row.status && !/^[245]\.0\.9\d\d$/.test(row.status)) {
        statusN++;
        if (ours?.status === row.status) statusOk++;
        else if (verbose && got) misses.push(`${f}#${row.index}: status ${row.status} → ${ours?.status}`);
      } else if (row.status) statusSkipped++;
      if (row.replycode) {
        replyN++;
        if (ours?.replyCode === row.replycode) replyOk++;
      }
      if (!['feedback', 'delivered'].includes(row.reason)) {
        permN++;
        if (ours && ours.permanent === row.hardbounce) permOk++;
      }
      const want = p5rows[row.index - 1]?.recipient;
      if (want) {
        rcptN++;
        if (ours?.recipient?.toLowerCase() === want.toLowerCase()) rcptOk++;
        else if (verbose && got) misses.push(`${f}#${row.index}: recipient ${want} → ${ours?.recipient}`);
      }
    }
  }

  // False positives: sisimai's not-bounce samples (is-not-bounce-*) must give null.
  let fpN = 0;
  let fpOk = 0;
  for (const f of ['is-not-bounce-01.eml', 'is-not-bounce-02.eml']) {
    try {
      const raw = readFileSync(join(dir, 'not-bounce', f));
      fpN++;
      if (!safeParse(raw)) fpOk++;
    } catch {
      // absent sample: nothing to score
    }
  }

  // Throughput over the whole sisimai set (every split), one core, several passes.
  const all = Object.keys(expectations).map((f) => readFileSync(join(dir, 'eml', f)));
  for (const raw of all) safeParse(raw);
  const passes = 5;
  const t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (const raw of all) safeParse(raw);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;

  console.log(`\n=== sisimai (${split}) — ${files.length} files, ${rows} recipient rows ===`);
  console.log(line('detection (bounce/DSN/ARF files)', detectOk, detectN));
  console.log(line('auto-replies ignored (vacation)', vacOk, vacN));
  console.log(line('not-bounce samples ignored', fpOk, fpN));
  console.log(line('reason accuracy (all rows)', reasonOk, rows));
  console.log(line('reason accuracy (first row)', firstOk, firstN));
  console.log(
    line('status accuracy (real codes)', statusOk, statusN),
    ` [${statusSkipped} pseudo-code rows excluded]`,
  );
  console.log(line('reply-code accuracy', replyOk, replyN));
  console.log(line('recipient accuracy (vs p5 output)', rcptOk, rcptN));
  console.log(line('permanent (hardbounce) accuracy', permOk, permN));
  console.log(
    `  throughput: ${((all.length * passes) / secs).toFixed(0)} messages/s (one core, ${all.length} files × ${passes})`,
  );

  console.log('\n  worst confusions (expected → got):');
  for (const [k, v] of [...confusion.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`    ${String(v).padStart(3)}  ${k}`);
  }
  console.log('\n  per-reason accuracy (worst first):');
  const pr = [...perReason.entries()].sort((a, b) => a[1].ok / a[1].n - b[1].ok / b[1].n || b[1].n - a[1].n);
  for (const [k, v] of pr.slice(0, 12)) console.log(`    ${k.padEnd(16)} ${pct(v.ok, v.n)} (${v.ok}/${v.n})`);
  if (verbose) {
    console.log('\n  misses:');
    for (const m of misses) console.log(`    ${m}`);
  }
}

// ------------------------------------------------------ Mail::DeliveryStatus::BounceParser
type MdsCase = { file: string; is_bounce: string; std_reason?: string; addresses?: string[] };

/** Our sisimai reason → that library's coarse std_reason. */
function coarseReason(reason: string): string {
  switch (reason) {
    case 'userunknown':
    case 'hasmoved':
      return 'user_unknown';
    case 'suspend':
      return 'user_disabled';
    case 'mailboxfull':
    case 'exceedlimit':
      return 'over_quota';
    case 'hostunknown':
    case 'notaccept':
    case 'norelaying':
      return 'domain_error';
    case 'mesgtoobig':
      return 'message_too_large';
    case 'spamdetected':
    case 'blocked':
    case 'filtered':
    case 'policyviolation':
    case 'badreputation':
    case 'contenterror':
    case 'virusdetected':
    case 'authfailure':
    case 'rejected':
    case 'securityerror':
    case 'requireptr':
      return 'spam';
    default:
      return 'unknown';
  }
}

function scoreMdsbp(): void {
  const dir = join(CORPORA, 'Mail-DeliveryStatus-BounceParser');
  const data = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as { cases: MdsCase[] };
  let n = 0;
  let ok = 0;
  let rn = 0;
  let rok = 0;
  let an = 0;
  let aok = 0;
  const misses: string[] = [];
  const seen = new Set<string>();
  for (const c of data.cases) {
    if (c.file.includes('$') || seen.has(c.file) || !inSplit('Mail-DeliveryStatus-BounceParser', c.file))
      continue;
    seen.add(c.file);
    let raw: Buffer;
    try {
      raw = readFileSync(join(dir, c.file));
    } catch {
      continue;
    }
    const got = safeParse(raw);
    const want = c.is_bounce === '1';
    n++;
    if (!!got === want) ok++;
    else misses.push(`${c.file}: is_bounce ${c.is_bounce}, got ${got ? got[0]?.reason : 'null'}`);
    if (want && c.std_reason) {
      rn++;
      const ours = coarseReason(got?.[0]?.reason ?? '');
      if (ours === c.std_reason) rok++;
      else misses.push(`${c.file}: std_reason ${c.std_reason}, got ${ours} (${got?.[0]?.reason})`);
    }
    if (want && c.addresses && c.addresses.length > 0) {
      an++;
      const ours = new Set((got ?? []).map((g) => g.recipient?.toLowerCase()));
      if (c.addresses.every((a) => ours.has(a.toLowerCase()))) aok++;
    }
  }
  console.log(`\n=== Mail::DeliveryStatus::BounceParser (${split}) — ${n} files ===`);
  console.log(line('is_bounce agreement', ok, n));
  console.log(line('std_reason (coarse) agreement', rok, rn));
  console.log(line('addresses found', aok, an));
  if (verbose) for (const m of misses) console.log(`    ${m}`);
}

// ------------------------------------------------------------------ flufl.bounce
type FluflCase = { file: string; expected_addresses: string[]; failure_type: string };

function scoreFlufl(): void {
  const dir = join(CORPORA, 'flufl.bounce');
  const data = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as
    | FluflCase[]
    | { cases: FluflCase[] };
  const cases = Array.isArray(data) ? data : data.cases;
  const want = new Map<string, Set<string>>();
  for (const c of cases) {
    if (!inSplit('flufl.bounce', c.file)) continue;
    const s = want.get(c.file) ?? new Set<string>();
    for (const a of c.expected_addresses) s.add(a.toLowerCase());
    want.set(c.file, s);
  }
  let n = 0;
  let det = 0;
  let ok = 0;
  let anyOk = 0;
  const misses: string[] = [];
  for (const [file, addrs] of want) {
    if (addrs.size === 0) continue;
    let raw: Buffer;
    try {
      raw = readFileSync(join(dir, file));
    } catch {
      continue;
    }
    const got = safeParse(raw);
    n++;
    if (got) det++;
    const ours = new Set((got ?? []).map((g) => g.recipient?.toLowerCase()));
    if ([...addrs].every((a) => ours.has(a))) ok++;
    else misses.push(`${file}: want ${[...addrs].join(',')} got ${[...ours].join(',')}`);
    if ([...addrs].some((a) => ours.has(a))) anyOk++;
  }
  console.log(`\n=== flufl.bounce (${split}) — ${n} files with expected addresses ===`);
  console.log(line('detected as bounce', det, n));
  console.log(line('all expected recipients found', ok, n));
  console.log(line('at least one recipient found', anyOk, n));
  if (verbose) for (const m of misses) console.log(`    ${m}`);
}

scoreSisimai();
scoreMdsbp();
scoreFlufl();
console.log('');
process.exitCode = 0;
