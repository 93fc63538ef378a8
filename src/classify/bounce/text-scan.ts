/**
 * Recipient and diagnostic extraction from the human-readable notice of
 * bounces that carry no (or a poor) RFC 3464 report: qmail, Exim, Sendmail
 * transcripts, Exchange 2003, Domino, webmail providers… Instead of one
 * parser per MTA we look for the few layouts they share: an address alone
 * on a line (or followed by ":" / "..."), followed by indented error text.
 */
import { isDaemonAddress, matchAddresses, normalizeAddress } from './addresses.ts';

export type TextRecipient = {
  recipient: string;
  diagnostic: string;
  command: string;
};

/** "in reply to RCPT TO command" and friends → the SMTP stage at which the error happened. */
export function commandIn(text: string): string {
  const t = text.toLowerCase();
  // Gmail's relay says where the remote server refused with "(state N)".
  const state = /\(state (\d+)\)/.exec(t)?.[1];
  if (state) {
    const n = Number(state);
    if (n >= 15) return 'DATA';
    if (n === 14) return 'RCPT';
    if (n === 13) return 'HELO';
    if (n <= 7) return 'MAIL';
  }
  if (
    /smtp:data|in reply to (?:end of )?data command|after end of data|final data|after data|>>> data|in reply to data|after sending data|failed after i sent the message|end of data/.test(
      t,
    )
  )
    return 'DATA';
  if (
    /recipient address rejected|rcpt to generated|smtp:rcpt|in reply to rcpt to|after rcpt to|>>> rcpt to|does not like recipient|rcpt to:<|rcpt to: <|did not like our rcpt|most progress was rcpt|after rcpt command|rcpt command|rcpt to response/.test(
      t,
    )
  )
    return 'RCPT';
  if (
    /sender address rejected|smtp:mail|in reply to mail from|after mail from|>>> mail from|sender was rejected|mail from:<|mail from: </.test(
      t,
    )
  )
    return 'MAIL';
  if (/in reply to (?:ehlo|helo)|after (?:ehlo|helo)|>>> (?:ehlo|helo)|my name was rejected/.test(t))
    return 'HELO';
  if (
    /after initial connection|while connected to|greeting|connection refused|after connect|banner|refused to talk to me/.test(
      t,
    )
  )
    return 'CONN';
  return '';
}

type Candidate = { addr: string; line: number; rest: string };

// Address at line start, optionally bracketed, optionally followed by ":" or "..." and text.
const LEAD_ADDR =
  /^\s{0,12}(?:[*•>-]\s+)?(?:[45]\d\d[ -]+)?(?:(?:intended |failed )?recipient(?: address)?:\s*|(?:original )?address:\s*)?["<(]?([^\s<>"():,;]+@[A-Za-z0-9.[\]-]+?)[>")]?(?:\s*\((?:expanded from|generated from)[^)]*\))?((?:\s*(?::|\.\.\.)|\s).*|\s*)$/i;

function leadCandidates(lines: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('@')) continue;
    const m = LEAD_ADDR.exec(line);
    if (!m?.[1]) continue;
    const addr = normalizeAddress(m[1]);
    if (!/^[^@]+@[^@]+\.[^@]+$|^[^@]+@\[/.test(addr) && !/@[a-z0-9-]+$/i.test(addr)) continue;
    const rest = (m[2] ?? '').replace(/^\s*(?::|\.\.\.|-)\s*/, '').trim();
    out.push({ addr, line: i, rest });
  }
  return out;
}

/** Lines after the candidate that belong to it: indented or non-blank text up to a blank line / next address. */
function followingText(lines: string[], start: number, stops: Set<number>): string {
  const buf: string[] = [];
  let seenText = false;
  for (let i = start + 1; i < lines.length && buf.length < 12; i++) {
    if (stops.has(i)) break;
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      // One blank line between the address and its error text is common (Exim, Exchange),
      // and after a "For the following reason:" lead-in.
      if (seenText && !(buf[buf.length - 1] ?? '').endsWith(':')) break;
      if (i + 1 < lines.length && (lines[i + 1] ?? '').trim() === '') break;
      continue;
    }
    if (/^-{3,}|^={3,}|^_{5,}/.test(line.trim())) break;
    buf.push(line.trim());
    seenText = true;
  }
  return buf.join(' ');
}

/**
 * Sendmail "Transcript of session": `>>> RCPT To:<a>` / `<<< 550 ...` pairs.
 * Returns per-recipient the server's reply and the command it answered.
 */
export function parseTranscript(text: string): Map<string, { reply: string; command: string }> {
  const out = new Map<string, { reply: string; command: string }>();
  let rcpt = '';
  let command = '';
  const lastRcpts: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    // Sendmail writes ">>> cmd" / "<<< reply"; Postfix's smtpd transcript writes "In: cmd" / "Out: reply".
    const sent = /^(?:>>>|in:)\s*(\S+)(?:\s+(.*))?$/i.exec(line);
    if (sent) {
      const verb = (sent[1] ?? '').toUpperCase().replace(/:.*$/, '');
      if (verb === 'RCPT') {
        command = 'RCPT';
        const a = matchAddresses(sent[2] ?? '');
        rcpt = a[0] ? normalizeAddress(a[0]) : '';
        if (rcpt) lastRcpts.push(rcpt);
      } else if (verb === 'MAIL') command = 'MAIL';
      else if (verb === 'DATA' || verb === '.') command = 'DATA';
      else if (verb === 'EHLO' || verb === 'HELO') command = 'HELO';
      else command = verb;
      continue;
    }
    const got = /^(?:<<<|out:)\s*(.*)$/i.exec(line);
    if (got) {
      const reply = got[1] ?? '';
      if (!/^[45]\d\d/.test(reply)) continue;
      const targets = command === 'RCPT' && rcpt ? [rcpt] : command === 'DATA' ? lastRcpts : [rcpt];
      for (const t of targets) {
        const prev = out.get(t);
        out.set(t, { reply: prev ? `${prev.reply} ${reply}` : reply, command: prev?.command || command });
      }
    }
  }
  out.delete('');
  return out;
}

