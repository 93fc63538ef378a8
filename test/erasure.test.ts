import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { erasures, leads, messages, suppressions } from '../src/db/schema.ts';
import { addressHash } from '../src/suppression/suppression.ts';
import { replyTo } from './helpers/mail-builders.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { addMember, startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Lead = { id: string; email: string; state: string; subState: string | null };
type Err = { error: { code: string; message: string; field?: string } };
type Export = { email: string; records: Record<string, Record<string, unknown>[]> };
type Row = { row: number; status: string; errorCode: string | null; error: string | null };

// Every reply goes to review (threshold 1): the person's reply leaves a review item and, once decided,
// a correction, as well as the lead's state change and the owner's notification.
let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture({ REVIEW_CONFIDENCE_THRESHOLD: '1' });
});
afterAll(async () => n?.close());

// A local part in mixed case: the address is stored so (RFC 5321), searched for in both forms.
const typed = 'Robin.Erase@Example.com';
const stored = 'Robin.Erase@example.com';

async function upload(csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'leads.csv');
  const res = await fetch(`${n.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${n.org.apiKey}` },
    body: form,
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; suggestedMapping: Record<string, string> };
  const start = await n.api('POST', `/api/v1/imports/${body.id}/start`, {
    mapping: body.suggestedMapping,
    source: 'event',
  });
  expect(start.status, JSON.stringify(start.body)).toBe(202);
  await waitFor(async () => {
    const r = await n.api<{ status: string }>('GET', `/api/v1/imports/${body.id}`);
    return r.body.status === 'done';
  }, 'the import done');
  return (await n.api<{ items: Row[] }>('GET', `/api/v1/imports/${body.id}/rows`)).body.items;
}

/** Every table of the database with its primary key columns (from the catalogue: tables added later count too). */
async function tables() {
  const rows = await queryRows<{ table_name: string; column_name: string | null }>(
    n.ctx.db,
    sql`SELECT t.table_name, k.column_name
          FROM information_schema.tables t
          LEFT JOIN information_schema.table_constraints c
            ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'
          LEFT JOIN information_schema.key_column_usage k
            ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
         WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         ORDER BY t.table_name, k.ordinal_position`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const cols = out.get(r.table_name) ?? [];
    if (r.column_name) cols.push(r.column_name);
    out.set(r.table_name, cols);
  }
  return out;
}

/** Each table's rows: primary key (joined) → the whole row as text. */
async function snapshot() {
  const all = new Map<string, Map<string, string>>();
  for (const [table, keys] of await tables()) {
    const key = keys.length
      ? sql.raw(keys.map((k) => `coalesce(t."${k}"::text, '')`).join(` || '|' || `))
      : sql.raw('t::text');
    const rows = await queryRows<{ key: string; row: string }>(
      n.ctx.db,
      sql`SELECT ${key} AS key, t::text AS row FROM ${sql.identifier(table)} t`,
    );
    all.set(table, new Map(rows.map((r) => [r.key, r.row])));
  }
  return all;
}

/**
 * Where the address shows in any row of any table, as text, in any case (the address as stored, its
 * lower-cased form, and as typed in a file); raw mail (base64) decoded first.
 */
