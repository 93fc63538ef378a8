/**
 * Inline HTML cases from mailgun/talon tests/html_quotations_test.py (Apache-2.0,
 * 71d9b6eb), transcribed: the expected value is the visible text of talon's
 * expected HTML, compared with all whitespace removed as the upstream test does.
 * Only cases that state the reply are here (not the "output is valid HTML" ones).
 */

export type TalonHtmlCase = { test: string; html: string; expected: string };

export const TALON_HTML_INLINE: readonly TalonHtmlCase[] = [
  {
    test: 'test_quotation_splitter_inside_blockquote',
    html: 'Reply\n<blockquote>\n\n  <div>\n    On 11-Apr-2011, at 6:54 PM, Bob &lt;bob@example.com&gt; wrote:\n  </div>\n\n  <div>\n    Test\n  </div>\n\n</blockquote>',
    expected: 'Reply',
  },
  {
    test: 'test_quotation_splitter_outside_blockquote',
    html: 'Reply\n\n<div>\n  On 11-Apr-2011, at 6:54 PM, Bob &lt;bob@example.com&gt; wrote:\n</div>\n\n<blockquote>\n  <div>\n    Test\n  </div>\n</blockquote>\n',
    expected: 'Reply',
  },
  {
    test: 'test_regular_blockquote',
    html: 'Reply\n<blockquote>Regular</blockquote>\n\n<div>\n  On 11-Apr-2011, at 6:54 PM, Bob &lt;bob@example.com&gt; wrote:\n</div>\n\n<blockquote>\n  <div>\n    <blockquote>Nested</blockquote>\n  </div>\n</blockquote>\n',
    expected: 'Reply Regular',
  },
  {
    test: 'test_no_blockquote',
    html: '\n<html>\n<body>\nReply\n\n<div>\n  On 11-Apr-2011, at 6:54 PM, Bob &lt;bob@example.com&gt; wrote:\n</div>\n\n<div>\n  Test\n</div>\n</body>\n</html>\n',
    expected: 'Reply',
  },
  {
    test: 'test_gmail_quote',
    html: 'Reply\n<div class="gmail_quote">\n  <div class="gmail_quote">\n    On 11-Apr-2011, at 6:54 PM, Bob &lt;bob@example.com&gt; wrote:\n    <div>\n      Test\n    </div>\n  </div>\n</div>',
    expected: 'Reply',
  },
  {
    test: 'test_gmail_quote_compact',
    html: 'Reply<div class="gmail_quote"><div class="gmail_quote">On 11-Apr-2011, at 6:54 PM, Bob &lt;bob@example.com&gt; wrote:<div>Test</div></div></div>',
    expected: 'Reply',
  },
  {
    test: 'test_gmail_quote_blockquote',
    html: 'Message\n<blockquote class="gmail_quote">\n  <div class="gmail_default">\n    My name is William Shakespeare.\n    <br/>\n  </div>\n</blockquote>',
    expected: 'Message My name is William Shakespeare.',
  },
  {
    test: 'test_unicode_in_reply',
    html: 'Reply \u00a0 \u00a0 Text<br>\n\n<div>\n  <br>\n</div>\n\n<blockquote>\n  Quote\n</blockquote>',
    expected: 'Reply Text',
  },
  {
    test: 'test_blockquote_disclaimer',
    html: '\n<html>\n  <body>\n  <div>\n    <div>\n      message\n    </div>\n    <blockquote>\n      Quote\n    </blockquote>\n  </div>\n  <div>\n    disclaimer\n  </div>\n  </body>\n</html>\n',
    expected: 'message disclaimer',
  },
  {
    test: 'test_date_block',
    html: '\n<div>\n  message<br>\n  <div>\n    <hr>\n    Date: Fri, 23 Mar 2012 12:35:31 -0600<br>\n    To: <a href="mailto:bob@example.com">bob@example.com</a><br>\n    From: <a href="mailto:rob@example.com">rob@example.com</a><br>\n    Subject: You Have New Mail From Mary!<br><br>\n\n    text\n  </div>\n</div>\n',
    expected: 'message',
  },
  {
    test: 'test_from_block',
    html: '<div>\nmessage<br>\n<div>\n<hr>\nFrom: <a href="mailto:bob@example.com">bob@example.com</a><br>\nDate: Fri, 23 Mar 2012 12:35:31 -0600<br>\nTo: <a href="mailto:rob@example.com">rob@example.com</a><br>\nSubject: You Have New Mail From Mary!<br><br>\n\ntext\n</div></div>\n',
    expected: 'message',
  },
  {
    test: 'test_reply_shares_div_with_from_block',
    html: '\n<body>\n  <div>\n\n    Blah<br><br>\n\n    <hr>Date: Tue, 22 May 2012 18:29:16 -0600<br>\n    To: xx@hotmail.ca<br>\n    From: quickemail@ashleymadison.com<br>\n    Subject: You Have New Mail From x!<br><br>\n\n  </div>\n</body>',
    expected: 'Blah',
  },
  {
    test: 'test_from_block_and_quotations_in_separate_divs',
    html: '\nReply\n<div>\n  <hr/>\n  <div>\n    <font>\n      <b>From: bob@example.com</b>\n      <b>Date: Thu, 24 Mar 2016 08:07:12 -0700</b>\n    </font>\n  </div>\n  <div>\n    Quoted message\n  </div>\n</div>\n',
    expected: 'Reply',
  },
  {
    test: 'test_CRLF',
    html: 'My\r\nreply\r\n<blockquote>\r\n\r\n  <div>\r\n    On 11-Apr-2011, at 6:54 PM, Bob &lt;bob@example.com&gt; wrote:\r\n  </div>\r\n\r\n  <div>\r\n    Test\r\n  </div>\r\n\r\n</blockquote>',
    expected: 'My reply',
  },
];
