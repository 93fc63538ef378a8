/**
 * A small, synchronous MIME walker for bounce parsing. It is deliberately
 * lenient: DSNs are produced by every MTA ever written, and many of them get
 * boundaries, encodings and charsets slightly wrong. We never throw; a part we
 * cannot decode is kept as latin1 text so phrase matching still has a chance.
 */
import { TextDecoder } from 'node:util';
import { MAX_BOUNCE_PART_CHARS, MAX_BOUNCE_PARTS, MAX_HEADER_BLOCK_CHARS } from '../analysis-limits.ts';

export type Header = { name: string; value: string };

export type MimePart = {
  headers: Header[];
  /** Lower-cased `type/subtype`; `text/plain` when absent. */
  contentType: string;
  params: Record<string, string>;
  /** Decoded text of a leaf part (transfer encoding and charset applied). */
  text: string;
  children: MimePart[];
};

const MAX_DEPTH = 8;

/** Raw bytes as a latin1 string with newlines normalised to `\n`. */
export function toBinaryString(raw: Buffer | string): string {
  const s = typeof raw === 'string' ? raw : raw.toString('latin1');
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/** Split at the first empty line; a message without one is all headers. */
export function splitHeaderBody(src: string): { head: string; body: string } {
  if (src.startsWith('\n')) return { head: '', body: src.slice(1) };
  const i = src.indexOf('\n\n');
  if (i < 0) return { head: src, body: '' };
  return { head: src.slice(0, i), body: src.slice(i + 2) };
}

export function parseHeaderBlock(head: string): Header[] {
  const out: Header[] = [];
  for (const line of head.split('\n')) {
    if (line === '') continue;
    const last = out[out.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line.slice(0, colon).trimEnd())) {
      // An unindented `boundary="..."` after `Content-Type: multipart/x;` is a broken fold, not garbage.
      if (last && /^\s*[a-z-]+\*?=/i.test(line) && last.value.trimEnd().endsWith(';'))
        last.value += ` ${line.trim()}`;
      // Otherwise ("From " mbox separators, junk) it is not a field.
      continue;
    }
    out.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return out;
}

export function headerValue(headers: readonly Header[], name: string): string | null {
  for (const h of headers) if (h.name === name) return h.value;
  return null;
}

export function headerValues(headers: readonly Header[], name: string): string[] {
  return headers.filter((h) => h.name === name).map((h) => h.value);
}

/** `text/plain; charset="x"; boundary=y` → type and parameters (RFC 2231 continuations joined). */
export function parseContentType(value: string | null): { type: string; params: Record<string, string> } {
  if (!value) return { type: 'text/plain', params: {} };
  const params: Record<string, string> = {};
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase() || 'text/plain';
  if (semi >= 0) {
    const re = /;?\s*([A-Za-z0-9_.*-]+)\s*=\s*("(?:[^"\\]|\\.)*"?|[^;]*)/g;
    for (const m of value.slice(semi).matchAll(re)) {
      const key = (m[1] ?? '').toLowerCase().replace(/\*\d*\*?$/, '');
      let v = (m[2] ?? '').trim();
      if (v.startsWith('"'))
        v = v.slice(1, v.endsWith('"') && v.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1');
      params[key] = key in params ? params[key] + v : v;
    }
  }
  return { type, params };
}

const decoderCache = new Map<string, TextDecoder | null>();

function decoderFor(charset: string): TextDecoder | null {
  let cs = charset
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  // Labels seen in the wild that WHATWG does not know by this spelling.
  if (cs === 'cp932' || cs === 'ms932' || cs === 'windows-31j' || cs === 'x-sjis') cs = 'shift_jis';
  if (cs === 'iso-2022-jp-1' || cs === 'iso-2022-jp-2' || cs === 'iso-2022-jp-3') cs = 'iso-2022-jp';
  if (cs === 'ks_c_5601' || cs === 'ks_c_5601-1987') cs = 'euc-kr';
  if (cs === 'unknown-8bit' || cs === 'x-unknown' || cs === '') cs = 'utf-8';
  const cached = decoderCache.get(cs);
  if (cached !== undefined) return cached;
  let dec: TextDecoder | null = null;
  try {
    dec = new TextDecoder(cs);
  } catch {
    dec = null;
  }
  decoderCache.set(cs, dec);
  return dec;
}

/** Bytes held in a latin1 string → text in `charset`; unknown charsets fall back to UTF-8 then latin1. */
export function decodeCharset(binary: string, charset: string | undefined): string {
  // Pure 7-bit text needs decoding only for ISO-2022 (escape sequences) and UTF-7-ish labels.
  const isAscii = !/[\u0080-\uffff]/.test(binary);
  const cs = (charset ?? '').toLowerCase();
  if (isAscii && !cs.includes('2022')) return binary;
  let dec = decoderFor(cs || 'utf-8');
  if (!dec) dec = decoderFor('utf-8');
  const bytes = Buffer.from(binary, 'latin1');
  const text = dec ? dec.decode(bytes) : binary;
  if (!text.includes('\ufffd')) return text;
  // Mislabelled bodies are common (8-bit EUC-JP or Shift_JIS sent as "ISO-2022-JP", UTF-8 as latin1):
  // try the usual suspects strictly, and keep the bytes as latin1 when none fits.
  for (const alt of ['utf-8', 'euc-jp', 'shift_jis']) {
    try {
      return new TextDecoder(alt, { fatal: true }).decode(bytes);
    } catch {
      // not this one
    }
  }
  return !cs || cs === 'utf-8' || cs === 'us-ascii' ? binary : text;
}

export function decodeBase64(s: string): string {
  return Buffer.from(s.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1');
}

export function decodeQuotedPrintable(s: string): string {
  return s
    .replace(/[ \t]+$/gm, '')
    .replace(/=\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

function decodeTransfer(body: string, encoding: string | null): string {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return decodeBase64(body);
  if (enc === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** RFC 2047 encoded words (`=?utf-8?B?...?=`) in a header value. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g, (_, cs: string, enc: string, data: string) => {
      const bin =
        enc.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeCharset(bin, cs);
    });
}

function splitMultipart(body: string, boundary: string): string[] {
  const delim = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split('\n')) {
    if (line.startsWith(delim)) {
      const rest = line.slice(delim.length).trimEnd();
      if (rest === '' || rest === '--') {
        if (current) parts.push(current.join('\n'));
        current = rest === '--' ? null : [];
        if (rest === '--') break;
        continue;
      }
    }
    if (current) current.push(line);
  }
  // An unterminated last part (truncated bounce) still counts.
  if (current && current.length > 0) parts.push(current.join('\n'));
  return parts;
}

/** Parse a whole message (or an embedded one) into a part tree. */
export function parseMime(
  src: string,
  depth = 0,
  budget: PartBudget = { parts: MAX_BOUNCE_PARTS },
): MimePart {
  const { head, body } = splitHeaderBody(src);
  budget.parts--;
  return buildPart(parseHeaderBlock(head.slice(0, MAX_HEADER_BLOCK_CHARS)), body, depth, budget);
}

/** Parts left to walk in one message, shared by the whole tree (thousands of parts are an attack, not a report). */
type PartBudget = { parts: number };

function buildPart(headers: Header[], fullBody: string, depth: number, budget: PartBudget): MimePart {
  // A part is read up to a cap: enough for any report and the returned message's headers.
  const body = fullBody.length > MAX_BOUNCE_PART_CHARS ? fullBody.slice(0, MAX_BOUNCE_PART_CHARS) : fullBody;
  const { type, params } = parseContentType(headerValue(headers, 'content-type'));
  const part: MimePart = { headers, contentType: type, params, text: '', children: [] };
  const encoding = headerValue(headers, 'content-transfer-encoding');
  if (type.startsWith('multipart/') && depth < MAX_DEPTH) {
    let chunks = params.boundary ? splitMultipart(body, params.boundary) : [];
    // A missing or wrong boundary parameter (seen in Sendmail and Postfix reports): take the body's own.
    if (chunks.length === 0) {
      const guessed = /^--([^\s-][^\s]{5,}?)\s*$/m.exec(body)?.[1];
      if (guessed) chunks = splitMultipart(body, guessed);
    }
    for (const chunk of chunks) {
      if (budget.parts <= 0) break;
      part.children.push(parseMime(chunk, depth + 1, budget));
    }
    if (part.children.length > 0) return part;
  }
  if ((type === 'message/rfc822' || type === 'message/global') && depth < MAX_DEPTH) {
    const inner = decodeTransfer(body, encoding);
    if (budget.parts > 0) part.children.push(parseMime(inner, depth + 1, budget));
    part.text = inner;
    return part;
  }
  const decoded = decodeTransfer(body, encoding);
  part.text = decodeCharset(decoded, params.charset);
  return part;
}

/** Depth-first list of every part, the root first. */
export function flattenParts(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const walk = (p: MimePart): void => {
    out.push(p);
    for (const c of p.children) walk(c);
  };
  walk(root);
  return out;
}