async function rowsHolding(address: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of (await tables()).keys()) {
    const rows = await queryRows<{ row: string }>(
      n.ctx.db,
      sql`SELECT t::text AS row FROM ${sql.identifier(table)} t
           WHERE strpos(t::text, ${address}) > 0 OR strpos(lower(t::text), ${address.toLowerCase()}) > 0`,
    );
    for (const r of rows) found.push(`${table}: ${r.row.slice(0, 200)}`);
  }
  // Raw mail is stored as base64: decoded, it must not hold the address either.
  for (const [table, column] of [
    ['inbound_messages', 'raw'],
    ['inbound_message_chunks', 'data'],
  ] as const) {
    const rows = await queryRows<{ hit: number }>(
      n.ctx.db,
      sql`SELECT 1 AS hit FROM ${sql.identifier(table)}
           WHERE strpos(lower(encode(decode(${sql.identifier(column)}, 'base64'), 'escape')), ${address.toLowerCase()}) > 0`,
    );
    if (rows.length) found.push(`${table}.${column}: ${rows.length} rows`);
  }
  return found;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('erasing a person (SPEC §12, issue 11 point 4)', () => {
  let lead: Lead;
  let bystander: Lead;
  let exported: Export;
  let before: Map<string, Map<string, string>>;

  it('a person with a history: imported, emailed, replied, reviewed, corrected, notified about', async () => {
    const rows = await upload(`email,first name,company\n${typed},Robin,Erase Ltd\n`);
    expect(rows[0]!.status).toBe('added');
    lead = (await n.api<{ items: Lead[] }>('GET', '/api/v1/leads?q=Robin.Erase')).body.items[0]!;
    expect(lead.email).toBe(stored);
    const [mail] = await sentEmails(n, lead.id);
    // They opened it: a tracking row of theirs.
    const source = (await n.api<{ raw: string }>('GET', `/api/v1/sandbox/messages/${mail!.id}`)).body.raw;
    const pixel = /\/t\/o\/[A-Za-z0-9_.-]+\.gif/.exec(source.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![0];
    const opened = await fetch(`${n.url}${pixel}`, {
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Thunderbird/128.0' },
    });
    expect(opened.status).toBe(200);
    const raw = await replyTo(
      { messageId: mail!.messageId, subject: mail!.subject, fromAddress: /<([^>]+)>/.exec(mail!.from)![1]! },
      stored,
      'Thursday at 3 works for me. Robin',
    );
    const r = await fetch(`${n.url}/api/v1/inbound/raw`, {
      method: 'POST',
      headers: { 'x-nurture-inbound-secret': n.org.inboundSecret, 'content-type': 'message/rfc822' },
      body: raw,
    });
    expect(r.status).toBe(202);
    const item = await waitFor(async () => {
      const items = (await n.api<{ items: { id: string; leadId: string }[] }>('GET', '/api/v1/review-items'))
        .body.items;
      return items.find((i) => i.leadId === lead.id);
    }, 'the reply in review');
    const resolved = await n.api<{ lead: Lead }>('POST', `/api/v1/review-items/${item.id}/resolve`, {
      intent: 'meeting',
    });
    expect(resolved.body.lead.state).toBe('hot');
    // Someone else's lead whose notes mention the person: that is not theirs, but the address goes.
    bystander = (
      await n.api<Lead>('POST', '/api/v1/leads', {
        email: 'sam.stays@example.com',
        source: 'event',
        context: `Works with ${typed} on the pilot`,
      })
    ).body;
    await waitFor(async () => {
      const rows = await queryRows<{ c: number }>(
        n.ctx.db,
        sql`SELECT count(*)::int AS c FROM notifications WHERE lead_id = ${lead.id}::uuid`,
      );
      return rows[0]!.c > 0;
    }, 'the owner told the lead is hot');
  });

  it('the export holds everything Nurture has about them, as a download', async () => {
    const res = await fetch(`${n.url}/api/v1/leads/${lead.id}/export`, {
      headers: { authorization: `Bearer ${n.org.apiKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="person-.*\.json"/);
    exported = (await res.json()) as Export;
    const r = exported.records;
    expect(exported.email).toBe(stored.toLowerCase());
    expect(r.leads!.map((l) => l.id)).toEqual([lead.id]);
    expect(r.messages!.length).toBeGreaterThan(0);
    expect(r.timeline_events!.length).toBeGreaterThan(3);
    expect(r.inbound_messages).toHaveLength(1);
    expect((r.inbound_messages![0]!.raw as { data: string }).data).toContain('Thursday at 3 works');
    expect(r.review_items).toHaveLength(1);
    expect(r.classification_corrections).toHaveLength(1);
    expect(r.notifications!.length).toBeGreaterThan(0);
    expect(r.sandbox_messages!.length).toBeGreaterThan(0);
    expect(r.lead_import_rows).toHaveLength(1);
    expect(r.message_opens).toHaveLength(1);
    // Not someone else's.
    expect(JSON.stringify(exported)).not.toContain('sam.stays@example.com');
  });

  it('erasure: the lead is gone (404), every row of theirs went, and the export held each one', async () => {
    // The search that must find nothing afterwards finds the person now, in their rows and raw mail.
    const holding = await rowsHolding(stored);
    for (const table of ['leads', 'timeline_events', 'notifications', 'sandbox_messages', 'lead_import_rows'])
      expect(
        holding.some((h) => h.startsWith(`${table}:`)),
        table,
      ).toBe(true);
    expect(holding.some((h) => h.startsWith('inbound_messages.raw'))).toBe(true);
    before = await snapshot();
    const started = performance.now();
    const erased = await n.api<{ erased: boolean; emailHash: string; removed: Record<string, number> }>(
      'POST',
      `/api/v1/leads/${lead.id}/erase`,
    );
    console.log(
      `erasure: ${Math.round(performance.now() - started)} ms, removed ${JSON.stringify(erased.body.removed)}`,
    );
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body.erased).toBe(true);
    expect(erased.body.emailHash).toBe(addressHash(n.org.orgId, stored));
    expect((await n.api('GET', `/api/v1/leads/${lead.id}`)).status).toBe(404);
    expect((await n.api('POST', `/api/v1/leads/${lead.id}/erase`)).status).toBe(404);

    const after = await snapshot();
    const missing: string[] = [];
    let removedRows = 0;
    const pk = await tables();
    for (const [table, rows] of before) {
      const still = after.get(table)!;
      for (const key of rows.keys()) {
        if (still.has(key)) continue;
        removedRows++;
        const inExport = exported.records[table]?.some(
          (rec) =>
            pk
              .get(table)!
              .map((c) => String(rec[camel(c)] ?? ''))
              .join('|') === key,
        );
        if (!inExport) missing.push(`${table} ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(removedRows).toBeGreaterThan(10);
    // The bystander is still there, the mention of the person redacted.
    const [sam] = await n.ctx.db.select().from(leads).where(eq(leads.id, bystander.id));
    expect(sam!.context).toBe('Works with [erased] on the pilot');
  });

  it('no row of any table holds the address in clear text (raw mail decoded too)', async () => {
    const found = await rowsHolding(stored);
    expect(found).toEqual([]);
    // What stays: the hash on the suppression list, and the org's record of the erasure.
    const [entry] = await n.ctx.db
      .select()
      .from(suppressions)
      .where(eq(suppressions.emailHash, addressHash(n.org.orgId, stored)));
    expect(entry).toMatchObject({ email: null, leadId: null, reason: 'erased' });
    const [audit] = await n.ctx.db.select().from(erasures).where(eq(erasures.orgId, n.org.orgId));
    expect(audit).toMatchObject({ erasedBy: n.org.userId, emailHash: entry!.emailHash });
    const listed = await n.api<{ items: { emailHash: string; removed: Record<string, number> }[] }>(
      'GET',
      '/api/v1/erasures',
    );
    expect(listed.body.items[0]).toMatchObject({ emailHash: entry!.emailHash });
    expect(listed.body.items[0]!.removed.leads).toBe(1);
  });

  it('the address cannot come back: adding it is refused with the reason, an import row says suppressed', async () => {
    for (const email of [typed, stored.toLowerCase(), `  ${stored.toUpperCase()} `]) {
      const again = await n.api<Err>('POST', '/api/v1/leads', { email, source: 'event' });
      expect(again.status, email).toBe(422);
      expect(again.body.error).toMatchObject({ code: 'REFUSED', field: 'email' });
      expect(again.body.error.message).toMatch(/erased on request.*suppression list/);
    }
    const rows = await upload(`email,first name\n${typed},Robin\nnew.person@example.com,New\n`);
    expect(rows.map((r) => r.status)).toEqual(['refused', 'added']);
    expect(rows[0]!.errorCode).toBe('REFUSED');
    expect(rows[0]!.error).toMatch(/suppression list/);
    const count = await n.ctx.db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.orgId, n.org.orgId), sql`lower(${leads.email}) = ${stored.toLowerCase()}`));
    expect(count).toEqual([]);
  });

  it('waits while an email to them is being sent: 409, nothing erased', async () => {
    const busy = (await n.api<Lead>('POST', '/api/v1/leads', { email: 'busy@example.com', source: 'event' }))
      .body;
    const [mail] = await sentEmails(n, busy.id);
    const [row] = await n.ctx.db
      .update(messages)
      .set({ status: 'sending' })
      .where(eq(messages.messageId, mail!.messageId))
      .returning();
    const refused = await n.api<Err>('POST', `/api/v1/leads/${busy.id}/erase`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/being processed right now/);
    expect((await n.api('GET', `/api/v1/leads/${busy.id}`)).status).toBe(200);
    await n.ctx.db.update(messages).set({ status: 'sent' }).where(eq(messages.id, row!.id));
    expect((await n.api('POST', `/api/v1/leads/${busy.id}/erase`)).status).toBe(200);
  });

  it('a member may erase only a person who is wholly theirs; a stranger to the lead sees nothing', async () => {
    const owner = await addMember(n.ctx.db, n.org.orgId);
    const stranger = await addMember(n.ctx.db, n.org.orgId);
    const mine = await n.api<Lead>(
      'POST',
      '/api/v1/leads',
      { email: 'kim.member@example.com', source: 'event' },
      { key: owner.key },
    );
    expect(mine.status).toBe(201);
    // Its first email gone and recorded: erasing waits while one is being sent (above).
    await sentEmails(n, mine.body.id);
    expect(
      (await n.api('POST', `/api/v1/leads/${mine.body.id}/erase`, undefined, { key: stranger.key })).status,
    ).toBe(404);
    expect(
      (await n.api('GET', `/api/v1/leads/${mine.body.id}/export`, undefined, { key: stranger.key })).status,
    ).toBe(404);
    // The same person, a lead of the admin's too (an earlier run, finished): not the member's to erase.
    const [{ id: _id, ...copy }] = (await n.ctx.db
      .select()
      .from(leads)
      .where(eq(leads.id, mine.body.id))) as [typeof leads.$inferSelect];
    const [other] = await n.ctx.db
      .insert(leads)
      .values({
        ...copy,
        ownerId: n.org.userId,
        state: 'processed',
        unsubscribeToken: `${copy.unsubscribeToken}x`,
        replyToken: `${copy.replyToken}x`,
      })
      .returning();
    const refused = await n.api<Err>('POST', `/api/v1/leads/${mine.body.id}/erase`, undefined, {
      key: owner.key,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/also a lead of another user/);
    expect((await n.api('GET', `/api/v1/leads/${other!.id}`)).status).toBe(200);
    // The admin may: both go.
    const ok = await n.api<{ removed: Record<string, number> }>(
      'POST',
      `/api/v1/leads/${mine.body.id}/erase`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.removed.leads).toBe(2);
    expect((await n.api('GET', `/api/v1/leads/${other!.id}`)).status).toBe(404);
  });
});
