import { MAX_HEADER_BLOCK_CHARS } from './analysis-limits.ts';

/**
 * One header from a raw message's header block, unfolded, without parsing the
 * whole message (ingest needs the Message-ID before anything can fail; the
 * classifier needs the Date exactly as written, zone included).
 */
export function headerValue(raw: Buffer, name: string): string | null {
  const head = raw.subarray(0, Math.min(raw.length, MAX_HEADER_BLOCK_CHARS)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name.replace(/-/g, '\\-')}:[ \\t]*(.*)$`, 'im');
  const v = re.exec(block)?.[1]?.trim();
  return v ? v : null;
}
