import { createHash, createVerify } from 'node:crypto';

/**
 * An independent DKIM verifier for tests (RFC 6376, rsa-sha256,
 * relaxed/relaxed), written from the RFC rather than from nodemailer's signer,
 * so a test proves that what reached the SMTP server verifies — the way a
 * receiving provider checks it, with the public key it would find in DNS.
 */
export type DkimCheck = {
  tags: Record<string, string>;
  bodyHashOk: boolean;
  signatureOk: boolean;
  signedHeaders: string[];
};

const WSP = /[ \t]+/g;

/** RFC 6376 §3.4.4: trailing whitespace dropped, runs of WSP to one space, trailing empty lines dropped. */
export function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(WSP, ' ').replace(/ $/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}

/** RFC 6376 §3.4.2: name lower-cased, value unfolded, WSP runs to one space, trimmed around the colon. */
export function relaxedHeader(field: string): string {
  const colon = field.indexOf(':');
  const name = field.slice(0, colon).trim().toLowerCase();
  const value = field
    .slice(colon + 1)
    .replace(/\r\n/g, '')
    .replace(WSP, ' ')
    .trim();
  return `${name}:${value}`;
}

/** Header fields as they are on the wire (folded lines kept together), top to bottom. */
function headerFields(head: string): string[] {
  const fields: string[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  return fields;
}

export function verifyDkim(raw: string, publicKeyPem: string): DkimCheck {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const fields = headerFields(head);
  const sigField = fields.find((f) => /^dkim-signature\s*:/i.test(f));
  if (!sigField) throw new Error('no DKIM-Signature header');
  const tags = Object.fromEntries(
    sigField
      .slice(sigField.indexOf(':') + 1)
      .split(';')
      .map((t) => t.replace(/\s+/g, ''))
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)]),
  );
  if (tags.a !== 'rsa-sha256' || tags.c !== 'relaxed/relaxed')
    throw new Error(`unsupported a=${tags.a} c=${tags.c}`);

  const bodyHash = createHash('sha256').update(relaxedBody(body), 'utf8').digest('base64');

  // Each name in h= takes that header's next instance from the bottom up (§5.4.2).
  const signedHeaders = (tags.h ?? '').split(':').map((h) => h.toLowerCase());
  const used = new Set<number>();
  const lines: string[] = [];
  for (const name of signedHeaders) {
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i]!;
      if (used.has(i) || f.slice(0, f.indexOf(':')).trim().toLowerCase() !== name) continue;
      used.add(i);
      lines.push(`${relaxedHeader(f)}\r\n`);
      break;
    }
  }
  // The signature header itself, with b= emptied and no trailing CRLF (§3.7).
  const unsigned = sigField.replace(/(^|;)(\s*b\s*=)[^;]*/i, '$1$2');
  const data = lines.join('') + relaxedHeader(unsigned);
  const signatureOk = createVerify('RSA-SHA256')
    .update(data, 'utf8')
    .verify(publicKeyPem, Buffer.from(tags.b ?? '', 'base64'));
  return { tags, bodyHashOk: bodyHash === tags.bh, signatureOk, signedHeaders };
}
