import type { Language } from '../classification.ts';
import { languages } from '../classification.ts';

/** One written out-of-office text with the return date a careful reader would give. */
export type ReturnDateCase = {
  id: string;
  lang: Language;
  /** The message's Date header as ISO 8601 with its own offset. */
  date: string;
  /** The zone derived from the Date header (IANA name or fixed offset). */
  timeZone: string;
  expected: string | null;
  subject: string;
  text: string;
};

/**
 * Cases are kept as a pipe table, one case per line, so a hundred of them
 * stay readable and reviewable:
 * `id | lang | date | zone | expected-or-null | subject | text` ("\n" in text is a line break).
 */
export function parseCaseTable(table: string): ReturnDateCase[] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [id, lang, date, timeZone, expected, subject, ...rest] = line.split(' | ');
      const text = rest.join(' | ');
      if (!id || !lang || !date || !timeZone || !expected || subject === undefined || !text) {
        throw new Error(`malformed case line: ${line}`);
      }
      if (!(languages as readonly string[]).includes(lang)) throw new Error(`unknown language in: ${line}`);
      return {
        id,
        lang: lang as Language,
        date,
        timeZone,
        expected: expected === 'null' ? null : expected,
        subject,
        text: text.replaceAll('\\n', '\n'),
      };
    });
}
