import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDoc, sample, stringLeaves, withLeaf } from './helpers/openapi-samples.ts';
import { startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Err = { error: { code: string; message: string; field?: string } };
type Operation = OpenApiDoc['paths'][string][string];

// A generic guard for every documented route, today's and tomorrow's: hostile input is a 4xx naming
// what was wrong, never a 500. PostgreSQL refuses the NUL character in text and jsonb, and an id that
// is not a uuid fails a uuid column: both used to reach the database.
let n: Awaited<ReturnType<typeof startTestNurture>>;
let doc: OpenApiDoc;
const realIds: Record<string, string> = {};
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  n = await startTestNurture();
  doc = (await (await fetch(`${n.url}/api/openapi.json`)).json()) as OpenApiDoc;
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) operations.push({ method, path, op });
  // Real ids, so a request gets as far into its route as it can.
  const lead = await n.api<{ id: string }>('POST', '/api/v1/leads', {
    email: 'sweep-lead@example.com',
    firstName: 'Sweep',
    source: 'event',
  });
  expect(lead.status).toBe(201);
  const schedules = await n.api<{ items: { id: string }[] }>('GET', '/api/v1/schedules');
  const mail = await waitFor(async () => {
    const r = await n.api<{ items: { id: string; leadId: string }[] }>('GET', '/api/v1/sandbox/messages');
    return r.body.items.find((m) => m.leadId === lead.body.id);
  }, 'the lead’s first email in the sandbox');
  Object.assign(realIds, {
    '/api/v1/leads/': lead.body.id,
    '/api/v1/schedules/': schedules.body.items[0]!.id,
    '/api/v1/assistants/': n.org.assistantId,
    '/api/v1/deliverability/dkim/': n.org.assistantId,
    '/api/v1/sandbox/messages/': mail.id,
  });
});
afterAll(async () => n?.close());

/** The route's path with its parameters filled: real ids where known, the first enum value, or `override`. */
function fill(op: Operation, path: string, override: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in override) return override[name]!;
    const p = op.parameters?.find((x) => x.in === 'path' && x.name === name);
    const enumValue = p?.schema?.enum?.[0];
    if (enumValue !== undefined) return String(enumValue);
    const known = Object.entries(realIds).find(
      ([prefix]) => path.startsWith(prefix) && path.indexOf(whole) === prefix.length,
    );
    if (known) return known[1];
    return p?.schema?.format === 'uuid' || /id$/i.test(name) ? randomUUID() : 'sweep';
  });
}

const jsonSchemaOf = (op: Operation) => op.requestBody?.content['application/json']?.schema;

const isUuid = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v);
const leafValue = (v: unknown, path: string[]) =>
  path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v);

/** The sample with each id field holding a real id of that kind (by its name), so only the varied one is unknown. */
function withRealIds(value: unknown): unknown {
  const byField: Record<string, string | undefined> = {
    assistantId: n.org.assistantId,
    scheduleId: realIds['/api/v1/schedules/'],
    defaultScheduleId: realIds['/api/v1/schedules/'],
    defaultEmailccScheduleId: realIds['/api/v1/schedules/'],
    ownerId: n.org.userId,
    userId: n.org.userId,
    leadId: realIds['/api/v1/leads/'],
    leadIds: realIds['/api/v1/leads/'],
  };
  let out = value;
  for (const leaf of stringLeaves(value)) {
    const name = leaf.path.findLast((p) => !/^\d+$/.test(p));
    const real = name ? byField[name] : undefined;
    if (real && isUuid(leafValue(value, leaf.path))) out = withLeaf(out, leaf, () => real);
  }
  return out;
}

const call = (method: string, url: string, body?: unknown) => n.api<Err>(method.toUpperCase(), url, body);

