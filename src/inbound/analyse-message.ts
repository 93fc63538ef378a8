import { type AddressObject, simpleParser } from 'mailparser';
import { analysedBytes } from '../classify/analysis-limits.ts';
import type { Intent } from '../classify/classification.ts';
import { type Classification, classifyMessage } from '../classify/classify-message.ts';
import { buildOrgAdapter, type Correction, type OrgAdapter } from '../classify/intent/org-adapter.ts';

/**
 * Everything the pipeline needs from one raw message, worked out where a slow
 * or hostile message can't hold anything else up (an `analysis-thread.ts`
 * worker thread under a time budget): parsing, classification and the
 * headers matching needs. What it returns is small and capped whatever the
 * message, so the main thread only does database work on it.
 */
export type AnalysisJob = {
  raw: Uint8Array;
  receivedAt: string;
  /** The org's corrections (its classifier adapter is rebuilt from them in the thread), keyed by version. */
  corrections?: OrgCorrections;
};

export type OrgCorrections = { key: string; list: Correction[] };

export type NamedAddress = { address: string; name: string };
/** `envelope`: the addresses of Delivered-To and X-Original-To, as the receiving server wrote them. */
export type Recipients = { to: NamedAddress[]; cc: NamedAddress[]; envelope: string[] };

export type Analysis = {
  messageId: string | null;
  subject: string | null;
  from: string | null;
  inReplyTo: string[];
  references: string[];
  /** To, Cc and Delivered-To. */
  addresses: string[];
  /** The recipients by field, with their display names: EmailCC (SPEC §6.5) creates a lead per `To`. */
  recipients: Recipients;
  /** The message's plain text (capped): an EmailCC user's email is kept as its leads' first email. */
  text: string | null;
  /** Our Message-IDs quoted inside the message (a bounce or complaint carries the original's headers). */
  embedded: string[];
  /** The `Authentication-Results` header values, topmost first (which to believe is decided by the caller). */
  authenticationResults: string[];
  classification: Classification;
};

/** What leaves the thread and is stored: enough to match and act on, never the message's bulk. */
export const analysisCaps = {
  headerChars: 998, // RFC 5322's line limit: no legitimate header value we use is longer
  ids: 50,
  authenticationResults: 10,
  authenticationResultChars: 8_000,
  addresses: 100,
  embedded: 20,
  replyChars: 20_000,
  textChars: 20_000,
  nameChars: 200,
  evidenceItems: 20,
  evidenceChars: 500,
  diagnosticChars: 2_000,
} as const;

const parseOptions = { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 2_000_000 };

export async function analyseMessage(job: AnalysisJob): Promise<Analysis> {
  const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, Math.min(job.raw.byteLength, analysedBytes));
  const mail = await simpleParser(raw, parseOptions);
  const now = new Date(job.receivedAt);
  const orgAdapter = job.corrections ? adapterFor(job.corrections) : undefined;
  const classification = await classifyMessage(raw, { now, parsed: mail, orgAdapter });
  const deliveredTo = mail.headers.get('delivered-to');
  return {
    messageId: capped(mail.messageId),
    subject: capped(mail.subject),
    from: capped(mail.from?.value[0]?.address?.toLowerCase()),
    inReplyTo: messageIds(mail.inReplyTo),
    references: messageIds(mail.references),
    addresses: [
      ...addresses(mail.to),
      ...addresses(mail.cc),
      ...(typeof deliveredTo === 'string' ? [deliveredTo] : []),
    ]
      .map((a) => a.slice(0, 320))
      .slice(0, analysisCaps.addresses),
    recipients: {
      to: named(mail.to),
      cc: named(mail.cc),
      envelope: mail.headerLines
        .filter((h) => h.key === 'delivered-to' || h.key === 'x-original-to')
        .slice(0, analysisCaps.addresses)
        .map((h) => envelopeAddress(h.line))
        .filter(Boolean),
    },
    text: mail.text ? mail.text.slice(0, analysisCaps.textChars) : null,
    embedded: classification.kind === 'reply' ? [] : embeddedMessageIds(raw),
    authenticationResults: mail.headerLines
      .filter((h) => h.key === 'authentication-results')
      .slice(0, analysisCaps.authenticationResults)
      .map((h) =>
        h.line
          .slice(0, analysisCaps.authenticationResultChars)
          .replace(/^[^:]*:\s*/, '')
          .replace(/\r?\n[ \t]+/g, ' '),
      ),
    classification: cappedClassification(classification),
  };
}

