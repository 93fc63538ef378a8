/**
 * Score auto-reply detection and return-date extraction against the public
 * corpora (corpora/README.md §2) and our written cases. Usage:
 *
 *   node scripts/score-auto-replies.ts [--corpora DIR] [--verbose]
 *
 * Reports:
 * 1. detection on the labelled auto-reply files (autoreply-file-index.json plus
 *    the three MDSBP/Discourse files README §2 names), split by corpora/SPLIT.csv;
 * 2. header-cases.json (Zammad out-of-office, Allura is_autoreply);
 * 3. false positives: sisimai bounces whose reason is not vacation (the bounce
 *    parser runs first in the product, so this only shows what would leak
 *    through if it did not) and real human replies from the quote-stripping
 *    fixtures (talon, crisp, github, mail-parser-reply, discourse);
 * 4. return-date accuracy per language on the dev cases and, separately, on
 *    the held-out cases, which the extractor was never tuned against.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { zoneFromDateHeader } from '../src/classify/auto-reply/calendar.ts';
import { type AutoReplyDetection, detectAutoReply } from '../src/classify/auto-reply/detect-auto-reply.ts';
import { headersFromLines, normalizeHeaders } from '../src/classify/auto-reply/header-map.ts';
import { readHeaderSignals } from '../src/classify/auto-reply/header-signals.ts';
import { extractReturnDate } from '../src/classify/auto-reply/return-date.ts';
import type { ReturnDateCase } from '../src/classify/auto-reply/return-date-case-table.ts';
import { heldOutReturnDateCases } from '../src/classify/auto-reply/return-date-cases.ts';
import { devReturnDateCases } from '../src/classify/auto-reply/return-date-dev-cases.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const corpora = arg('corpora') ?? process.env.CORPORA_DIR ?? '/work/shared/corpora';
const verbose = process.argv.includes('--verbose');
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${n}/${d} = ${(n / d).toFixed(3)}`);

/** Our reading of each candidate file (the index itself says "verify by reading"). */
type FileLabel = {
  file: string;
  autoReply: boolean;
  kind?: 'out_of_office' | 'autoresponder';
  returnDate?: string | null;
  note: string;
};
const labelled: FileLabel[] = [
  {
    file: 'sisimai/eml/rfc3834-01.eml',
    autoReply: true,
    kind: 'out_of_office',
    returnDate: '2005-05-05',
    note: '"returning to the office on May 5th"',
  },
  {
    file: 'sisimai/eml/rfc3834-02.eml',
    autoReply: true,
    kind: 'out_of_office',
    returnDate: '2013-07-22',
    note: '"out of the office Friday" (Fri 19 Jul) → Mon',
  },
  {
    file: 'sisimai/eml/rfc3834-03.eml',
    autoReply: true,
    kind: 'out_of_office',
    returnDate: null,
    note: 'iCloud X-Apple-Action: VACATION, no date in text',
  },
  {
    file: 'sisimai/eml/rfc3834-04.eml',
    autoReply: true,
    kind: 'out_of_office',
    returnDate: '2013-08-01',
    note: '"traveling for work on July 10-31"',
  },
  {
    file: 'sisimai/eml/rfc3834-05.eml',
    autoReply: true,
    kind: 'autoresponder',
    note: 'address-change notice "zukünftig karl@hanz.de"',
  },
  {
    file: 'sisimai/unlabeled-newer/rfc3834-06.eml',
    autoReply: true,
    kind: 'autoresponder',
    note: '"inbox is no longer in use"',
  },
  {
    file: 'flufl.bounce/flufl/bounce/tests/data/bounce_01.txt',
    autoReply: false,
    note: 'non-standard bounce "Mail Error"',
  },
  {
    file: 'Mail-DeliveryStatus-BounceParser/t/corpus/aol-vacation.msg',
    autoReply: true,
    kind: 'out_of_office',
    returnDate: '2010-07-06',
    note: '"away until 05/07/2010" sent 5 Jul 2010',
  },
  {
    file: 'Mail-DeliveryStatus-BounceParser/t/corpus/no-message-collected.msg',
    autoReply: false,
    note: 'multipart/report DSN',
  },
  {
    file: 'Mail-DeliveryStatus-BounceParser/t/corpus/warning-6.msg',
    autoReply: true,
    kind: 'out_of_office',
    returnDate: '2010-01-05',
    note: 'Lotus Notes, no auto header; body says "returning 5th Jan"',
  },
  {
    file: 'Mail-DeliveryStatus-BounceParser/t/corpus/warning-5.msg',
    autoReply: false,
    note: 'Exim-style bounce "not a valid user here"',
  },
  {
    file: 'bounce_email-ruby/test/non_bounces/tt_1234211024.txt',
    autoReply: true,
    kind: 'out_of_office',
    returnDate: null,
    note: 'Latvian "Esmu atvaļinājumā"',
  },
  {
    file: 'discourse/auto_reply.eml',
    autoReply: true,
    kind: 'autoresponder',
    note: 'Auto-Submitted: auto-generated (synthetic)',
  },
  {
    file: 'Mail-DeliveryStatus-BounceParser/t/corpus/polish-autoreply.msg',
    autoReply: true,
    kind: 'autoresponder',
    note: '[Automatyczna odpowiedź], lorem body',
  },
  {
    file: 'Mail-DeliveryStatus-BounceParser/t/corpus/autoreply.msg',
    autoReply: true,
    kind: 'autoresponder',
    note: '"I will endeavour to reply as soon as possible"',
  },
  {
    file: 'discourse/auto_generated_subject.eml',
    autoReply: true,
    kind: 'autoresponder',
    note: '[AUTO GENERATED] subject only (synthetic)',
  },
];

