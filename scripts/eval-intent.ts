/**
 * Evaluates the intent classifier on corpus/intent/*.holdout.jsonl (never used for
 * training or tuning): per-class precision/recall/F1, macro-F1, per-language
 * accuracy, confusion matrix, confidence reliability, meeting and check-in date
 * accuracy, throughput, model size.
 *
 *   ./node_modules/.bin/node scripts/eval-intent.ts [--data DIR] [--org-adaptation]
 *
 * --org-adaptation simulates orgs correcting replies: 40 replies of one
 * confusable pair, 10 fed as corrections, accuracy on the other 30 before and after.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Intent, intents } from '../src/classify/classification.ts';
import { offsetOfIso } from '../src/classify/intent/calendar.ts';
import { classifyIntent } from '../src/classify/intent/classify-intent.ts';
import { extractConnectLaterDate } from '../src/classify/intent/connect-later-date.ts';
import { type CorpusRow, readCorpus } from '../src/classify/intent/corpus.ts';
import {
  accuracyBy,
  computeMetrics,
  formatConfusion,
  formatMetrics,
} from '../src/classify/intent/eval-metrics.ts';
import { defaultModelPath, scoreIntent } from '../src/classify/intent/intent-model.ts';
import { extractMeetingProposal } from '../src/classify/intent/meeting-date.ts';
import { buildOrgAdapter, type Correction } from '../src/classify/intent/org-adapter.ts';
import { seededRandom, shuffleInPlace } from '../src/classify/intent/softmax-regression.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '..', 'corpus', 'intent') },
    'org-adaptation': { type: 'boolean', default: false },
  },
});

const corpus = readCorpus(values.data!, 'holdout');
for (const p of corpus.problems) console.warn(`skipped ${p}`);
const rows = corpus.rows;
if (rows.length === 0) {
  console.error('no hold-out rows');
  process.exit(1);
}
const refOf = (r: CorpusRow) => ({
  sentAt: new Date(r.sentAt),
  utcOffsetMinutes: offsetOfIso(r.sentAt) ?? 0,
});
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function classifyAll(list: readonly CorpusRow[], adapter?: ReturnType<typeof buildOrgAdapter>) {
  return list.map((r) => ({ row: r, result: classifyIntent(r.text, { ...refOf(r), orgAdapter: adapter }) }));
}

function mainReport(): void {
  console.log(`hold-out: ${rows.length} replies from ${corpus.files.join(', ')}\n`);
  const results = classifyAll(rows);
  const metrics = computeMetrics(results.map((x) => ({ truth: x.row.intent, predicted: x.result.intent })));
  console.log(formatMetrics(metrics));
  const modelOnly = computeMetrics(
    rows.map((r) => ({ truth: r.intent, predicted: scoreIntent(r.text).intent })),
  );
  console.log(
    `(model alone, without rules: accuracy ${modelOnly.accuracy.toFixed(4)}, macro-F1 ${modelOnly.macroF1.toFixed(4)})\n`,
  );
  console.log(formatConfusion(metrics));

  const byLang = accuracyBy(
    results,
    (x) => x.row.lang,
    (x) => x.result.intent === x.row.intent,
  );
  console.log(
    `\naccuracy by language: ${byLang.map((g) => `${g.key} ${g.accuracy.toFixed(3)} (n=${g.n})`).join(', ')}`,
  );

  const high = results.filter((x) => x.result.confidence >= 0.8);
  const low = results.filter((x) => x.result.confidence < 0.8);
  const acc = (xs: typeof results) =>
    xs.filter((x) => x.result.intent === x.row.intent).length / Math.max(1, xs.length);
  console.log(
    `reliability: confidence ≥ 0.8: ${high.length} replies (${pct(high.length / results.length)}), accuracy ${acc(high).toFixed(3)}; ` +
      `< 0.8: ${low.length}, accuracy ${acc(low).toFixed(3)}`,
  );
  const buckets = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01];
  const parts: string[] = [];
  for (let b = 0; b + 1 < buckets.length; b++) {
    const inB = results.filter(
      (x) => x.result.confidence >= buckets[b]! && x.result.confidence < buckets[b + 1]!,
    );
    if (inB.length > 0)
      parts.push(
        `[${buckets[b]}, ${Math.min(1, buckets[b + 1]!)}): ${acc(inB).toFixed(2)} (n=${inB.length})`,
      );
  }
  console.log(`  by confidence: ${parts.join('; ')}`);

  // Dates: end to end (the classifier had to say meeting/connect_later too) and with the intent given.
  const meetingRows = results.filter((x) => x.row.meeting !== null);
  const meetE2E = meetingRows.filter((x) => x.result.meeting?.date === x.row.meeting!.date);
  const meetE2ET = meetE2E.filter((x) => x.result.meeting?.time === x.row.meeting!.time);
  const meetGiven = meetingRows.map((x) =>
    extractMeetingProposal(x.row.text, refOf(x.row), x.result.language),
  );
  const meetGivenD = meetingRows.filter((x, i) => meetGiven[i]?.proposal.date === x.row.meeting!.date);
  const meetGivenDT = meetingRows.filter(
    (x, i) =>
      meetGiven[i]?.proposal.date === x.row.meeting!.date &&
      meetGiven[i]?.proposal.time === x.row.meeting!.time,
  );
  const n = Math.max(1, meetingRows.length);
  console.log(
    `\nmeeting date (n=${meetingRows.length}): date exact ${(meetGivenD.length / n).toFixed(3)}, date+time exact ${(meetGivenDT.length / n).toFixed(3)} ` +
      `(end to end, intent also right: ${(meetE2E.length / n).toFixed(3)} / ${(meetE2ET.length / n).toFixed(3)})`,
  );
  const laterRows = results.filter((x) => x.row.connectLater !== null);
  const laterGiven = laterRows.filter(
    (x) => extractConnectLaterDate(x.row.text, refOf(x.row), x.result.language)?.date === x.row.connectLater,
  );
  const laterE2E = laterRows.filter((x) => x.result.connectLaterDate === x.row.connectLater);
  const m = Math.max(1, laterRows.length);
  console.log(
    `connect-later date (n=${laterRows.length}): exact ${(laterGiven.length / m).toFixed(3)} (end to end: ${(laterE2E.length / m).toFixed(3)})`,
  );
  const noDate = results.filter((x) => x.row.intent === 'meeting' && x.row.meeting === null);
  const spurious = noDate.filter(
    (x) => extractMeetingProposal(x.row.text, refOf(x.row), x.result.language) !== null,
  );
  console.log(
    `meeting replies naming no day (n=${noDate.length}): a day extracted anyway for ${spurious.length}`,
  );

  // Throughput on one core: the whole pipeline, and the model alone.
  const time = (f: () => void) => {
    let done = 0;
    const start = performance.now();
    while (performance.now() - start < 2000) {
      f();
      done += rows.length;
    }
    return (done * 1000) / (performance.now() - start);
  };
  const full = time(() => classifyAll(rows));
  const model = time(() => {
    for (const r of rows) scoreIntent(r.text);
  });
  console.log(
    `\nthroughput (one core): classifyIntent ${full.toFixed(0)} replies/s; scoreIntent ${model.toFixed(0)} replies/s`,
  );
  console.log(`model size: ${(statSync(defaultModelPath).size / 1024).toFixed(1)} KiB (${defaultModelPath})`);
}

/** Accuracy of `test` with and without an adapter built from `corrections`; plus the effect on `others`. */
function adaptation(label: string, corrections: Correction[], test: CorpusRow[], others: CorpusRow[]): void {
  const adapter = buildOrgAdapter(corrections);
  const acc = (list: CorpusRow[], withAdapter: boolean) =>
    classifyAll(list, withAdapter ? adapter : undefined).filter((x) => x.result.intent === x.row.intent)
      .length / Math.max(1, list.length);
  console.log(`${label}`);
  console.log(
    `  ${corrections.length} corrections; test on ${test.length}: accuracy before ${acc(test, false).toFixed(3)}, after ${acc(test, true).toFixed(3)}`,
  );
  if (others.length > 0) {
    console.log(
      `  other hold-out replies (n=${others.length}): before ${acc(others, false).toFixed(3)}, after ${acc(others, true).toFixed(3)}`,
    );
  }
  const undone = buildOrgAdapter([]);
  const same = test.every(
    (r) =>
      classifyIntent(r.text, { ...refOf(r), orgAdapter: undone }).intent ===
      classifyIntent(r.text, refOf(r)).intent,
  );
  console.log(`  corrections removed → adapter is a no-op: ${same ? 'yes' : 'NO'}`);
}

