import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * The zip container of an XLSX, read from its table of contents (the central
 * directory) rather than front to back, so a part is found, sized and
 * unpacked on its own, and a part that unpacks to more than it declares is
 * caught while it unpacks.
 */
export type ZipPart = {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  packed: Buffer;
  /** Unpacked size, as the directory declares it (checked while unpacking). */
  size: number;
};

export class DamagedZip extends Error {}

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);

export function zipParts(bytes: Buffer): Map<string, ZipPart> {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) throw new DamagedZip('no zip directory at its end');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (at === 0xffffffff) throw new DamagedZip('a zip64 file, which no workbook of this size needs');
  const parts = new Map<string, ZipPart>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new DamagedZip('a damaged zip directory');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const packedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const local = u32(bytes, at + 42);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (flags & 1) throw new DamagedZip('it is password-protected');
    if (method !== 0 && method !== 8) throw new DamagedZip(`${name} is packed in a way Excel does not use`);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
      throw new DamagedZip(`${name} is missing`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + packedSize > bytes.length) throw new DamagedZip(`${name} is cut short`);
    parts.set(name, { name, method, packed: bytes.subarray(start, start + packedSize), size });
  }
  return parts;
}

/** A part's bytes as they unpack, never more than it declares (a zip bomb's lie ends here). */
export async function* unpack(part: ZipPart): AsyncGenerator<Buffer> {
  if (part.method === 0) {
    if (part.packed.length !== part.size) throw new DamagedZip(`${part.name} is not the size it declares`);
    for (let at = 0; at < part.size; at += 64 * 1024) yield part.packed.subarray(at, at + 64 * 1024);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(part.packed);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > part.size) throw new DamagedZip(`${part.name} unpacks to more than the size it declares`);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof DamagedZip) throw e;
    throw new DamagedZip(`${part.name} does not unpack (${(e as Error).message})`);
  } finally {
    inflate.destroy();
  }
  if (total !== part.size) throw new DamagedZip(`${part.name} unpacks to less than the size it declares`);
}

/**
 * A zip of just these parts, in this order, each under a header that states
 * its sizes (the original may defer them to after the data), for a reader
 * that goes front to back: it gets what it needs in the order it needs it
 * and nothing else.
 */
export function zipStream(parts: ZipPart[]): Readable {
  return Readable.from(
    (function* () {
      for (const p of parts) {
        const name = Buffer.from(p.name);
        const head = Buffer.alloc(30);
        head.writeUInt32LE(0x04034b50, 0);
        head.writeUInt16LE(20, 4);
        head.writeUInt16LE(p.method, 8);
        head.writeUInt32LE(p.packed.length, 18);
        head.writeUInt32LE(p.size, 22);
        head.writeUInt16LE(name.length, 26);
        yield Buffer.concat([head, name]);
        for (let at = 0; at < p.packed.length; at += 64 * 1024) yield p.packed.subarray(at, at + 64 * 1024);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      yield end;
    })(),
    { objectMode: false },
  );
}
