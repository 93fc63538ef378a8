import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { assistantExclusions, leadImportRows, leadImports, leads } from '../src/db/schema.ts';
import { suppress } from '../src/suppression/suppression.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';
import { xlsx } from './helpers/upload-bombs.ts';

const column = (i: number): string =>
  (i < 26 ? '' : column(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));
const cells = (row: number, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `<c r="${column(i)}${row}" t="inlineStr"><is><t>v${i}</t></is></c>`,
  ).join('');
const manyRows = (count: number) =>
  `<row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c></row>${Array.from({ length: count }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>r${i}@x.example</t></is></c></row>`).join('')}`;

type Err = { error: { code: string; message: string; field?: string } };
type Uploaded = {
  id: string;
  format: string;
  columns: string[];
  rowCount: number;
  status: string;
  suggestedMapping: Record<string, string>;
  preview: { row: number; lead: Record<string, unknown>; issues: string[] }[];
  rowsWithIssues: number;
};
type Import = { id: string; status: string; added: number; refused: number; rowCount: number };
type Row = {
  row: number;
  status: string;
  leadId: string | null;
  errorCode: string | null;
  error: string | null;
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
let rival: InitResult;

beforeAll(async () => {
  n = await startTestNurture({
    IMPORT_MAX_ROWS: '500',
    IMPORT_MAX_BYTES: '200000',
    IMPORT_MAX_COLUMNS: '50',
    IMPORT_MAX_CELL_CHARS: '1000',
    IMPORT_MAX_UNPACKED_BYTES: String(1024 * 1024),
  });
  rival = await addRivalOrg(n.ctx.db);
});
afterAll(async () => n?.close());

async function upload(name: string, bytes: Buffer | Uint8Array, key = n.org.apiKey) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${n.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as never };
}
const counts = async () => ({
  imports: (await n.ctx.db.select({ c: count() }).from(leadImports))[0]!.c,
  rows: (await n.ctx.db.select({ c: count() }).from(leadImportRows))[0]!.c,
  leads: (await n.ctx.db.select({ c: count() }).from(leads))[0]!.c,
});
const finished = (id: string) =>
  waitFor(async () => {
    const r = await n.api<Import>('GET', `/api/v1/imports/${id}`);
    return r.body.status === 'done' ? r.body : null;
  }, `import ${id} done`);

// A German Excel export: semicolons, Windows-1252, quoted fields with the separator inside.
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => ({ ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, é: 0xe9 })[ch] ?? ch.charCodeAt(0)),
  );
}

describe('importing a lead list', () => {
  it('reads a semicolon CSV in Windows-1252, suggests a mapping, adds each row or says why not', async () => {
    await suppress(n.ctx.db, n.org.orgId, 'gesperrt@beispiel.de', 'test');
    await n.ctx.db
      .insert(assistantExclusions)
      .values({ assistantId: n.org.assistantId, pattern: 'kunde.de' });
    const csv = windows1252(
      [
        'E-Mail;Vorname;Nachname;Firma;Messe;Lieblingsfarbe;Tags',
        'juergen.mueller@beispiel.de;Jürgen;Müller;"Müller; Söhne GmbH";Hannover Messe;Grün;vip, 2026',
        'nicht-gültig;Anna;Schmidt;ACME;;;',
        ';Ohne;Adresse;ACME;;;',
        'gesperrt@beispiel.de;Gesperrt;Person;ACME;;;',
        'chef@kunde.de;Bestands;Kunde;Kunde AG;;;',
        'JUERGEN.Mueller@Beispiel.de;Doppelt;Müller;ACME;;;',
        'eva@beispiel.de;Eva;Weiß;ACME;Hannover Messe;=HYPERLINK("x");',
      ].join('\r\n'),
    );
    const before = await counts();
    const up = await upload('messe.csv', csv);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const body = up.body as Uploaded;
    expect(body).toMatchObject({ format: 'csv', rowCount: 7, status: 'uploaded' });
    expect(body.columns).toEqual([
      'E-Mail',
      'Vorname',
      'Nachname',
      'Firma',
      'Messe',
      'Lieblingsfarbe',
      'Tags',
    ]);
    expect(body.suggestedMapping).toEqual({
      'E-Mail': 'email',
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'company',
      Messe: 'context',
      Lieblingsfarbe: 'custom.Lieblingsfarbe',
      Tags: 'tags',
    });
    expect(body.preview[0]!.lead).toMatchObject({
      email: 'juergen.mueller@beispiel.de',
      firstName: 'Jürgen',
      company: 'Müller; Söhne GmbH',
      tags: ['vip', '2026'],
      customFields: { Lieblingsfarbe: 'Grün' },
    });
    expect(body.preview[1]!.issues).toEqual(['"nicht-gültig" is not a valid email address']);
    expect(body.preview[2]!.issues).toEqual(['no email address']);
    expect(body.rowsWithIssues).toBe(2);
    // Uploading adds nothing yet.
    expect((await counts()).leads).toBe(before.leads);

    const start = await n.api<Import>('POST', `/api/v1/imports/${body.id}/start`, {
      mapping: body.suggestedMapping,
      source: 'event',
    });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    const done = await finished(body.id);
    expect(done).toMatchObject({ added: 2, refused: 5, rowCount: 7 });

    const rows = (await n.api<{ items: Row[] }>('GET', `/api/v1/imports/${body.id}/rows`)).body.items;
    const outcome = Object.fromEntries(rows.map((r) => [r.row, [r.status, r.errorCode, r.error]]));
    expect(outcome[1]![0]).toBe('added');
    expect(outcome[2]).toEqual(['refused', 'VALIDATION', '"nicht-gültig" is not a valid email address']);
    expect(outcome[3]).toEqual(['refused', 'VALIDATION', 'no email address']);
    expect(outcome[4]![0]).toBe('refused');
    expect(outcome[4]![2]).toMatch(/suppression list/);
    expect(outcome[5]![2]).toMatch(/exclusion list entry "kunde.de"/);
    expect(outcome[6]![2]).toMatch(/already/i);
    expect(outcome[7]![0]).toBe('added');
    expect(
      (await n.api<{ items: Row[] }>('GET', `/api/v1/imports/${body.id}/rows?status=added`)).body.items,
    ).toHaveLength(2);

    // The lead carries the row's fields, and its timeline says where it came from.
    const added = rows.find((r) => r.row === 1)!;
    const lead = (await n.api<Record<string, unknown>>('GET', `/api/v1/leads/${added.leadId}`)).body;
    expect(lead).toMatchObject({
      email: 'juergen.mueller@beispiel.de',
      lastName: 'Müller',
      source: 'event',
      context: 'Hannover Messe',
      tags: ['vip', '2026'],
      customFields: { Lieblingsfarbe: 'Grün' },
    });
    const story = (
      await n.api<{ items: { type?: string; reason?: string; evidence?: Record<string, unknown> }[] }>(
        'GET',
        `/api/v1/leads/${added.leadId}/timeline`,
      )
    ).body.items;
    const addedEvent = story.find((i) => i.type === 'lead_added')!;
    expect(addedEvent.reason).toContain('from messe.csv row 2');
    expect(addedEvent.evidence).toMatchObject({ import: { importId: body.id, row: 1 } });

    // The report: the file's columns and each row's outcome; a formula-looking cell is opened as text.
    const res = await fetch(`${n.url}/api/v1/imports/${body.id}/report.csv`, {
      headers: { authorization: `Bearer ${n.org.apiKey}` },
    });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const report = (await res.text()).trim().split('\r\n');
    expect(report[0]).toBe(
      'E-Mail,Vorname,Nachname,Firma,Messe,Lieblingsfarbe,Tags,Row,Outcome,Reason,Lead id',
    );
    expect(report).toHaveLength(8);
    expect(report[2]).toContain(',3,refused,');
    expect(report[7]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('reads the first sheet of an XLSX: rich text, links, dates and numbers as a person sees them', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Leads');
    sheet.addRow(['Email Address', 'Name', 'Company', 'Met on', 'Employees']);
    sheet.addRow([
      { text: 'sam@globex.example', hyperlink: 'mailto:sam@globex.example' },
      { richText: [{ text: 'Sam ' }, { font: { bold: true }, text: 'Carter' }] },
      'Globex',
      new Date(Date.UTC(2026, 10, 3)),
      250,
    ]);
    sheet.addRow(['lee@initech.example', 'Lee', 'Initech', null, 12]);
    const up = await upload('crm-export.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const body = up.body as Uploaded;
    expect(body).toMatchObject({ format: 'xlsx', rowCount: 2 });
    expect(body.suggestedMapping).toMatchObject({
      'Email Address': 'email',
      Name: 'fullName',
      Company: 'company',
    });
    expect(body.preview[0]!.lead).toMatchObject({
      email: 'sam@globex.example',
      firstName: 'Sam',
      lastName: 'Carter',
      customFields: { 'Met on': '2026-11-03', Employees: '250' },
    });
    expect(
      (await n.api('POST', `/api/v1/imports/${body.id}/start`, { mapping: body.suggestedMapping })).status,
    ).toBe(202);
    expect(await finished(body.id)).toMatchObject({ added: 2, refused: 0 });
  });

  it('refuses a file it cannot read, storing nothing, and says why naming the file', async () => {
    const before = await counts();
    const cases: [string, Buffer, RegExp][] = [
      ['empty.csv', Buffer.alloc(0), /empty/],
      [
        'picture.csv',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        /not a text/,
      ],
      ['old.xls', Buffer.from('whatever'), /old Excel/],
      ['fake.xlsx', Buffer.from('email\nx@y.example\n'), /not an Excel workbook/],
      ['broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /workbook could not be read/],
      ['header-only.csv', Buffer.from('email,first name\r\n'), /only a header row/],
      [
        'too-many.csv',
        Buffer.from(`email\n${Array.from({ length: 501 }, (_, i) => `l${i}@x.example`).join('\n')}`),
        /more than 500 rows: one import takes at most 500/,
      ],
      ['too-big.csv', Buffer.from(`email\n${'a'.repeat(210_000)}\n`), /larger than 200000 bytes/],
      // Checked while reading, named with where they are.
      [
        'too-wide.csv',
        Buffer.from(`email,${'x,'.repeat(60)}\na@b.example\n`),
        /more than 50 columns \(row 1\)/,
      ],
      [
        'long-cell.csv',
        Buffer.from(`email,notes\na@b.example,ok\nc@d.example,"${'n'.repeat(1200)}"\n`),
        /a cell longer than 1,000 characters \(row 3, column 2\)/,
      ],
      ['too-wide.xlsx', xlsx(`<row r="1">${cells(1, 51)}</row>`), /more than 50 columns \(row 1\)/],
      [
        'long-cell.xlsx',
        xlsx(
          `<row r="1">${cells(1, 2)}</row><row r="2">${cells(2, 1)}<c r="B2" t="inlineStr"><is><t>${'n'.repeat(1001)}</t></is></c></row>`,
        ),
        /a cell longer than 1,000 characters \(row 2, column 2\)/,
      ],
      ['many-rows.xlsx', xlsx(manyRows(502)), /more than 500 rows/],
      // Zip bombs: a part bigger than the limit (refused from the zip's directory, before unpacking), and one
      // that claims to be small but unpacks to more (caught while unpacking).
      ['bomb.xlsx', xlsx(' '.repeat(1_100_000)), /unpacks to more than 1 MB/],
      [
        'lying.xlsx',
        xlsx(manyRows(10), [], 200),
        /workbook could not be read: xl\/worksheets\/sheet1.xml unpacks to more than the size it declares/,
      ],
      [
        'shared-strings.xlsx',
        xlsx(manyRows(3), [
          {
            name: 'xl/sharedStrings.xml',
            data: Buffer.from(`<sst>${'<si><t>s</t></si>'.repeat(30_000)}</sst>`),
          },
        ]),
        /shared text unpacks to more than/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const r = await upload(name, bytes);
      expect(r.status, name).toBe(400);
      expect((r.body as Err).error.field, name).toBe('file');
      expect((r.body as Err).error.message, name).toMatch(message);
    }
    // No file at all: a form without it, or JSON.
    const form = new FormData();
    form.append('attachment', new Blob(['email\r\nx@y.example\r\n']), 'leads.csv');
    const noFile = await fetch(`${n.url}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${n.org.apiKey}` },
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as Err).error.field).toBe('file');
    const json = await n.api<Err>('POST', '/api/v1/imports', { file: 'email\nx@y.example' });
    expect(json.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses a mapping it cannot use, naming the column, and starts an import once', async () => {
    const up = (await upload('ok.csv', Buffer.from('Email,Notes\r\nkim@ok.example,hello\r\n')))
      .body as Uploaded;
    const start = (body: unknown) => n.api<Err>('POST', `/api/v1/imports/${up.id}/start`, body);
    const bad: [unknown, string, RegExp][] = [
      [{ mapping: { Notes: 'additionalInformation' } }, 'mapping', /no column is mapped to email/],
      [{ mapping: { Email: 'email', Phone: 'phone' } }, 'mapping.Phone', /no column "Phone"/],
      [{ mapping: { Email: 'email', Notes: 'shoeSize' } }, 'mapping.Notes', /not a lead field/],
      [
        { mapping: { Email: 'email', Notes: 'email' } },
        'mapping.Notes',
        /already filled from column "Email"/,
      ],
      [{ mapping: { Email: 'email' }, assistantId: rival.assistantId }, 'assistantId', /no assistant/],
    ];
    for (const [body, field, message] of bad) {
      const r = await start(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message).toMatch(message);
    }
    expect((await n.api<Import>('GET', `/api/v1/imports/${up.id}`)).body.status).toBe('uploaded');
    expect((await start({ mapping: { Email: 'email', Notes: 'ignore' } })).status).toBe(202);
    const again = await start({ mapping: { Email: 'email' } });
    expect(again.status).toBe(409);
    await finished(up.id);
  });

  it("shows members their own imports only, and never another org's", async () => {
    const member = await addMember(n.ctx.db, n.org.orgId);
    const mine = (await upload('mine.csv', Buffer.from('email\r\nmine@own.example\r\n'), member.key))
      .body as Uploaded;
    const list = await n.api<{ items: Import[] }>('GET', '/api/v1/imports', undefined, { key: member.key });
    expect(list.body.items.map((i) => i.id)).toEqual([mine.id]);
    const adminList = await n.api<{ items: Import[] }>('GET', '/api/v1/imports');
    expect(adminList.body.items.length).toBeGreaterThan(1);
    expect((await n.api('GET', '/api/v1/imports/not-an-id')).status).toBe(404);
    expect((await n.api('GET', `/api/v1/imports/${mine.id}`, undefined, { key: rival.apiKey })).status).toBe(
      404,
    );
    expect(
      (
        await n.api(
          'POST',
          `/api/v1/imports/${mine.id}/start`,
          { mapping: { email: 'email' } },
          { key: rival.apiKey },
        )
      ).status,
    ).toBe(404);
    const [stored] = await n.ctx.db.select().from(leadImports).where(eq(leadImports.id, mine.id));
    expect(stored!.status).toBe('uploaded');
  });
});
