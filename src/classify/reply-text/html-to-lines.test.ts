import { describe, expect, it } from 'vitest';
import { htmlToLines } from './html-to-lines.ts';
import { stripReply } from './strip-reply.ts';

const GMAIL =
  '<div dir="ltr">Tuesday works for me.<div><br></div><div>Best,</div><div>Anna</div></div><br>' +
  '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Jan 6, 2025 at 10:15 AM Sam &lt;' +
  '<a href="mailto:sam@example.com">sam@example.com</a>&gt; wrote:<br></div>' +
  '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204)">' +
  '<div dir="ltr">Would you like a demo? Reply STOP to unsubscribe.</div></blockquote></div>';

const APPLE =
  '<html><body><div>Not interested, thanks.</div><div><br><blockquote type="cite"><div>On 6 Jan 2025, at 10:15, ' +
  'Sam &lt;sam@example.com&gt; wrote:</div><br><div><div>Would you like a demo?</div></div></blockquote></div></body></html>';

const OUTLOOK =
  '<html><body><div class="WordSection1"><p class="MsoNormal">Please send the brochure.<o:p></o:p></p>' +
  '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Regards,<o:p></o:p></p><p class="MsoNormal">Max<o:p></o:p></p>' +
  '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> Sam ' +
  '&lt;sam@example.com&gt;<br><b>Sent:</b> Monday, January 6, 2025 10:15 AM<br><b>To:</b> Max<br><b>Subject:</b> Demo</p></div>' +
  '<p class="MsoNormal">Would you like a demo?</p></div></body></html>';

const OUTLOOK_WEB =
  '<div>Let us talk in March.</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%">' +
  '<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Sam &lt;sam@example.com&gt;<br><b>Sent:</b> Monday, January 6, 2025' +
  '<br><b>To:</b> Max<br><b>Subject:</b> Demo</div><div>Would you like a demo?</div>';

const THUNDERBIRD =
  '<p>Wrong person, please contact Eva.</p><div class="moz-cite-prefix">Am 06.01.25 um 10:15 schrieb Sam:<br></div>' +
  '<blockquote type="cite">Would you like a demo?</blockquote>';

const YAHOO =
  '<div class="ydp1"><div>Call me next week.</div></div><div id="yahoo_quoted_123" class="yahoo_quoted">' +
  '<div>On Monday, January 6, 2025, 10:15:00 AM GMT+1, Sam &lt;sam@example.com&gt; wrote:</div><div>Would you like a demo?</div></div>';

describe('htmlToLines', () => {
  it('keeps the line structure of blocks and <br>', () => {
    expect(htmlToLines('<div>Hi</div><div><br></div><div>one<br>two</div>').lines).toEqual([
      'Hi',
      '',
      'one',
      'two',
    ]);
  });

  it('decodes entities and collapses whitespace', () => {
    expect(htmlToLines('<p>Fish &amp;   chips\n  &lt;3</p>').lines).toEqual(['Fish & chips <3']);
  });

  it('drops style, script and head', () => {
    expect(
      htmlToLines('<head><title>x</title><style>p{}</style></head><p>Hello</p><script>1</script>').lines,
    ).toEqual(['Hello']);
  });

  it('turns blockquotes into ">" lines', () => {
    expect(htmlToLines('Reply<blockquote>Quote<blockquote>Nested</blockquote></blockquote>').lines).toEqual([
      'Reply',
      '> Quote',
      '> > Nested',
    ]);
  });

  it('does not quote Gmail indentation', () => {
    const html = '<blockquote style="margin:0 0 0 40px;border:none;padding:0px">Indented</blockquote>';
    expect(htmlToLines(html).lines).toEqual(['Indented']);
  });

  it('quotes everything after an Outlook reply header', () => {
    const { lines, markers } = htmlToLines(OUTLOOK_WEB);
    expect(lines[0]).toBe('Let us talk in March.');
    expect(lines.slice(1).every((l) => l.startsWith('>') || l.startsWith('___'))).toBe(true);
    expect(markers).toContain('div#appendonsend');
  });
});

describe('stripReply on HTML-only mail', () => {
  it.each([
    ['Gmail', GMAIL, 'Tuesday works for me.', 'Best,\nAnna'],
    ['Apple Mail', APPLE, 'Not interested, thanks.', null],
    ['Outlook desktop', OUTLOOK, 'Please send the brochure.', 'Regards,\nMax'],
    ['Outlook web', OUTLOOK_WEB, 'Let us talk in March.', null],
    ['Thunderbird', THUNDERBIRD, 'Wrong person, please contact Eva.', null],
    ['Yahoo', YAHOO, 'Call me next week.', null],
  ])('strips %s history', (_client, html, reply, signature) => {
    const out = stripReply({ html });
    expect(out.reply).toBe(reply);
    expect(out.signature).toBe(signature);
    expect(out.quoted).toMatch(/demo/);
    expect(out.evidence.some((e) => e.startsWith('html:') || e.startsWith('quote:'))).toBe(true);
  });
});

describe('signature markup', () => {
  it('splits off a Gmail signature block', () => {
    const html =
      '<div dir="ltr">Send me the deck.<br clear="all"><div><br></div><div dir="ltr" class="gmail_signature">' +
      '<div>Anna Berg</div><div>Head of Ops</div></div></div>';
    expect(stripReply({ html })).toMatchObject({
      reply: 'Send me the deck.',
      signature: '--\nAnna Berg\nHead of Ops',
    });
  });

  it('prefers HTML when the text part shows no history but the markup does', () => {
    const html = '<div>No thanks.</div><blockquote type="cite">Would you like a demo?</blockquote>';
    const out = stripReply({ text: 'No thanks.\nWould you like a demo?', html });
    expect(out.reply).toBe('No thanks.');
    expect(out.quoted).toBe('> Would you like a demo?');
  });
});
