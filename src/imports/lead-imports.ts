import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { importsVisibleTo } from '../access/record-access.ts';
import type { Actor } from '../accounts/actor.ts';
import { jsonRows } from '../db/bulk-params.ts';
import type { Db } from '../db/database.ts';
import { assistants, leadImportRows, leadImports, schedules } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { type Mapping, mappingProblems, mapRow, suggestMapping } from './column-mapping.ts';
import { readSpreadsheet, type SheetLimits } from './read-spreadsheet.ts';

export type ImportRow = typeof leadImports.$inferSelect;
export type ImportOptions = {
  source: string;
  assistantId?: string | null;
  scheduleId?: string | null;
  firstSendAt?: string | null;
};

const previewRows = 10;

/**
 * Upload: read the file (refused whole, storing nothing, when it can't be
 * read), store its rows, and answer with what the user needs to confirm the
 * mapping: the columns, a suggested mapping, the first rows as leads and how
 * many rows have a problem under that mapping.
 */
export async function uploadImport(ctx: Ctx, actor: Actor, file: { name: string; bytes: Buffer }) {
  const sheet = await readSpreadsheet(file.name, file.bytes, importLimits(ctx.config));
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadImports)
      .values({
        orgId: actor.orgId,
        userId: actor.userId,
        fileName: file.name.slice(0, 255),
        format: sheet.format,
        columns: sheet.columns,
        rowCount: sheet.rows.length,
      })
      .returning();
    // A thousand rows per statement, each batch one jsonb parameter.
    for (let i = 0; i < sheet.rows.length; i += 1000) {
      const chunk = sheet.rows.slice(i, i + 1000).map((cells, j) => ({ n: i + j + 1, cells }));
      await tx.execute(sql`
        INSERT INTO lead_import_rows (import_id, row_number, cells)
        SELECT ${row!.id}::uuid, n, cells FROM jsonb_to_recordset(${jsonRows(chunk)}) AS v(n integer, cells jsonb)`);
    }
    return row!;
  });
  const suggested = suggestMapping(sheet.columns, sheet.rows.slice(0, 50));
  return { ...created, suggestedMapping: suggested, ...preview(sheet.columns, sheet.rows, suggested) };
}

/** What one upload may hold (config's IMPORT_MAX_*). */
export function importLimits(config: Ctx['config']): SheetLimits {
  return {
    maxRows: config.IMPORT_MAX_ROWS,
    maxColumns: config.IMPORT_MAX_COLUMNS,
    maxCellChars: config.IMPORT_MAX_CELL_CHARS,
    maxBytes: config.IMPORT_MAX_BYTES,
    maxUnpackedBytes: config.IMPORT_MAX_UNPACKED_BYTES,
  };
}

/** The first rows as leads, and how many of all rows have a problem, under a mapping. */
export function preview(columns: string[], rows: string[][], mapping: Mapping) {
  const mapped = rows.map((r) => mapRow(columns, r, mapping));
  return {
    preview: mapped.slice(0, previewRows).map((m, i) => ({ row: i + 1, lead: m.lead, issues: m.issues })),
    rowsWithIssues: mapped.filter((m) => m.issues.length).length,
  };
}

/** One import the actor may see: admins see the org's, members their own. */
export async function getImport(db: Db, actor: Actor, id: string): Promise<ImportRow> {
  // Not a uuid: no such import (and the primary key is used, not a cast of every id).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new AppError('NOT_FOUND', `Import ${id} not found`);
  const [row] = await db
    .select()
    .from(leadImports)
    .where(and(eq(leadImports.id, id), importsVisibleTo(actor)));
  if (!row) throw new AppError('NOT_FOUND', `Import ${id} not found`);
  return row;
}

export async function listImports(db: Db, actor: Actor): Promise<ImportRow[]> {
  return db
    .select()
    .from(leadImports)
    .where(importsVisibleTo(actor))
    .orderBy(desc(leadImports.createdAt))
    .limit(100);
}

