import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { queryRows } from '../db/database.ts';
import { leadImportRows, leadImports, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { addLead } from '../leads/add-lead.ts';
import type { Ctx } from '../platform/context.ts';
import type { Mapping } from './column-mapping.ts';
import { mapRow } from './column-mapping.ts';
import type { ImportOptions } from './lead-imports.ts';

// The stored rows are read back this many at a time, never the whole file: a round holds at most 200 rows,
// each within the upload's limits (columns, cell length, and all the file's text within IMPORT_MAX_BYTES).
const rowsPerRound = 200;

/**
 * One worker round of lead imports: take the oldest started import (or go on
 * with one whose worker died: it has stopped heart-beating), add up to
 * `rowsPerRound` of its pending rows as leads — each through `addLead`, so a
 * row gets exactly the checks and timeline a lead added by hand gets — and
 * record each row's outcome. Returns how many rows were handled (0 = idle).
 */
export async function runImportsOnce(ctx: Ctx, workerId: string): Promise<number> {
  const [imp] = await queryRows<{ id: string }>(
    ctx.db,
    sql`UPDATE lead_imports SET status = 'running', claimed_by = ${workerId}, started_at = COALESCE(started_at, now())
        WHERE id = (
          SELECT i.id FROM lead_imports i
          WHERE i.status = 'queued'
             OR (i.status = 'running' AND (i.claimed_by = ${workerId} OR NOT EXISTS (
                   SELECT 1 FROM workers w WHERE w.id = i.claimed_by
                   AND w.heartbeat_at > now() - ${`${ctx.config.WORKER_HEARTBEAT_MS * 3} milliseconds`}::interval)))
          ORDER BY i.created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (!imp) return 0;
  const [row] = await ctx.db.select().from(leadImports).where(eq(leadImports.id, imp.id));
  const [user] = await ctx.db.select().from(users).where(eq(users.id, row!.userId));
  const pending = await ctx.db
    .select()
    .from(leadImportRows)
    .where(and(eq(leadImportRows.importId, imp.id), eq(leadImportRows.status, 'pending')))
    .orderBy(asc(leadImportRows.rowNumber))
    .limit(rowsPerRound);
  if (!user || !pending.length) {
    await finish(ctx, imp.id);
    return pending.length;
  }
  const actor: Actor = { orgId: row!.orgId, userId: user.id, role: user.role };
  const mapping = (row!.mapping ?? {}) as Mapping;
  const options = (row!.options ?? { source: 'import' }) as ImportOptions;
  for (const r of pending) {
    const outcome = await addRow(ctx, actor, row!, mapping, options, r.cells, r.rowNumber);
    await ctx.db
      .update(leadImportRows)
      .set(outcome)
      .where(and(eq(leadImportRows.importId, imp.id), eq(leadImportRows.rowNumber, r.rowNumber)));
  }
  await ctx.db.execute(sql`
    UPDATE lead_imports i SET
      added = (SELECT count(*) FROM lead_import_rows r WHERE r.import_id = i.id AND r.status = 'added'),
      refused = (SELECT count(*) FROM lead_import_rows r WHERE r.import_id = i.id AND r.status = 'refused')
    WHERE i.id = ${imp.id}`);
  if (pending.length < rowsPerRound) await finish(ctx, imp.id);
  return pending.length;
}

type Outcome = Pick<typeof leadImportRows.$inferInsert, 'status' | 'leadId' | 'errorCode' | 'error'>;

/** A refusal (AppError) is the row's outcome; anything else (the database gone) leaves it pending for the next round. */
async function addRow(
  ctx: Ctx,
  actor: Actor,
  imp: typeof leadImports.$inferSelect,
  mapping: Mapping,
  options: ImportOptions,
  cells: string[],
  rowNumber: number,
): Promise<Outcome> {
  const mapped = mapRow(imp.columns, cells, mapping);
  if (mapped.issues.length)
    return { status: 'refused', errorCode: 'VALIDATION', error: mapped.issues.join('; '), leadId: null };
  try {
    const lead = await addLead(ctx, actor, {
      ...mapped.lead,
      source: options.source,
      assistantId: options.assistantId ?? null,
      scheduleId: options.scheduleId ?? null,
      firstSendAt: options.firstSendAt ? new Date(options.firstSendAt) : null,
      origin: { importId: imp.id, fileName: imp.fileName, row: rowNumber },
    });
    return { status: 'added', leadId: lead.id, errorCode: null, error: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { status: 'refused', errorCode: e.code, error: e.message, leadId: null };
  }
}

async function finish(ctx: Ctx, importId: string): Promise<void> {
  await ctx.db.execute(sql`
    UPDATE lead_imports i SET status = 'done', finished_at = now(), claimed_by = NULL,
      added = (SELECT count(*) FROM lead_import_rows r WHERE r.import_id = i.id AND r.status = 'added'),
      refused = (SELECT count(*) FROM lead_import_rows r WHERE r.import_id = i.id AND r.status = 'refused')
    WHERE i.id = ${importId}
      AND NOT EXISTS (SELECT 1 FROM lead_import_rows r WHERE r.import_id = i.id AND r.status = 'pending')`);
}
