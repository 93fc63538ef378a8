/**
 * A few dev-split fixtures from each public corpus (corpora/SPLIT.csv), copied
 * inline so the unit suite does not depend on the corpora folder. The full
 * sets are scored by scripts/score-quote-stripping.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeReply, stripReply } from './strip-reply.ts';

describe('discourse/email_reply_trimmer (dev)', () => {
  it('embedded_email_german_1: "via … schrieb:" and a K-9 signature under the quote', () => {
    const text =
      'alright, no big deal - I assume in this case the code needs some refactoring to better support I18N anyway.\n\n\n\n' +
      'codinghorror via Discourse Meta <info@discourse.org> schrieb:\n' +
      '>codinghorror posted in \'Visually separate "Like it too" / "Undo like"\'\n>on Discourse Meta:\n>\n>---\n' +
      '>So turns out this is sort of a complex change for something so small.\n\n--\n' +
      'Diese Nachricht wurde von meinem Android-Mobiltelefon mit K-9 Mail gesendet.';
    const out = stripReply({ text });
    expect(out.reply).toBe(
      'alright, no big deal - I assume in this case the code needs some refactoring to better support I18N anyway.',
    );
    expect(out.signature).toContain('K-9 Mail');
  });

  it('embedded_email_german_2: German attribution with "nachm."', () => {
    const text =
      'Hey:)\n\n\nAm 03.02.2016 3:35 nachm. schrieb Max Mustermann <noreply@meta.discourse.org>:\n\n> Lorem ipsum dolor sit amet.';
    expect(stripReply({ text }).reply).toBe('Hey:)');
  });
});

describe('mailgun/talon (dev)', () => {
  it('text case 1: Apple-style attribution', () => {
    const text =
      'Test reply\n\nOn 11-Apr-2011, at 6:54 PM, Roman Tkachenko <romant@example.com> wrote:\n\n>\n> Test\n>\n> Roman';
    expect(stripReply({ text }).reply).toBe('Test reply');
  });

  it('text case 25: German Outlook block', () => {
    const text =
      'Allo! Follow up MIME!\n\nVon: somebody@example.com\nGesendet: Dienstag, 25. November 2014 14:59\nAn: Somebody\n' +
      'Betreff: The manager has commented on your Loop\n\nBlah-blah-blah\n';
    expect(stripReply({ text }).reply).toBe('Allo! Follow up MIME!');
  });

  it('text case 16: the sign-off is kept apart, not lost', () => {
    const text =
      'Test reply\n\nOn 04/19/2011 07:10 AM, Roman Tkachenko wrote:\n\n>\n> Test\n\nRegards, Roman';
    const a = analyzeReply({ text });
    expect(a.reply).toBe('Test reply');
    expect(a.unquoted).toBe('Test reply\n\nRegards, Roman');
  });
});

describe('crisp-oss/email-reply-parser (dev)', () => {
  it('email_13: Italian Outlook header block', () => {
    const text =
      'Fusce bibendum.\n\nDa: Company Questions<mailto:questions@company.com>\nInviato: martedì 3 gennaio 2017 10:35\n' +
      'A: someone@hotmail.it<mailto:someone@hotmail.it>\nOggetto: Curabitur dictum aliquet mollis.\n\nEtiam non sagittis orci.';
    expect(stripReply({ text }).reply).toBe('Fusce bibendum.');
  });

  it('email_tricky_1: lines starting with "On" are not quote headers', () => {
    const text =
      "On the surface, this looks like a quote header but it's not.\n\nOn the other hand, we should be careful about edge cases.\n" +
      'On average, this parser works well.\n\nOn a separate note, I wanted to mention that performance is great.\n';
    expect(stripReply({ text })).toMatchObject({ quoted: '', signature: null });
  });

  it('email_tricky_6: "regards" inside a sentence is not a signature', () => {
    const text =
      'I wanted to discuss the issue with regards to the payment processing system.\n\nAs regards the timeline, we should be done by Friday.\n';
    expect(stripReply({ text }).signature).toBeNull();
  });
});

describe('github/email_reply_parser (dev)', () => {
  it('email_BlackBerry', () => {
    const out = stripReply({ text: 'Here is another email\n\nSent from my BlackBerry\n' });
    expect(out).toMatchObject({ reply: 'Here is another email', signature: 'Sent from my BlackBerry' });
  });

  it('email_1_1: dash-signed name and mailing-list footer', () => {
    const text =
      'Hi folks\n\nWhat is the best way to clear a Riak bucket of all key, values after\nrunning a test?\n' +
      'I am currently using the Java HTTP API.\n\n-Abhishek Kona\n\n\n_______________________________________________\n' +
      'riak-users mailing list\nriak-users@lists.basho.com\nhttp://lists.basho.com/mailman/listinfo/riak-users_lists.basho.com\n';
    const out = stripReply({ text });
    expect(out.reply).toMatch(/Java HTTP API\.$/);
    expect(out.signature).toMatch(/^-Abhishek Kona[\s\S]*riak-users mailing list/);
  });
});

describe('alfonsrv/mail-parser-reply (dev)', () => {
  it('email_danish_1: Danish attribution and closing', () => {
    const text =
      'Hej Peter,\n\nTak for din mail. Det lyder godt.\n\nMed venlig hilsen\nAnders Andersen\n\n' +
      'Den 24. nov. 2025 kl. 10.00 skrev Peter Petersen <peter@example.com>:\n\n> Hej Anders,\n> \n> Mvh\n> Peter\n';
    const out = stripReply({ text });
    expect(out.reply).toBe('Hej Peter,\n\nTak for din mail. Det lyder godt.');
    expect(out.signature).toBe('Med venlig hilsen\nAnders Andersen');
  });

  it('email_swedish_1: quoted Swedish attribution', () => {
    const text =
      'Hej Person A,\n\nUrsäkta mitt sena svar!\n\nMvh,\nPerson B \n\n> 4 dec. 2024 kl. 18:36 skrev Person A <person.a@email.com>:\n> \n> Hej Person B,\n';
    const out = stripReply({ text });
    expect(out.reply).toBe('Hej Person A,\n\nUrsäkta mitt sena svar!');
    expect(out.quoted).toContain('Hej Person B,');
  });
});

describe('closeio/quotequail (derived dev)', () => {
  it('test_unwrap#0: forwarded message under a short note', () => {
    const text =
      'Hello\n\n---------- Forwarded message ----------\nFrom: Someone <noreply@example.com>\nDate: Fri, Apr 26, 2013 at 8:13 PM\n' +
      'Subject: Weekend Spanish classes\nTo: recipient@example.com\n\nSpanish Classes\nLearn Spanish\n';
    expect(stripReply({ text }).reply).toBe('Hello');
  });
});