/**
 * Start adding the rows with the user's mapping and choices. Everything that
 * can be checked for the whole file is checked here (a 400 naming the
 * column or option); what only adding can tell (suppressed, duplicate) is
 * each row's outcome. The worker does the adding (imports/run-imports.ts).
 */
export async function startImport(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { mapping: Mapping; options: ImportOptions },
): Promise<ImportRow> {
  const current = await getImport(ctx.db, actor, id);
  const problems = mappingProblems(current.columns, input.mapping);
  if (problems.length)
    throw new AppError('VALIDATION', `${problems[0]!.field}: ${problems[0]!.message}`, {
      field: problems[0]!.field,
      details: { issues: problems },
    });
  const { assistantId, scheduleId } = input.options;
  if (assistantId) {
    const [a] = await ctx.db
      .select({ id: assistants.id })
      .from(assistants)
      .where(and(eq(assistants.id, assistantId), eq(assistants.orgId, actor.orgId)));
    if (!a)
      throw new AppError('VALIDATION', `assistantId: no assistant ${assistantId} in this organisation`, {
        field: 'assistantId',
      });
  }
  if (scheduleId) {
    const [s] = await ctx.db
      .select({ id: schedules.id })
      .from(schedules)
      .where(and(eq(schedules.id, scheduleId), eq(schedules.orgId, actor.orgId)));
    if (!s)
      throw new AppError('VALIDATION', `scheduleId: no schedule ${scheduleId} in this organisation`, {
        field: 'scheduleId',
      });
  }
  // Mapping unchanged since the column list was read; 'uploaded' only once.
  const [started] = await ctx.db
    .update(leadImports)
    .set({ status: 'queued', mapping: input.mapping, options: input.options })
    .where(and(eq(leadImports.id, current.id), eq(leadImports.status, 'uploaded')))
    .returning();
  if (!started) throw new AppError('CONFLICT', `Import ${id} was already started (${current.status})`);
  return started;
}

export type ImportRowReport = typeof leadImportRows.$inferSelect;

/** The per-row report, in file order, optionally one outcome only; keyset pages by row number. */
export async function importRows(
  db: Db,
  actor: Actor,
  id: string,
  opts: { status?: 'pending' | 'added' | 'refused'; after?: number; limit?: number },
): Promise<ImportRowReport[]> {
  const imp = await getImport(db, actor, id);
  const rows = await db
    .select()
    .from(leadImportRows)
    .where(
      and(
        eq(leadImportRows.importId, imp.id),
        opts.status ? eq(leadImportRows.status, opts.status) : undefined,
        sql`${leadImportRows.rowNumber} > ${opts.after ?? 0}`,
      ),
    )
    .orderBy(asc(leadImportRows.rowNumber))
    .limit(Math.min(opts.limit ?? 500, 5000));
  return rows.map((r) => ({ ...r, cells: fullWidth(r.cells, imp.columns) }));
}

/** A row is stored without its trailing empty cells (one wide row must not widen them all); shown full width. */
const fullWidth = (cells: string[], columns: string[]) =>
  cells.length >= columns.length
    ? cells
    : [...cells, ...new Array<string>(columns.length - cells.length).fill('')];

/** The report as CSV: the file's own columns, then the outcome of each row (for fixing and re-importing). */
export async function importReportCsv(db: Db, actor: Actor, id: string): Promise<string> {
  const imp = await getImport(db, actor, id);
  const rows = await db
    .select()
    .from(leadImportRows)
    .where(eq(leadImportRows.importId, imp.id))
    .orderBy(asc(leadImportRows.rowNumber));
  const cell = (v: string) =>
    /[",\r\n;]/.test(v) || /^[=+\-@]/.test(v) ? `"${csvSafe(v).replace(/"/g, '""')}"` : v;
  const lines = [[...imp.columns, 'Row', 'Outcome', 'Reason', 'Lead id'].map(cell).join(',')];
  for (const r of rows)
    lines.push(
      [...fullWidth(r.cells, imp.columns), String(r.rowNumber + 1), r.status, r.error ?? '', r.leadId ?? '']
        .map(cell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** A cell a spreadsheet would run as a formula (=, +, -, @) is opened as text. */
function csvSafe(v: string): string {
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}
