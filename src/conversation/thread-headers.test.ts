import { describe, expect, it } from 'vitest';
import { foldQuoted, messageAsAssistant } from './message-text.ts';
import { maxReferences, replyPlace, type ThreadEntry, threadSubject } from './thread-headers.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 10, minutes));
const out = (
  id: string,
  minutes: number,
  references: string[] = [],
  subject = 'Quick question',
): ThreadEntry => ({
  direction: 'out',
  at: at(minutes),
  messageId: id,
  subject,
  references,
  from: 'Alex <alex@acme.example>',
  text: `Text of ${id}`,
});
const reply = (id: string | null, minutes: number, subject = 'Re: Quick question'): ThreadEntry => ({
  direction: 'in',
  at: at(minutes),
  messageId: id,
  subject,
  from: 'jane@globex.example',
  text: 'Thursday at 3 works',
});

describe('replyPlace', () => {
  it('is null with nothing sent or received: the message starts a thread', () => {
    expect(replyPlace([])).toBeNull();
  });

  it("answers the lead's reply, the latest message, with the chain of the email it answered", () => {
    const place = replyPlace([
      reply('<r1@globex>', 30),
      out('<s2@acme>', 20, ['<s1@acme>']),
      out('<s1@acme>', 0),
    ])!;
    expect(place.inReplyTo).toBe('<r1@globex>');
    expect(place.references).toEqual(['<s1@acme>', '<s2@acme>', '<r1@globex>']);
    expect(place.subject).toBe('Re: Quick question');
    expect(place.answering.direction).toBe('in');
  });

  it('answers our own latest email when the lead has not replied since', () => {
    const place = replyPlace([
      out('<s1@acme>', 0),
      reply('<r1@globex>', 5),
      out('<m1@acme>', 9, ['<s1@acme>', '<r1@globex>'], 'Re: Quick question'),
    ])!;
    expect(place.inReplyTo).toBe('<m1@acme>');
    expect(place.references).toEqual(['<s1@acme>', '<r1@globex>', '<m1@acme>']);
    expect(place.subject).toBe('Re: Quick question');
  });

  it('a reply without a Message-ID is answered in the chain it belongs to', () => {
    const place = replyPlace([out('<s1@acme>', 0), reply(null, 5)])!;
    expect(place.inReplyTo).toBe('<s1@acme>');
    expect(place.references).toEqual(['<s1@acme>']);
  });

  it('a long thread keeps its root and its latest ids', () => {
    const refs = Array.from({ length: 40 }, (_, i) => `<s${i}@acme>`);
    const place = replyPlace([out('<last@acme>', 50, refs)])!;
    expect(place.references).toHaveLength(maxReferences);
    expect(place.references[0]).toBe('<s0@acme>');
    expect(place.references.at(-1)).toBe('<last@acme>');
  });
});

describe('threadSubject', () => {
  it.each([
    ['Re: Quick question', 'Quick question'],
    ['RE: Re: AW: Quick question', 'Quick question'],
    ['Fwd: Sv: Quick question', 'Quick question'],
    ['Regarding the offer', 'Regarding the offer'],
    [null, ''],
  ])('%s → %s', (subject, thread) => {
    expect(threadSubject(subject)).toBe(thread);
  });
});

describe('the text of a message as the assistant', () => {
  const assistant = { name: 'Alex', signature: 'Alex\nSales, Acme', calendarUrl: null };

  it("is the user's words, the assistant's sign-off and the answered message quoted", () => {
    const text = messageAsAssistant('  Great, see you Thursday.\r\n', assistant, reply('<r1@globex>', 30));
    expect(text).toBe(
      `Great, see you Thursday.\n\nBest regards,\nAlex\nSales, Acme\n\nOn ${at(30).toUTCString()}, jane@globex.example wrote:\n> Thursday at 3 works\n`,
    );
  });

  it('folds back into what was written and the quote, without the unsubscribe line', () => {
    const sent = `${messageAsAssistant('Great, see you Thursday.', assistant, reply('<r1@globex>', 30))}\n--\nDon't want to hear from me again? Unsubscribe: https://n.example/u/tok\n`;
    const folded = foldQuoted(sent);
    expect(folded.text).toBe('Great, see you Thursday.\n\nBest regards,\nAlex\nSales, Acme');
    expect(folded.quoted).toContain('> Thursday at 3 works');
    expect(foldQuoted('Just this.')).toEqual({ text: 'Just this.', quoted: null });
  });
});