function loadSplit(): Map<string, string> {
  const split = new Map<string, string>();
  const path = join(corpora, 'SPLIT.csv');
  if (!existsSync(path)) return split;
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [source, item, , which] = line.split(',');
    if (source && item && which) split.set(`${source}/${item}`, which.trim());
  }
  return split;
}

async function parseFile(path: string) {
  const raw = readFileSync(path);
  const mail = await simpleParser(raw);
  const dateLine = mail.headerLines.find((h) => h.key === 'date')?.line ?? '';
  return {
    input: {
      headers: headersFromLines(mail.headerLines),
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      from: mail.from?.text ?? null,
    },
    date: mail.date ?? null,
    zone: zoneFromDateHeader(dateLine) ?? '+00:00',
  };
}

async function scoreLabelledFiles(): Promise<void> {
  const split = loadSplit();
  console.log('\n== 1. Labelled auto-reply corpus files ==');
  const bySplit = new Map<string, { ok: number; kindOk: number; kinds: number; n: number }>();
  let dates = 0;
  let datesOk = 0;
  for (const label of labelled) {
    const parsed = await parseFile(join(corpora, label.file));
    const result = detectAutoReply(parsed.input);
    const which = split.get(label.file) ?? 'unlisted';
    const row = bySplit.get(which) ?? { ok: 0, kindOk: 0, kinds: 0, n: 0 };
    const ok = result.autoReply === label.autoReply;
    row.n++;
    if (ok) row.ok++;
    if (label.autoReply && label.kind) {
      row.kinds++;
      if (result.kind === label.kind) row.kindOk++;
    }
    bySplit.set(which, row);
    let dateNote = '';
    if (label.returnDate !== undefined && parsed.date) {
      const { returnDate } = extractReturnDate(
        parsed.input.text,
        parsed.input.subject,
        parsed.date,
        parsed.zone,
      );
      dates++;
      if (returnDate === label.returnDate) datesOk++;
      dateNote = ` returnDate=${returnDate}${returnDate === label.returnDate ? '' : ` (want ${label.returnDate})`}`;
    }
    const mark = ok && (!label.kind || result.kind === label.kind) ? 'ok  ' : 'FAIL';
    console.log(
      `${mark} [${which}] ${label.file}: auto=${result.autoReply} kind=${result.kind}${dateNote}  — ${label.note}`,
    );
    if (verbose || mark === 'FAIL') console.log(`       evidence: ${result.evidence.join(' | ')}`);
  }
  for (const [which, row] of bySplit) {
    console.log(`detection [${which}]: ${pct(row.ok, row.n)}; kind: ${pct(row.kindOk, row.kinds)}`);
  }
  const all = [...bySplit.values()].reduce(
    (a, r) => ({ ok: a.ok + r.ok, n: a.n + r.n, kindOk: a.kindOk + r.kindOk, kinds: a.kinds + r.kinds }),
    { ok: 0, n: 0, kindOk: 0, kinds: 0 },
  );
  console.log(
    `detection [all]: ${pct(all.ok, all.n)}; kind: ${pct(all.kindOk, all.kinds)}; return date on corpus OOO: ${pct(datesOk, dates)}`,
  );
}

