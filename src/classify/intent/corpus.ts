/**
 * Reading the labelled reply corpus (corpus/intent/*.jsonl, format in its README).
 * Lines that don't parse or don't validate are reported and skipped rather than
 * fatal: the corpus is hand-written and a half-saved line must not stop training.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Intent, intents, type Language, languages, type MeetingProposal } from '../classification.ts';

export type CorpusRow = {
  id: string;
  lang: Language;
  intent: Intent;
  text: string;
  sentAt: string;
  meeting: MeetingProposal | null;
  connectLater: string | null;
  /** File the row came from (basename). */
  file: string;
};

export type CorpusReadResult = { rows: CorpusRow[]; problems: string[] };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const hhmm = /^\d{2}:\d{2}$/;

function validate(raw: unknown): string | CorpusRow | null {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const r = raw as Record<string, unknown>;
  if (typeof r.text !== 'string' || r.text.trim() === '') return 'text missing';
  if (!intents.includes(r.intent as Intent)) return `unknown intent ${String(r.intent)}`;
  if (!languages.includes(r.lang as Language)) return `unknown lang ${String(r.lang)}`;
  if (typeof r.sentAt !== 'string' || Number.isNaN(Date.parse(r.sentAt))) return 'sentAt missing or invalid';
  let meeting: MeetingProposal | null = null;
  if (r.meeting != null) {
    const m = r.meeting as Record<string, unknown>;
    if (typeof m.date !== 'string' || !isoDate.test(m.date)) return 'meeting.date invalid';
    if (m.time != null && (typeof m.time !== 'string' || !hhmm.test(m.time))) return 'meeting.time invalid';
    meeting = { date: m.date, time: (m.time as string | null | undefined) ?? null };
  }
  let connectLater: string | null = null;
  if (r.connectLater != null) {
    if (typeof r.connectLater !== 'string' || !isoDate.test(r.connectLater)) return 'connectLater invalid';
    connectLater = r.connectLater;
  }
  return {
    id: typeof r.id === 'string' ? r.id : '',
    lang: r.lang as Language,
    intent: r.intent as Intent,
    text: r.text,
    sentAt: r.sentAt,
    meeting,
    connectLater,
    file: '',
  };
}

export function readCorpusFile(path: string, file: string): CorpusReadResult {
  const rows: CorpusRow[] = [];
  const problems: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        problems.push(`${file}:${i + 1}: not JSON`);
        return;
      }
      const row = validate(parsed);
      if (typeof row === 'string' || row === null) problems.push(`${file}:${i + 1}: ${row ?? 'invalid'}`);
      else rows.push({ ...row, id: row.id || `${file}:${i + 1}`, file });
    });
  return { rows, problems };
}

/**
 * All rows of one kind, files in name order. `train` also takes seed.jsonl (scratch
 * examples written alongside the model); hold-out files are never mixed in.
 */
export function readCorpus(dir: string, kind: 'train' | 'holdout'): CorpusReadResult & { files: string[] } {
  const suffix = `.${kind}.jsonl`;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(suffix) || (kind === 'train' && f === 'seed.jsonl'))
    .sort();
  const rows: CorpusRow[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const r = readCorpusFile(join(dir, f), f);
    rows.push(...r.rows);
    problems.push(...r.problems);
  }
  return { rows, problems, files };
}