/**
 * An org whose leads answer with a house phrasing the base model reads differently: "let's talk after
 * our board meeting" means *later* to them, not a meeting; ordinary meeting replies stay meetings.
 */
function houseRows(): CorpusRow[] {
  const random = seededRandom(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const greet = ['', 'Hi, ', 'Hello, ', 'Thanks for reaching out. ', 'Hi there - '];
  const talk = ["Let's talk", 'Happy to talk', 'We can set up a call', "Let's find a time", 'Glad to meet'];
  const after = [
    'after our board meeting',
    'once the board meeting is done',
    'after the board meets',
    'when our board has met',
    'after the next board meeting',
  ];
  const tail = ['.', ', not before.', '. Thanks!', ' - ping me then.', '.'];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const times = ['at 10', 'at 2pm', 'at 11:30', 'morning', 'at 3'];
  const out: CorpusRow[] = [];
  for (let i = 0; i < 20; i++) {
    const base = {
      lang: 'en' as const,
      sentAt: '2026-03-10T09:00:00+00:00',
      meeting: null,
      connectLater: null,
      file: 'sim',
    };
    out.push({
      ...base,
      id: `later-${i}`,
      intent: 'connect_later',
      text: `${pick(greet)}${pick(talk)} ${pick(after)}${pick(tail)}`,
    });
    out.push({
      ...base,
      id: `meet-${i}`,
      intent: 'meeting',
      text: `${pick(greet)}${pick(talk)} ${pick(days)} ${pick(times)}${pick(tail)}`,
    });
  }
  return out;
}

function orgAdaptationReport(): void {
  // 1. Hold-out replies of the pair the base classifier confuses most.
  const results = classifyAll(rows);
  const metrics = computeMetrics(results.map((x) => ({ truth: x.row.intent, predicted: x.result.intent })));
  let pair: [Intent, Intent] = ['connect_later', 'not_interested'];
  let worst = -1;
  for (let a = 0; a < intents.length; a++) {
    for (let b = a + 1; b < intents.length; b++) {
      const confused = metrics.confusion[a]![b]! + metrics.confusion[b]![a]!;
      if (confused > worst) {
        worst = confused;
        pair = [intents[a]!, intents[b]!];
      }
    }
  }
  const pool = rows.filter((r) => pair.includes(r.intent));
  shuffleInPlace(pool, seededRandom(11));
  const chosen = pool.slice(0, 40);
  const chosenIds = new Set(chosen.map((r) => r.id));
  adaptation(
    `hold-out pair ${pair.join(' / ')} (confused ${worst}×):`,
    chosen.slice(0, 10).map((r) => ({ text: r.text, intent: r.intent })),
    chosen.slice(10),
    rows.filter((r) => !chosenIds.has(r.id)),
  );

  // 2. A house phrasing: the org reads "let's talk after our board meeting" as connect_later.
  const house = houseRows();
  shuffleInPlace(house, seededRandom(13));
  adaptation(
    'house phrasing ("let\'s talk after our board meeting" = connect_later, vs real meeting replies):',
    house.slice(0, 10).map((r) => ({ text: r.text, intent: r.intent })),
    house.slice(10),
    rows,
  );
}

if (values['org-adaptation']) orgAdaptationReport();
else mainReport();