function scoreHeaderCases(): void {
  console.log('\n== 2. header-cases.json ==');
  const cases = JSON.parse(readFileSync(join(corpora, 'autoreply/header-cases.json'), 'utf8')) as {
    zammad_out_of_office_cases: {
      id: string;
      headers: Record<string, string>;
      subject_prefix?: string;
      expected_out_of_office: boolean;
    }[];
    allura_is_autoreply_cases: { id: string; headers: Record<string, string>; expected_autoreply: boolean }[];
  };
  let ok = 0;
  let n = 0;
  const check = (id: string, got: boolean, want: boolean, result: AutoReplyDetection) => {
    n++;
    if (got === want) ok++;
    else console.log(`FAIL ${id}: got ${got}, want ${want} (${result.evidence.join(' | ')})`);
  };
  for (const c of cases.zammad_out_of_office_cases) {
    const result = detectAutoReply({
      headers: c.headers,
      subject: `${c.subject_prefix ?? ''}Some subject`,
      text: 'Some Text',
      from: 'someone@example.com',
    });
    check(c.id, result.autoReply && result.kind === 'out_of_office', c.expected_out_of_office, result);
  }
  for (const c of cases.allura_is_autoreply_cases) {
    const result = detectAutoReply({
      headers: c.headers,
      subject: 'Some subject',
      text: 'Some Text',
      from: 'someone@example.com',
    });
    check(c.id, result.autoReply, c.expected_autoreply, result);
  }
  console.log(`header cases: ${pct(ok, n)}`);
}

async function scoreFalsePositives(): Promise<void> {
  console.log('\n== 3. False positives ==');
  const expectations = JSON.parse(readFileSync(join(corpora, 'sisimai/expectations.json'), 'utf8')) as Record<
    string,
    { reason: string }[]
  >;
  let bounces = 0;
  let flagged = 0;
  let flaggedOoo = 0;
  let withAutoHeaders = 0;
  for (const [file, rows] of Object.entries(expectations)) {
    if (rows.some((r) => r.reason === 'vacation')) continue;
    bounces++;
    const { input } = await parseFile(join(corpora, 'sisimai/eml', file));
    const result = detectAutoReply(input);
    if (readHeaderSignals(normalizeHeaders(input.headers), input.subject).auto) withAutoHeaders++;
    if (result.autoReply) {
      flagged++;
      if (result.kind === 'out_of_office') flaggedOoo++;
      if (verbose) console.log(`  sisimai ${file}: ${result.kind} (${result.evidence.join(' | ')})`);
    }
  }
  console.log(
    `sisimai non-vacation files flagged as auto-reply: ${pct(flagged, bounces)} (as out_of_office: ${flaggedOoo})`,
  );
  console.log(
    `  (of these files, ${withAutoHeaders} carry auto-reply headers; the DSN/bounce guard keeps them out)`,
  );

  const human: {
    id: string;
    subject: string;
    text: string;
    headers: Record<string, string> | Map<string, string[]>;
    from: string | null;
  }[] = [];
  const talonDir = join(corpora, 'talon/tests/fixtures/standard_replies');
  for (const name of existsSync(talonDir) ? readdirSync(talonDir).filter((f) => f.endsWith('.eml')) : []) {
    const { input } = await parseFile(join(talonDir, name));
    human.push({ id: `talon/${name}`, ...input });
  }
  const textDirs = [
    'crisp-email-reply-parser/test/fixtures',
    'github-email_reply_parser/test/emails',
    'mail-parser-reply/test/emails',
    'discourse-email_reply_trimmer/test/emails',
  ];
  for (const dir of textDirs) {
    const full = join(corpora, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full).filter((f) => f.endsWith('.txt'))) {
      human.push({
        id: `${dir}/${name}`,
        subject: 'Re: Quick question',
        text: readFileSync(join(full, name), 'utf8'),
        headers: {},
        from: 'person@example.com',
      });
    }
  }
  let humanFlagged = 0;
  for (const h of human) {
    const result = detectAutoReply(h);
    if (result.autoReply) {
      humanFlagged++;
      console.log(`  human reply flagged: ${h.id} (${result.evidence.join(' | ')})`);
    }
  }
  console.log(
    `human replies (quote-stripping fixtures) flagged as auto-reply: ${pct(humanFlagged, human.length)}`,
  );
}

function scoreReturnDates(title: string, cases: readonly ReturnDateCase[]): void {
  const perLanguage = new Map<string, { ok: number; n: number }>();
  let ok = 0;
  for (const c of cases) {
    const { returnDate, evidence } = extractReturnDate(c.text, c.subject, new Date(c.date), c.timeZone);
    const row = perLanguage.get(c.lang) ?? { ok: 0, n: 0 };
    row.n++;
    if (returnDate === c.expected) {
      row.ok++;
      ok++;
    } else {
      console.log(`  FAIL ${c.id}: got ${returnDate}, want ${c.expected} (${evidence ?? 'no evidence'})`);
    }
    perLanguage.set(c.lang, row);
  }
  const languages = [...perLanguage.entries()].map(([lang, r]) => `${lang} ${r.ok}/${r.n}`).join(', ');
  console.log(`${title}: ${pct(ok, cases.length)}  [${languages}]`);
}

await scoreLabelledFiles();
scoreHeaderCases();
await scoreFalsePositives();
console.log('\n== 4. Return dates ==');
scoreReturnDates('dev cases (tuned on)', devReturnDateCases);
scoreReturnDates('HELD-OUT cases (never tuned on)', heldOutReturnDateCases);
