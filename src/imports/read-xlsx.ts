import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.ts';
import {
  checkColumns,
  fileError,
  megabytes,
  type SheetLimits,
  SheetRows,
  tooManyRows,
} from './sheet-rows.ts';
import { DamagedZip, unpack, type ZipPart, zipParts, zipStream } from './xlsx-zip.ts';

/** One row of sheet XML; a longer one (thousands of long cells) is refused before it is parsed. */
const maxRowXmlBytes = 4 * 1024 * 1024;

const emptySharedStrings = Buffer.from(
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/**
 * Read the first worksheet with data of an XLSX. The zip's directory says
 * what each part unpacks to; before exceljs sees anything, the parts it needs
 * are unpacked once and counted (a part bigger than declared, or all of them
 * bigger than `maxUnpackedBytes`, is refused) and the sheet's rows are
 * counted and sized cheaply, so a million-row sheet is refused in the time
 * it takes to unpack 50,000 rows, not to parse a million. Then exceljs's
 * streaming reader parses the rows, each checked as it comes, from a zip of
 * only those parts, shared strings first (it never has to park a sheet in a
 * temporary file waiting for them).
 */
export async function readXlsx(bytes: Buffer, limits: SheetLimits): Promise<SheetRows> {
  try {
    return await read(bytes, limits);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError(`the workbook could not be read: ${(e as Error).message}`);
  }
}

async function read(bytes: Buffer, limits: SheetLimits): Promise<SheetRows> {
  const parts = zipParts(bytes);
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  const book = parts.get('xl/workbook.xml');
  if (!rels || !book) throw new DamagedZip('it has no xl/workbook.xml');
  const strings = parts.get('xl/sharedStrings.xml');
  const styles = parts.get('xl/styles.xml');
  const support = [rels, book, ...(styles ? [styles] : []), ...(strings ? [strings] : [])];
  // Shared strings are kept in memory while the sheet is read: they get a budget of their own.
  if (strings && strings.size > 2 * limits.maxBytes)
    throw fileError(`its shared text unpacks to more than ${megabytes(2 * limits.maxBytes)}; split the file`);
  let unpacked = 0;
  const spend = (part: ZipPart) => {
    unpacked += part.size;
    if (unpacked > limits.maxUnpackedBytes)
      throw fileError(`it unpacks to more than ${megabytes(limits.maxUnpackedBytes)}; split the file`);
  };
  for (const p of support) spend(p);
  for (const p of support) for await (const _ of unpack(p));
  const sheets = [...parts.values()]
    .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name))
    .sort((a, b) => sheetNumber(a) - sheetNumber(b));
  let sheet: ZipPart | undefined;
  for (const s of sheets) {
    spend(s);
    if (await rowsWithValues(s, limits)) {
      sheet = s;
      break;
    }
  }
  const rows = new SheetRows(limits);
  if (!sheet) return rows;
  const source = zipStream([
    ...support.filter((p) => p !== strings),
    strings ?? {
      name: 'xl/sharedStrings.xml',
      method: 0,
      packed: emptySharedStrings,
      size: emptySharedStrings.length,
    },
    sheet,
  ]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache', // a date is a number with a date format: the styles tell which
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader)
      for await (const row of worksheet) {
        // Before any cell is touched: exceljs sizes the row by its rightmost cell.
        checkColumns(row.cellCount, row.number, limits);
        const values: string[] = new Array(row.cellCount);
        for (let c = 1; c <= row.cellCount; c++) values[c - 1] = cellText(row.getCell(c).value);
        rows.add(values, row.number);
      }
  } finally {
    source.destroy();
  }
  return rows;
}

const sheetNumber = (p: ZipPart) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p.name)![1]);

/**
 * Unpack a sheet and count its rows that hold a value (`<v>`, or `<is>` for
 * inline text), without parsing the XML: refused as soon as there are more
 * than the limit allows (header included) or a row is bigger than
 * `maxRowXmlBytes`. Returns how many were counted (0: an empty sheet).
 */
async function rowsWithValues(sheet: ZipPart, limits: SheetLimits): Promise<number> {
  let counted = 0;
  let inRow = false;
  let hasValue = false;
  let rowBytes = 0;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of unpack(sheet)) {
    const buf: Buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let at = 0;
    carry = Buffer.alloc(0);
    while (at < buf.length) {
      if (!inRow) {
        const start = rowStart(buf, at);
        if (start < 0) {
          carry = buf.subarray(Math.max(at, buf.length - 5));
          break;
        }
        const openEnd = buf.indexOf('>', start);
        if (openEnd < 0) {
          carry = buf.subarray(start);
          if (carry.length > maxRowXmlBytes) throw rowTooBig(counted);
          break;
        }
        at = openEnd + 1;
        if (buf[openEnd - 1] === 0x2f) continue; // <row …/>: no cells
        inRow = true;
        hasValue = false;
        rowBytes = 0;
      } else {
        const end = buf.indexOf('</row>', at);
        // Without the end, the last bytes wait for the next chunk: a marker may straddle the two.
        const stop = end < 0 ? Math.max(at, buf.length - 5) : end;
        const inner = buf.subarray(at, stop);
        hasValue ||= inner.includes('<v>') || inner.includes('<is>');
        rowBytes += stop - at;
        if (rowBytes > maxRowXmlBytes) throw rowTooBig(counted);
        if (end < 0) {
          carry = buf.subarray(stop);
          break;
        }
        inRow = false;
        if (hasValue && ++counted > limits.maxRows + 1) throw tooManyRows(limits);
        at = end + 6;
      }
    }
  }
  return counted;
}

/** Where `<row` starts an element (not `<rowBreaks>`), from `at`; -1: none. */
function rowStart(buf: Buffer, at: number): number {
  for (let i = buf.indexOf('<row', at); i >= 0; i = buf.indexOf('<row', i + 4)) {
    const next = buf[i + 4];
    if (next === undefined) return -1; // cut at the chunk's end: decided with the next chunk
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
      return i;
  }
  return -1;
}

const rowTooBig = (counted: number) =>
  fileError(`a row larger than ${megabytes(maxRowXmlBytes)} (after row ${counted}); split the file`);

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
