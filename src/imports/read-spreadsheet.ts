import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import { fileError, type Sheet, type SheetLimits, type SheetRows } from './sheet-rows.ts';

export type { Sheet, SheetLimits } from './sheet-rows.ts';

/**
 * Read an uploaded lead list. CSV is what CRMs and Excel export: UTF-8 with or
 * without a BOM, or Windows-1252 from an older Excel; comma, semicolon (a
 * European Excel) or tab separated. XLSX: the first worksheet with data. The
 * first non-empty row names the columns. Both are read row by row against
 * `limits`, stopping at the first one passed; anything that can't be read is
 * refused with a reason, before anything is stored.
 */
export async function readSpreadsheet(fileName: string, bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  if (!bytes.length) throw fileError('the file is empty');
  if (bytes.length > limits.maxBytes)
    throw fileError(`larger than ${limits.maxBytes} bytes (IMPORT_MAX_BYTES)`);
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (isZip || ext === 'xlsx') {
    if (!isZip) throw fileError(`${fileName} is not an Excel workbook (.xlsx)`);
    return (await readXlsx(bytes, limits)).sheet('xlsx');
  }
  if (ext === 'xls') throw fileError('old Excel files (.xls) are not read: save it as .xlsx or .csv');
  if (bytes.includes(0)) throw fileError(`${fileName} is not a text (CSV) file or an Excel workbook (.xlsx)`);
  const rows: SheetRows = readCsv(bytes, limits);
  return rows.sheet('csv');
}
