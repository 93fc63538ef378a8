import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile lead files, built quickly so a test can afford them: a CSV whose
 * first row is 200,001 columns wide, and an XLSX of 1,000,000 rows written as
 * sheet XML and zipped here (exceljs's writer takes tens of seconds for it).
 */

/** `declaredSize`: what the zip claims the entry unpacks to (a lie, for a zip bomb). */
type ZipEntry = { name: string; data: Buffer; store?: boolean; declaredSize?: number };

/** A minimal zip (deflate or stored, no data descriptors): what Excel and exceljs read. */
export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = e.store ? e.data : deflateRawSync(e.data, { level: 1 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.store ? 0 : 8, 8);
    head.writeUInt32LE(crc32(e.data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.store ? 0 : 8, 10);
    dir.writeUInt32LE(crc32(e.data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(head, name, packed);
    central.push(dir, name);
    offset += head.length + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An XLSX whose first sheet holds `sheetData` (its rows), with the parts Excel writes around it; `declaredSheetSize`: a lie. */
export function xlsx(sheetData: Buffer | string, extra: ZipEntry[] = [], declaredSheetSize?: number): Buffer {
  const sheet = Buffer.concat([
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>`,
    ),
    Buffer.isBuffer(sheetData) ? sheetData : Buffer.from(sheetData),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: declaredSheetSize },
    ...extra,
  ]);
}

/** A header and 999,999 leads (or `rows - 1`), one email a row (~8 MB zipped, ~90 MB of sheet XML). */
export function millionRowXlsx(rows = 1_000_000): Buffer {
  // Written straight into one buffer: a million template strings joined is several times slower.
  const sheet = Buffer.allocUnsafe(rows * 100);
  let at = sheet.write('<row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c></row>', 0, 'latin1');
  for (let r = 2; r <= rows; r++)
    at += sheet.write(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>lead${r}@example.com</t></is></c></row>`,
      at,
      'latin1',
    );
  return xlsx(sheet.subarray(0, at));
}

/** One row of 200,001 columns, then 40,000 short rows (~950 KB): padding every row to the widest exhausts memory. */
export function widthBombCsv(columns = 200_001, rows = 40_000): Buffer {
  const wide = Array.from({ length: columns }, (_, i) => (i % 10 === 0 ? 'c' : '')).join(',');
  const short = Array.from({ length: rows }, (_, i) => `l${i}@example.com,L${i}`);
  return Buffer.from(`${wide}\n${short.join('\n')}\n`);
}

const bombs = {
  'million-rows.xlsx': () => millionRowXlsx(),
  'width-bomb.csv': () => widthBombCsv(),
} as const;

/**
 * A bomb, made once in the temp folder (then reused) by a child process, so
 * the test process (which runs the server whose memory is measured) never
 * holds the 100 MB it takes to build.
 */
export async function cachedBomb(name: keyof typeof bombs): Promise<Buffer> {
  // Versioned: the files are made the same way every time; change the name when their recipe changes.
  const dir = join(tmpdir(), 'nurture-upload-bombs-v1');
  const path = join(dir, name);
  if (!existsSync(path)) {
    await mkdir(dir, { recursive: true });
    await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), path, name]);
  }
  return readFile(path);
}

if (import.meta.main) {
  const [path, name] = process.argv.slice(2) as [string, keyof typeof bombs];
  await writeFile(`${path}.tmp`, bombs[name]());
  await rename(`${path}.tmp`, path);
}
