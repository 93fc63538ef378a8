/**
 * The daily digest of a user's warm leads (SPEC §8, an option of the
 * notification settings): each lead with what made it warm and its page,
 * and a signed one-click "mark hot". Pure: writing it is warm-lead-digest.ts.
 */
export type WarmDigestInput = {
  userName: string;
  day: string;
  leads: {
    id: string;
    name: string;
    company: string | null;
    email: string;
    humanOpens: number;
    humanClicks: number;
    warmSince: Date;
    hotLink: string | null;
  }[];
  more: number;
  baseUrl: string;
};

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function warmDigestEmail(n: WarmDigestInput): { subject: string; body: string } {
  const count = n.leads.length + n.more;
  const subject = `Your warm leads, ${n.day}: ${count} lead${count === 1 ? '' : 's'} reading your emails`;
  const lines = [
    `Hello${n.userName.trim() ? ` ${oneLine(n.userName)}` : ''},`,
    '',
    `${count} of your leads ${count === 1 ? 'is' : 'are'} warm: reading the assistant's emails (three human opens, or a click). A good moment to call or write a personal note.`,
    '',
    ...n.leads.flatMap((l, i) => [
      `${i + 1}. ${oneLine(l.name)}${l.company ? ` (${oneLine(l.company)})` : ''} <${l.email}>`,
      `   ${l.humanOpens} human open${l.humanOpens === 1 ? '' : 's'}, ${l.humanClicks} click${l.humanClicks === 1 ? '' : 's'}; warm since ${l.warmSince.toISOString().slice(0, 10)}`,
      `   Open it:     ${n.baseUrl}/leads/${l.id}`,
      ...(l.hotLink ? [`   Mark it hot: ${l.hotLink}  (one click, no sign-in, once)`] : []),
      '',
    ]),
    ...(n.more ? [`… and ${n.more} more: ${n.baseUrl}/leads?state=warm`, ''] : []),
    '-- ',
    `Nurture. You get this daily because you turned it on: ${n.baseUrl}/me`,
    '',
  ];
  return { subject, body: lines.join('\n') };
}
