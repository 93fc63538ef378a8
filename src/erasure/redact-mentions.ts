import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { inboundMessageChunks, inboundMessages } from '../db/schema.ts';

/** What an erased address becomes where someone else's row mentioned it. */
export const erasedMark = '[erased]';

/**
 * Tables whose rows are the org's people and settings, not anyone's
 * correspondence: an address there is a user's own (a user who is also a
 * lead is still a user), or already handled (the suppression list keeps its
 * hash, the erasure record never held the address).
 */
const notSwept = new Set([
  'orgs',
  'users',
  'invitations',
  'api_keys',
  'sessions',
  'password_resets',
  'suppressions',
  'erasures',
]);

/**
 * After a person's own rows are gone, the address may still sit in other
 * people's rows: a colleague's reply saying "talk to sarah@…", another lead's
 * timeline, a notification listing what an EmailCC created, a notification
 * email in the sandbox. Every text and jsonb column of every table scoped by
 * org is searched (read from the catalogue, so a table added later is
 * covered too) and the address replaced, whatever its case; raw inbound mail
 * is base64, so it is decoded, redacted and stored again. Returns how many
 * rows changed per table.
 */
export async function redactMentions(
  tx: Db,
  orgId: string,
  address: string,
): Promise<Record<string, number>> {
  const redacted: Record<string, number> = {};
  const count = (table: string, n: number) => {
    if (n) redacted[table] = (redacted[table] ?? 0) + n;
  };
  count('inbound_messages', await redactRawMail(tx, orgId, address));

  const columns = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
    tx,
    sql`SELECT c.table_name, c.column_name, c.data_type
          FROM information_schema.columns c
         WHERE c.table_schema = current_schema()
           AND c.data_type IN ('text', 'jsonb', 'character varying')
           AND EXISTS (SELECT 1 FROM information_schema.columns o
                        WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name
                          AND o.column_name = 'org_id')
         ORDER BY c.table_name, c.column_name`,
  );
  const pattern = address.replace(/[\\.^$*+?()[\]{}|]/g, '\\$&');
  for (const c of columns) {
    if (notSwept.has(c.table_name)) continue;
    // Raw mail is base64 (redacted above): the address never shows in it as text.
    if (c.table_name === 'inbound_messages' && c.column_name === 'raw') continue;
    const table = sql.identifier(c.table_name);
    const column = sql.identifier(c.column_name);
    const replaced =
      c.data_type === 'jsonb'
        ? sql`regexp_replace(${column}::text, ${pattern}, ${erasedMark}, 'gi')::jsonb`
        : sql`regexp_replace(${column}, ${pattern}, ${erasedMark}, 'gi')`;
    const rows = await queryRows<{ one: number }>(
      tx,
      sql`UPDATE ${table} SET ${column} = ${replaced}
           WHERE org_id = ${orgId}::uuid AND strpos(lower(${column}::text), ${address}) > 0
         RETURNING 1 AS one`,
    );
    count(c.table_name, rows.length);
  }
  return redacted;
}

/**
 * Raw mail of others holding the address (its own mail is already gone): the
 * head kept in the row and each later slice are decoded, the address
 * replaced byte for byte (latin1 keeps every other byte as it was), and
 * stored again. A slice is decoded on its own when read, so its length may
 * change.
 */
async function redactRawMail(tx: Db, orgId: string, address: string): Promise<number> {
  const hits = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM ${inboundMessages}
         WHERE org_id = ${orgId}::uuid
           AND (strpos(lower(encode(decode(raw, 'base64'), 'escape')), ${address}) > 0
                OR EXISTS (SELECT 1 FROM ${inboundMessageChunks} ch WHERE ch.message_id = ${inboundMessages.id}
                   AND strpos(lower(encode(decode(ch.data, 'base64'), 'escape')), ${address}) > 0))`,
  );
  const redact = (bytes: Buffer) =>
    Buffer.from(replaceIgnoringCase(bytes.toString('latin1'), address), 'latin1');
  for (const { id } of hits) {
    const [row] = await tx
      .select({ raw: inboundMessages.raw })
      .from(inboundMessages)
      .where(eq(inboundMessages.id, id));
    if (row)
      await tx
        .update(inboundMessages)
        .set({ raw: redact(row.raw) })
        .where(eq(inboundMessages.id, id));
    const slices = await tx
      .select({ seq: inboundMessageChunks.seq, data: inboundMessageChunks.data })
      .from(inboundMessageChunks)
      .where(eq(inboundMessageChunks.messageId, id));
    for (const s of slices)
      await tx
        .update(inboundMessageChunks)
        .set({ data: redact(Buffer.from(s.data, 'base64')).toString('base64') })
        .where(and(eq(inboundMessageChunks.messageId, id), eq(inboundMessageChunks.seq, s.seq)));
  }
  return hits.length;
}

/**
 * Every occurrence of `needle` (lower-case) in `text`, in any case, replaced
 * by the erased mark. Lower-casing a latin1 string keeps its length, so the
 * positions found in the lower-cased copy are the original's.
 */
function replaceIgnoringCase(text: string, needle: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    out += text.slice(from, at) + erasedMark;
    from = at + needle.length;
  }
  return out + text.slice(from);
}
