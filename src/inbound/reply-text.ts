/**
 * A first cut of quote stripping: keep what the person wrote above the quoted
 * history. The full stripper (Outlook, Apple Mail, HTML-only, signatures) is
 * the classifier's job; this is enough to show the right text on the timeline.
 */
const quoteHeaders = [
  /^On .{1,200} wrote:\s*$/i,
  /^Am .{1,200} schrieb .{0,200}:\s*$/i,
  /^Le .{1,200} a écrit\s*:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}/i,
  /^_{5,}\s*$/,
  /^From:\s.+$/i,
];

export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (line.startsWith('>') || quoteHeaders.some((re) => re.test(line.trim()))) break;
    out.push(line);
  }
  return out.join('\n').trim();
}
