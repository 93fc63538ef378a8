import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { stripReply } from './strip-reply.ts';

const QUOTE = '\n> Hi Max, would you like a demo next week?\n> Reply STOP to unsubscribe.\n';

describe('stripReply on plain text', () => {
  it.each([
    ['en', 'On Mon, Jan 6, 2025 at 10:15 AM Sam <sam@example.com> wrote:'],
    ['de', 'Am 06.01.2025 um 10:15 schrieb Sam <sam@example.com>:'],
    ['fr', 'Le lun. 6 janv. 2025 à 10:15, Sam <sam@example.com> a écrit :'],
    ['es', 'El lun, 6 ene 2025 a las 10:15, Sam (<sam@example.com>) escribió:'],
    ['pt', 'Em seg., 6 de jan. de 2025 às 10:15, Sam <sam@example.com> escreveu:'],
    ['nl', 'Op ma 6 jan 2025 om 10:15 schreef Sam <sam@example.com>:'],
    ['it', 'Il giorno lun 6 gen 2025 alle ore 10:15 Sam <sam@example.com> ha scritto:'],
  ])('strips a %s attribution and its quote', (_lang, attribution) => {
    const out = stripReply({ text: `Yes, Tuesday at 3pm works.\n\n${attribution}\n${QUOTE}` });
    expect(out.reply).toBe('Yes, Tuesday at 3pm works.');
    expect(out.quoted).toContain('STOP');
    expect(out.evidence.some((e) => e.startsWith('quote: attribution'))).toBe(true);
  });

  it('strips an Outlook header block and the unquoted history below it', () => {
    const text =
      'Please remove me from your list.\n\n________________________________\nFrom: Sam <sam@example.com>\n' +
      'Sent: Monday, January 6, 2025 10:15 AM\nTo: Max\nSubject: Demo\n\nHi Max, would you like a demo?';
    const out = stripReply({ text });
    expect(out.reply).toBe('Please remove me from your list.');
    expect(out.quoted).toMatch(/^________________________________\nFrom: Sam/);
  });

  it('keeps bottom-posted and inline answers, not the quotes between them', () => {
    const text = '> What about option A?\n\nA is great.\n\n> And option B?\n\nB is not for us.\n';
    expect(stripReply({ text }).reply).toBe('A is great.\n\nB is not for us.');
  });

  it('separates the signature from the reply', () => {
    const text =
      'Send me the deck please.\n\nMit freundlichen Grüßen\nMax Mustermann\nVertrieb\n\nAm 06.01.2025 um 10:15 schrieb Sam <sam@example.com>:\n> Hallo';
    const out = stripReply({ text });
    expect(out.reply).toBe('Send me the deck please.');
    expect(out.signature).toBe('Mit freundlichen Grüßen\nMax Mustermann\nVertrieb');
  });

  it('treats unmarked text under a phone footer as history', () => {
    const text = 'Ping me in March.\n\nSent from my iPhone\n\nHi Max, would you like a demo?';
    const out = stripReply({ text });
    expect(out.reply).toBe('Ping me in March.');
    expect(out.signature).toBe('Sent from my iPhone');
    expect(out.quoted).toContain('would you like a demo');
  });

  it('removes a gateway banner on top', () => {
    const text =
      'CAUTION: This email originated from outside of the organization.\n\nI have left the company.';
    const out = stripReply({ text });
    expect(out.reply).toBe('I have left the company.');
    expect(out.evidence[0]).toMatch(/^banner:/);
  });

  it('does not take sentences starting with "On" for attributions', () => {
    const text =
      'On the surface this looks fine.\n\nOn the other hand, we should be careful.\nOn average it works.';
    expect(stripReply({ text })).toMatchObject({ reply: text, quoted: '', signature: null });
  });

  it('leaves signature-like lines inside code fences alone', () => {
    const text = 'See:\n\n```\n--\nSent from my iPhone\n```\n\nThat is the bug.';
    expect(stripReply({ text }).reply).toBe(text);
  });

  it('returns an empty reply when everything is history', () => {
    expect(
      stripReply({ text: '-----Original Message-----\nFrom: a@b.c\nSent: today 10:00\nTo: d\n\nOld text' })
        .reply,
    ).toBe('');
  });

  it('handles missing input', () => {
    expect(stripReply({ text: null, html: null })).toEqual({
      reply: '',
      quoted: '',
      signature: null,
      evidence: [],
    });
  });
});

/** A raw RFC 5322 message, as the inbound pipeline would receive it. */
function rawMessage(headers: string[], body: string): string {
  return [
    ...headers,
    'From: Max <max@example.com>',
    'To: sam@example.com',
    'Subject: Re: Demo',
    '',
    body,
  ].join('\r\n');
}

describe('stripReply after simpleParser', () => {
  it('reads a base64 text/plain body', async () => {
    const text = 'Ja, Dienstag passt.\n\nAm 06.01.2025 um 10:15 schrieb Sam <sam@example.com>:\n> Demo?\n';
    const raw = rawMessage(
      ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
      Buffer.from(text, 'utf8').toString('base64'),
    );
    const mail = await simpleParser(raw);
    expect(stripReply({ text: mail.text, html: mail.html || null }).reply).toBe('Ja, Dienstag passt.');
  });

  it('reads a quoted-printable latin-1 body', async () => {
    const body =
      'Tr=E8s bien, merci.\r\n\r\nLe 6 janv. 2025 =E0 10:15, Sam <sam@example.com> a =E9crit :\r\n> D=E9mo ?\r\n';
    const raw = rawMessage(
      [
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
      ],
      body,
    );
    const mail = await simpleParser(raw);
    const out = stripReply({ text: mail.text, html: mail.html || null });
    expect(out.reply).toBe('Très bien, merci.');
    expect(out.quoted).toContain('Démo ?');
  });

  it('reads an HTML-only message', async () => {
    const html =
      '<div>Please send more information.</div><div class=3D"gmail_quote"><div class=3D"gmail_attr">On Mon, Jan 6, 2025 =\r\n' +
      'at 10:15 AM Sam &lt;sam@example.com&gt; wrote:</div><blockquote class=3D"gmail_quote">Demo?</blockquote></div>';
    const raw = rawMessage(
      [
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
      ],
      html,
    );
    const mail = await simpleParser(raw);
    expect(mail.text).toBeTruthy(); // mailparser derives text from HTML; both paths must agree
    const fromHtml = stripReply({ html: mail.html || null });
    expect(fromHtml.reply).toBe('Please send more information.');
    expect(fromHtml.evidence).toContain('html: quote marker div.gmail_quote');
    expect(stripReply({ text: mail.text, html: mail.html || null }).reply).toBe(
      'Please send more information.',
    );
  });

  it('reads a multipart/alternative message', async () => {
    const raw = rawMessage(
      ['MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"'],
      [
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Not interested.',
        '',
        'On Mon, Jan 6, 2025 at 10:15 AM Sam <sam@example.com> wrote:',
        '> Demo?',
        '--b1',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<div>Not interested.</div><blockquote type="cite">Demo?</blockquote>',
        '--b1--',
      ].join('\r\n'),
    );
    const mail = await simpleParser(raw);
    expect(stripReply({ text: mail.text, html: mail.html || null }).reply).toBe('Not interested.');
  });
});
