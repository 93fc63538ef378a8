import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.ts';

/** A file's table: the header row's names (unique, never empty) and the data rows, as text. */
export type Sheet = { format: 'csv' | 'xlsx'; columns: string[]; rows: string[][] };

export type SheetLimits = { maxRows: number };

const fileError = (message: string) => new AppError('VALIDATION', `file: ${message}`, { field: 'file' });

/**
 * Read an uploaded lead list. CSV is what CRMs and Excel export: UTF-8 with or
 * without a BOM, or Windows-1252 from an older Excel; comma, semicolon (a
 * European Excel) or tab separated. XLSX: the first worksheet with data. The
 * first non-empty row names the columns. Anything else is refused with a
 * reason, before anything is stored.
 */
export async function readSpreadsheet(fileName: string, bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  if (!bytes.length) throw fileError('the file is empty');
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (isZip || ext === 'xlsx') {
    if (!isZip) throw fileError(`${fileName} is not an Excel workbook (.xlsx)`);
    return tidy('xlsx', await readXlsx(bytes), limits);
  }
  if (ext === 'xls') throw fileError('old Excel files (.xls) are not read: save it as .xlsx or .csv');
  if (bytes.includes(0)) throw fileError(`${fileName} is not a text (CSV) file or an Excel workbook (.xlsx)`);
  return tidy('csv', readCsv(decodeText(bytes)), limits);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else Windows-1252, which Excel writes on Windows. */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator that splits the first lines most consistently into more than one column. */
export function sniffDelimiter(text: string): string {
  const lines = text
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

function readCsv(text: string): string[][] {
  try {
    return parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (e) {
    throw fileError(`the CSV could not be read: ${(e as Error).message}`);
  }
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw fileError(`the workbook could not be read: ${(e as Error).message}`);
  }
  const sheet = book.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value));
    rows.push(values);
  });
  return rows;
}

/** What a person sees in a cell: rich text joined, a link's text, a formula's result, a date as YYYY-MM-DD. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

function tidy(format: Sheet['format'], raw: string[][], limits: SheetLimits): Sheet {
  const rows = raw.map((r) => r.map((v) => String(v ?? '').trim())).filter((r) => r.some((v) => v !== ''));
  const [header, ...data] = rows;
  if (!header) throw fileError('no rows: the first row should name the columns (e.g. Email, First name)');
  if (!data.length) throw fileError('only a header row: there are no leads in the file');
  if (data.length > limits.maxRows)
    throw fileError(
      `${data.length} rows is more than the ${limits.maxRows} one import takes; split the file`,
    );
  const width = Math.max(header.length, ...data.map((r) => r.length));
  const seen = new Map<string, number>();
  const columns = Array.from({ length: width }, (_, i) => {
    const name = header[i] || `Column ${i + 1}`;
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    return n > 1 ? `${name} (${n})` : name;
  });
  return { format, columns, rows: data.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) };
}
