import { describe, expect, it } from 'vitest';
import { customFieldName, mappingProblems, mapRow, suggestMapping } from './column-mapping.ts';
import { sniffDelimiter } from './read-csv.ts';
import { readSpreadsheet } from './read-spreadsheet.ts';

describe('column mapping', () => {
  it('knows the spellings CRMs and people use, in several languages', () => {
    expect(
      suggestMapping([
        'E-mail Address',
        'Prénom',
        'Apellido',
        'Société',
        'Job Title',
        'Téléphone',
        'Pays',
        'Notes',
      ]),
    ).toEqual({
      'E-mail Address': 'email',
      Prénom: 'firstName',
      Apellido: 'lastName',
      Société: 'company',
      'Job Title': 'title',
      Téléphone: 'phone',
      Pays: 'country',
      Notes: 'additionalInformation',
    });
  });

  it('maps the column naming who referred a lead to the field a referral’s emails read, once', () => {
    expect(suggestMapping(['Email', 'Referrer', 'Introduced by'])).toEqual({
      Email: 'email',
      Referrer: 'custom.referred_by',
      'Introduced by': 'custom.Introduced by',
    });
    expect(suggestMapping(['Email', 'Referred By'])['Referred By']).toBe('custom.referred_by');
  });

  it('fills each field once, keeps unknown columns as custom fields, and finds an unnamed address column', () => {
    expect(
      suggestMapping(['Email', 'Mail', 'Column 3', 'Shoe size'], [['a@x.example', 'b@x.example', 'c', '42']]),
    ).toEqual({ Email: 'email', Mail: 'custom.Mail', 'Column 3': 'ignore', 'Shoe size': 'custom.Shoe size' });
    expect(
      suggestMapping(
        ['Kontakt', 'Wer'],
        [
          ['Jo', 'jo@x.example'],
          ['Al', 'al@x.example'],
        ],
      ),
    ).toMatchObject({
      Wer: 'email',
    });
    expect(customFieldName('  €uro/Preis ')).toBe('_uro_Preis');
  });

  it('says what is wrong with a mapping, naming the column', () => {
    expect(mappingProblems(['A', 'B'], { A: 'email', B: 'tags' })).toEqual([]);
    expect(mappingProblems(['A', 'B'], { A: 'company', B: 'custom.{bad}' })).toEqual([
      { field: 'mapping.B', message: expect.stringMatching(/not a custom field name/) },
      { field: 'mapping', message: 'no column is mapped to email' },
    ]);
  });

  it('turns a row into a lead: a full name split, tags listed once, long values flagged', () => {
    const { lead, issues } = mapRow(
      ['mail', 'name', 'tags', 'company'],
      ['jo@x.example', 'Jo van der Berg', 'a; b,a', 'x'.repeat(201)],
      { mail: 'email', name: 'fullName', tags: 'tags', company: 'company' },
    );
    expect(lead).toMatchObject({
      email: 'jo@x.example',
      firstName: 'Jo',
      lastName: 'van der Berg',
      tags: ['a', 'b'],
    });
    expect(issues).toEqual(['company is longer than 200 characters']);
  });

  it('flags a line break in a one-line field, as the API refuses it; context keeps its lines', () => {
    const { issues } = mapRow(
      ['mail', 'company', 'context'],
      ['jo@x.example', 'Initech\r\nBcc: spy@evil.test', 'met at the booth\nasked for pricing'],
      { mail: 'email', company: 'company', context: 'context' },
    );
    expect(issues).toEqual(['company holds control characters (a line break, tab …): it must be one line']);
  });
});

describe('reading text files', () => {
  it('finds the separator Excel used', () => {
    expect(sniffDelimiter('a;b;c\n1;"2;3";4\n')).toBe(';');
    expect(sniffDelimiter('a,b\n"x, y",z\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('email\nx@y.example\n')).toBe(',');
  });

  it('reads UTF-8 (with or without BOM) and falls back to Windows-1252', async () => {
    const limits = { maxRows: 10, maxColumns: 10, maxCellChars: 100, maxBytes: 1e6, maxUnpackedBytes: 1e6 };
    const read = (bytes: number[] | Buffer) => readSpreadsheet('x.csv', Buffer.from(bytes), limits);
    expect((await read(Buffer.from('\uFEFFName\nZoë\n', 'utf8'))).rows).toEqual([['Zoë']]);
    expect((await read(Buffer.from('Name\nZoë\n', 'utf8'))).columns).toEqual(['Name']);
    // A Windows-1252 byte far into the file (past the first piece read) still switches the whole file.
    const late = Buffer.concat([
      Buffer.from(`Name\n${'Ann\n'.repeat(30_000)}`),
      Buffer.from([0x5a, 0x6f, 0xeb, 0x80]),
    ]);
    const sheet = await readSpreadsheet('x.csv', late, { ...limits, maxRows: 40_000 });
    expect(sheet.rows.at(-1)).toEqual(['Zoë€']);
  });
});
