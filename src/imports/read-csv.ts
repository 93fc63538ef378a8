import { Parser } from 'csv-parse';
import { checkColumns, fileError, type SheetLimits, SheetRows } from './sheet-rows.ts';

/** The file is decoded and parsed this much at a time; between pieces the row being read is checked. */
const pieceBytes = 64 * 1024;

/**
 * Read a CSV as it is parsed: UTF-8 (a BOM dropped) unless a byte says it
 * isn't, then again as Windows-1252, which Excel writes on Windows; the
 * separator sniffed from the first lines. Rows are checked one by one, and
 * the row still being parsed after every piece, so a row of a million
 * columns or a cell of a million characters is refused when the limit is
 * passed, not when the row ends.
 */
export function readCsv(bytes: Buffer, limits: SheetLimits): SheetRows {
  try {
    return parseCsv(bytes, 'utf-8', limits);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    return parseCsv(bytes, 'windows-1252', limits);
  }
}

class NotUtf8 extends Error {}

function parseCsv(bytes: Buffer, encoding: 'utf-8' | 'windows-1252', limits: SheetLimits): SheetRows {
  // fatal: an invalid UTF-8 byte throws, and the file is read again as Windows-1252.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const decode = (piece?: Buffer) => {
    try {
      return piece ? decoder.decode(piece, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8();
    }
  };
  const rows = new SheetRows(limits);
  let parser: Parser | undefined;
  let records = 0;
  // Each piece is parsed as it is written (the parser's transform is synchronous); its records are
  // then taken one by one, so nothing piles up between the parser and the checks.
  const feed = (text: string, last: boolean) => {
    if (!parser) {
      parser = new Parser({
        delimiter: sniffDelimiter(text),
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
      });
      parser.on('error', () => {}); // read from `errored` below
    }
    if (last) parser.end(text);
    else parser.write(text);
    for (let record = parser.read(); record !== null; record = parser.read()) rows.add(record, ++records);
    if (parser.errored) throw fileError(`the CSV could not be read: ${parser.errored.message}`);
    // The row still being read: its cells so far and the cell it is in (bytes, at most 3 a character).
    const { record, field } = parsing(parser);
    checkColumns(record.length, records + 1, limits);
    if (field.length > limits.maxCellChars * 3)
      throw fileError(
        `a cell longer than ${limits.maxCellChars.toLocaleString('en')} characters (row ${records + 1}, column ${record.length + 1}); one import takes shorter cells`,
      );
  };
  for (let at = 0; at < bytes.length; at += pieceBytes)
    feed(decode(bytes.subarray(at, at + pieceBytes)), false);
  feed(decode(), true);
  return rows;
}

/** csv-parse keeps its parser state on the stream ("backward compatibility"), untyped. */
const parsing = (parser: Parser) =>
  (parser as unknown as { state: { record: unknown[]; field: { length: number } } }).state;

/** The separator that splits the first lines most consistently into more than one column. */
export function sniffDelimiter(text: string): string {
  const lines = text
    .slice(0, pieceBytes)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 20);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 100 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}