/**
 * Our Message-IDs (`<uuid.token@host>`) quoted anywhere in the message. Every
 * quantifier is bounded and none can run over a `<`, so one pass is linear in
 * the message's size.
 */
export function embeddedMessageIds(raw: Buffer): string[] {
  const text = raw.toString('latin1');
  const found = new Set<string>();
  const re = /<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{8,64}@[^<>\s]{1,255}>/gi;
  for (let m = re.exec(text); m && found.size < analysisCaps.embedded; m = re.exec(text)) found.add(m[0]);
  return [...found];
}

/** Built adapters by the version of the org's corrections: rebuilding one is the costly part. */
const adapters = new Map<string, OrgAdapter>();

function adapterFor(c: OrgCorrections): OrgAdapter {
  let a = adapters.get(c.key);
  if (!a) {
    a = buildOrgAdapter(c.list.map((x) => ({ text: x.text, intent: x.intent as Intent })));
    if (adapters.size >= 32) adapters.delete(adapters.keys().next().value!);
    adapters.set(c.key, a);
  }
  return a;
}

function capped(v: string | null | undefined): string | null {
  return v ? v.slice(0, analysisCaps.headerChars) : null;
}

function messageIds(v: string | string[] | undefined): string[] {
  if (!v) return [];
  const list = Array.isArray(v) ? v : v.split(/\s+/);
  const out: string[] = [];
  for (const s of list) {
    const id = s.trim();
    if (id.startsWith('<') && id.endsWith('>') && id.length <= analysisCaps.headerChars) out.push(id);
    if (out.length >= analysisCaps.ids) break;
  }
  return out;
}

function addresses(v: AddressObject | AddressObject[] | undefined): string[] {
  if (!v) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((a) => (a?.value ?? []).map((x) => x.address ?? ''))
    .filter(Boolean);
}

/** The address of a `Delivered-To:` or `X-Original-To:` line: one bare or bracketed address, else none. */
function envelopeAddress(line: string): string {
  const value = line.slice(line.indexOf(':') + 1, 400).trim();
  const address = value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
  return address.includes('@') && !/\s/.test(address) ? address : '';
}

function named(v: AddressObject | AddressObject[] | undefined): NamedAddress[] {
  if (!v) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((a) => a?.value ?? [])
    .filter((x) => x.address)
    .slice(0, analysisCaps.addresses)
    .map((x) => ({
      address: x.address!.slice(0, 320),
      name: (x.name ?? '').slice(0, analysisCaps.nameChars),
    }));
}

function cappedClassification(c: Classification): Classification {
  const d = c.details;
  return {
    ...c,
    evidence: c.evidence
      .slice(0, analysisCaps.evidenceItems)
      .map((e) => e.slice(0, analysisCaps.evidenceChars)),
    bounce: c.bounce
      ? {
          ...c.bounce,
          recipient: c.bounce.recipient?.slice(0, 320) ?? null,
          status: c.bounce.status?.slice(0, 64) ?? null,
        }
      : null,
    details: {
      ...d,
      ...(d.replyText !== undefined ? { replyText: d.replyText.slice(0, analysisCaps.replyChars) } : {}),
      ...(d.quotedText !== undefined ? { quotedText: d.quotedText.slice(0, analysisCaps.replyChars) } : {}),
      ...(d.diagnostic ? { diagnostic: d.diagnostic.slice(0, analysisCaps.diagnosticChars) } : {}),
    },
  };
}