describe('every documented route, given hostile input', () => {
  it('covers the whole API (the sweep sees every route the document lists)', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((o) => jsonSchemaOf(o.op)).length).toBeGreaterThan(15);
  });

  it('answers a NUL character in any JSON string or key with 400 naming that field', async () => {
    let checked = 0;
    for (const { method, path, op } of operations) {
      const schema = jsonSchemaOf(op);
      if (!schema) continue;
      const base = sample(doc, schema, randomUUID);
      for (const leaf of stringLeaves(base)) {
        const body = withLeaf(base, leaf, (s) => `${s}\u0000x`);
        const r = await call(method, fill(op, path), body);
        const field = leaf.path.map((p, i) => (i === leaf.path.length - 1 && leaf.key ? `${p}\\u0000x` : p));
        expect(r.status, `${method} ${path} ${field.join('.')}: ${JSON.stringify(r.body)}`).toBe(400);
        expect(r.body.error.field).toBe(field.join('.') || 'body');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('answers a NUL character in any query parameter with 400 naming it, and in a path with 404', async () => {
    for (const { method, path, op } of operations) {
      for (const q of op.parameters?.filter((p) => p.in === 'query') ?? []) {
        const r = await call(method, `${fill(op, path)}?${q.name}=a%00b`);
        expect(r.status, `${method} ${path}?${q.name}`).toBe(400);
        expect(r.body.error.field).toBe(q.name);
      }
      for (const p of op.parameters?.filter((x) => x.in === 'path') ?? []) {
        const r = await call(method, fill(op, path, { [p.name]: 'a%00b' }));
        expect(r.status, `${method} ${path} with {${p.name}} holding NUL`).toBe(404);
      }
    }
  });

  it('answers a path id that is not a uuid, or is nobody’s, with 404', async () => {
    let checked = 0;
    for (const { method, path, op } of operations) {
      for (const p of op.parameters?.filter((x) => x.in === 'path' && x.schema?.format === 'uuid') ?? []) {
        const schema = jsonSchemaOf(op);
        const body = schema ? sample(doc, schema, randomUUID) : undefined;
        for (const bad of ['not-a-uuid', '12345', 'ffffffff-ffff']) {
          const r = await call(method, fill(op, path, { [p.name]: bad }), body);
          expect(r.status, `${method} ${path} {${p.name}}=${bad}: ${JSON.stringify(r.body)}`).toBe(404);
          checked++;
        }
        // A well-formed id of nothing: not found, or the body refused first; never a 500 or a success.
        const r = await call(method, fill(op, path, { [p.name]: randomUUID() }), body);
        expect([400, 404, 422], `${method} ${path} {${p.name}} unknown: ${JSON.stringify(r.body)}`).toContain(
          r.status,
        );
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('never answers 500 to a body whose ids name nobody, or to junk in any query parameter', async () => {
    let unknownIdsChecked = 0;
    for (const { method, path, op } of operations) {
      const schema = jsonSchemaOf(op);
      if (schema) {
        // The body's ids are real ones, then each in turn names nobody (an unknown owner, schedule…).
        // A fresh sample per call: an address already added would be refused before the ids are read.
        const fresh = () => withRealIds(sample(doc, schema, randomUUID, { minimal: true }));
        const first = fresh();
        const uuids = stringLeaves(first).filter((l) => isUuid(leafValue(first, l.path)));
        for (const leaf of [null, ...uuids]) {
          const body = leaf ? withLeaf(fresh(), leaf, () => randomUUID()) : first;
          const r = await call(method, fill(op, path), body);
          const what = `${method} ${path} ${leaf?.path.join('.') ?? '(real ids)'}`;
          expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
          unknownIdsChecked++;
        }
      }
      for (const q of op.parameters?.filter((p) => p.in === 'query') ?? [])
        for (const junk of ['not-a-uuid', randomUUID(), '-1', '9'.repeat(30), 'x'.repeat(5000)]) {
          const r = await call(method, `${fill(op, path)}?${q.name}=${encodeURIComponent(junk)}`);
          expect(
            r.status,
            `${method} ${path}?${q.name}=${junk.slice(0, 40)}: ${JSON.stringify(r.body)}`,
          ).toBeLessThan(500);
        }
    }
    expect(unknownIdsChecked).toBeGreaterThan(20);
  });
});

describe('the findings of issue 8, one by one', () => {
  it('a NUL in firstName, a custom field key, a schedule name, q and subState', async () => {
    const lead = await n.api<Err>('POST', '/api/v1/leads', {
      email: 'nul@example.com',
      source: 'event',
      firstName: 'A\u0000',
    });
    expect([lead.status, lead.body.error.field]).toEqual([400, 'firstName']);
    const key = await n.api<Err>('POST', '/api/v1/leads', {
      email: 'nul@example.com',
      source: 'event',
      customFields: { 'size\u0000': '10' },
    });
    expect([key.status, key.body.error.field]).toEqual([400, 'customFields.size\\u0000']);
    const value = await n.api<Err>('POST', '/api/v1/leads', {
      email: 'nul@example.com',
      source: 'event',
      customFields: { size: '1\u00000' },
    });
    expect([value.status, value.body.error.field]).toEqual([400, 'customFields.size']);
    const schedule = await n.api<Err>('POST', '/api/v1/schedules', { name: 'Q\u00004', steps: [0, 3] });
    expect([schedule.status, schedule.body.error.field]).toEqual([400, 'name']);
    for (const q of ['q', 'subState']) {
      const r = await n.api<Err>('GET', `/api/v1/leads?${q}=acme%00`);
      expect([r.status, r.body.error.field]).toEqual([400, q]);
    }
  });

  it('DELETE /api/v1/corrections/{not-a-uuid} is 404', async () => {
    const r = await n.api<Err>('DELETE', '/api/v1/corrections/not-a-uuid');
    expect([r.status, r.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('an unknown ownerId is a 404 naming ownerId when adding a lead or changing its owner, and filters nothing', async () => {
    const add = await n.api<Err>('POST', '/api/v1/leads', {
      email: 'owned@example.com',
      source: 'event',
      ownerId: randomUUID(),
    });
    expect([add.status, add.body.error.field]).toEqual([404, 'ownerId']);
    const lead = await n.api<{ id: string }>('POST', '/api/v1/leads', {
      email: 'owned@example.com',
      source: 'event',
    });
    const change = await n.api<Err>('POST', `/api/v1/leads/${lead.body.id}/actions/change-owner`, {
      ownerId: randomUUID(),
    });
    expect([change.status, change.body.error.field]).toEqual([404, 'ownerId']);
    const list = await n.api<{ items: unknown[] }>('GET', `/api/v1/leads?ownerId=${randomUUID()}`);
    expect([list.status, list.body.items]).toEqual([200, []]);
  });
});