/** Exim's "A message sent by\n  <sender>\ncould not be delivered": the address after "sent by" is the sender. */
function isSenderLine(lines: string[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    const prev = (lines[j] ?? '').trim();
    if (prev === '') continue;
    return /\b(?:sent by|from|sender)\s*:?$/i.test(prev);
  }
  return false;
}

/** Recipients found in a notice, in order of appearance, each with the text that explains its failure. */
export function scanNotice(notice: string, exclude: readonly string[] = []): TextRecipient[] {
  const lines = notice.split('\n');
  const skip = new Set(exclude.map((e) => e.toLowerCase()));
  const cands = leadCandidates(lines).filter(
    (c) => !isDaemonAddress(c.addr) && !skip.has(c.addr.toLowerCase()) && !isSenderLine(lines, c.line),
  );
  const stops = new Set(cands.map((c) => c.line));
  const byAddr = new Map<string, TextRecipient>();
  for (const c of cands) {
    // Sendmail's "550 <a@b>... User unknown" summary lines stand alone.
    const standalone = /^\s*[45]\d\d[ -]/.test(lines[c.line] ?? '') && c.rest !== '';
    const after = standalone ? '' : followingText(lines, c.line, stops);
    const diag = [c.rest, after].filter(Boolean).join(' ').trim();
    const prev = byAddr.get(c.addr);
    if (prev) {
      if (diag && !prev.diagnostic.includes(diag)) prev.diagnostic = `${prev.diagnostic} ${diag}`.trim();
      continue;
    }
    byAddr.set(c.addr, { recipient: c.addr, diagnostic: diag, command: '' });
  }
  return [...byAddr.values()];
}

/**
 * Last resort: an address in a sentence such as "could not be delivered to
 * <a@b>" or "The following message to <a@b> was undeliverable".
 */
export function sentenceRecipient(notice: string, exclude: readonly string[] = []): string | null {
  const re =
    /(?:deliver(?:ed|y|ing)?(?: your (?:mail|message))? (?:to|for)|message to|recipient|addressed to|sent to|destinataire|destinatario|empf[aä]nger|to the following (?:recipient|address)(?:es|s)?:?)\s*:?\s*["<(]?([^\s<>"():,;]+@[^\s<>"():,;]+\.[^\s<>"():,;]+)/i;
  const m = re.exec(notice);
  const skip = new Set(exclude.map((e) => e.toLowerCase()));
  if (m?.[1]) {
    const a = normalizeAddress(m[1]);
    if (!isDaemonAddress(a) && !skip.has(a.toLowerCase())) return a;
  }
  // Any address in the notice that is not a robot or the sender is the best remaining guess.
  for (const raw of matchAddresses(notice)) {
    const a = normalizeAddress(raw);
    if (!isDaemonAddress(a) && !skip.has(a.toLowerCase()) && /\.[a-z]{2,}$/i.test(a)) return a;
  }
  return null;
}

/**
 * Lines of the notice that carry an SMTP reply or status code and mention
 * `recipient` (or any recipient when `recipient` is null): the server's own
 * words, often printed away from the address list (Gmail "Technical details",
 * Sendmail transcripts).
 */
export function errorLines(notice: string, recipient: string | null): string[] {
  const out: string[] = [];
  const lines = notice.split('\n');
  const want = recipient?.toLowerCase() ?? null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!/(?:^|[\s:([])[45]\d\d[\s-]|[45]\.\d{1,3}\.\d{1,3}/.test(line)) continue;
    if (want && !line.toLowerCase().includes(want)) continue;
    // Wrapped replies continue on the next indented line(s).
    let full = line;
    for (let j = i + 1; j < lines.length && j < i + 6; j++) {
      const next = lines[j] ?? '';
      if (!/^\s+\S/.test(next) || /@/.test(next.split(/\s/).find(Boolean) ?? '')) break;
      full += ` ${next.trim()}`;
    }
    out.push(full);
  }
  return out;
}

/** The body of a Sendmail-style "Transcript of session follows" section, without the SMTP echo lines. */
export function transcriptText(notice: string): string {
  const m = /-+\s*transcript of session follows\s*-+\n([\s\S]*?)(?:\n\s*-{3,}|$)/i.exec(notice);
  if (!m?.[1]) return '';
  return m[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(?:>>>|\.\.\. while talking)/i.test(l))
    .join(' ');
}

/** Paragraph openers that introduce the remote server's explanation in provider templates. */
const DETAIL_LEAD =
  /^\s*(?:technical details|reason|diagnostic(?: code| information)?|the (?:error|response)(?: that the other server returned| from the remote server)? (?:was|is)|error message below|remote (?:host|server) said|for the following reason)\b/i;

/**
 * Paragraphs (up to a blank line) that begin with an explanation lead-in:
 * Gmail's "Technical details of temporary failure:", "Reason:", and similar.
 * They sit apart from the address list in single-recipient notices.
 */
export function detailParagraphs(notice: string): string[] {
  const out: string[] = [];
  const lines = notice.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!DETAIL_LEAD.test(lines[i] ?? '')) continue;
    const para: string[] = [];
    for (let j = i; j < lines.length && j < i + 12; j++) {
      const l = (lines[j] ?? '').trim();
      if (l === '' && para.length > 0 && !(para[para.length - 1] ?? '').endsWith(':')) break;
      if (l) para.push(l);
    }
    out.push(para.join(' '));
  }
  return out;
}
