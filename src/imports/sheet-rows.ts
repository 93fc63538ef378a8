import { AppError } from '../errors/app-error.ts';

/** A file's table: the header row's names (unique, never empty) and the data rows, as text. */
export type Sheet = { format: 'csv' | 'xlsx'; columns: string[]; rows: string[][] };

/**
 * What one upload may hold. Each is checked while the file is read, and
 * reading stops at the first one passed, so a hostile file costs no more
 * than a file just inside the limits.
 */
export type SheetLimits = {
  /** Data rows (the header not counted). */
  maxRows: number;
  /** Cells in one row, empty ones included. */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** The file's size; for a workbook also the text of its cells, which shared strings can repeat. */
  maxBytes: number;
  /** The parts of a workbook that are read (sheet, shared strings, styles), unpacked. */
  maxUnpackedBytes: number;
};

export const fileError = (message: string) =>
  new AppError('VALIDATION', `file: ${message}`, { field: 'file' });

export const megabytes = (bytes: number) =>
  `${Number((bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)).toLocaleString('en')} MB`;

/**
 * Rows as they are read, checked one by one: trimmed, blank rows dropped,
 * trailing empty cells dropped (rows are stored as long as they are, never
 * padded to the widest, so one wide row can't multiply the others).
 */
export class SheetRows {
  private header: string[] | undefined;
  private readonly data: string[][] = [];
  private width = 0;
  private chars = 0;

  private readonly limits: SheetLimits;

  constructor(limits: SheetLimits) {
    this.limits = limits;
  }

  /** A row as the file has it; `rowNumber` is what the user sees (1 = the file's first row). */
  add(raw: readonly unknown[], rowNumber: number): void {
    checkColumns(raw.length, rowNumber, this.limits);
    let last = -1;
    const cells: string[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const value = raw[i] == null ? '' : String(raw[i]);
      if (value.length > this.limits.maxCellChars)
        throw fileError(
          `a cell longer than ${this.limits.maxCellChars.toLocaleString('en')} characters (row ${rowNumber}, column ${i + 1}); one import takes shorter cells`,
        );
      const v = value.trim();
      cells[i] = v;
      this.chars += v.length;
      if (v !== '') last = i;
    }
    if (last < 0) return;
    if (this.chars > this.limits.maxBytes)
      throw fileError(`more than ${megabytes(this.limits.maxBytes)} of text; split the file`);
    cells.length = last + 1;
    if (!this.header) {
      this.header = cells;
    } else {
      if (this.data.length >= this.limits.maxRows) throw tooManyRows(this.limits);
      this.data.push(cells);
    }
    if (cells.length > this.width) this.width = cells.length;
  }

  /** The table, once the whole file is read. */
  sheet(format: Sheet['format']): Sheet {
    const header = this.header;
    if (!header) throw fileError('no rows: the first row should name the columns (e.g. Email, First name)');
    if (!this.data.length) throw fileError('only a header row: there are no leads in the file');
    const seen = new Map<string, number>();
    const columns = Array.from({ length: this.width }, (_, i) => {
      const name = header[i] || `Column ${i + 1}`;
      const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
      seen.set(name.toLowerCase(), n);
      return n > 1 ? `${name} (${n})` : name;
    });
    return { format, columns, rows: this.data };
  }
}

/** Also called on a row still being read, so a wide row is refused before it is whole. */
export function checkColumns(count: number, rowNumber: number, limits: SheetLimits): void {
  if (count > limits.maxColumns)
    throw fileError(
      `a row with more than ${limits.maxColumns.toLocaleString('en')} columns (row ${rowNumber}); one import takes at most ${limits.maxColumns.toLocaleString('en')}`,
    );
}

export const tooManyRows = (limits: SheetLimits) =>
  fileError(
    `more than ${limits.maxRows.toLocaleString('en')} rows: one import takes at most ${limits.maxRows.toLocaleString('en')}; split the file`,
  );
