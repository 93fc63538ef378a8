import { describe, expect, it } from 'vitest';
import { addressIn, scanHeaders } from './raw-header-scan.ts';

const names = ['message-id', 'from', 'subject'] as const;

describe('scanning a raw header block', () => {
  it('finds values case-insensitively, unfolded, and stops at the blank line', () => {
    const raw = Buffer.from(
      'Received: from a\r\n\tby b\r\nFROM: "Dana" <Dana@Lead.Example>\r\nSubject: Re: one\r\n two\r\nMessage-Id: <x@y>\r\n\r\nSubject: body\r\n',
    );
    expect(scanHeaders(raw, names)).toEqual({
      'message-id': '<x@y>',
      from: '"Dana" <Dana@Lead.Example>',
      subject: 'Re: one two',
    });
    expect(addressIn('"Dana" <Dana@Lead.Example>')).toBe('dana@lead.example');
    expect(addressIn('dana@lead.example (Dana)')).toBe('dana@lead.example');
    expect(addressIn('nobody')).toBeNull();
    expect(
      scanHeaders(Buffer.from('Subject: a\r\n\r\nMessage-ID: <late@x>\r\n'), names)['message-id'],
    ).toBeNull();
  });

  it('is linear on hostile headers: MBs of lines without a colon, one giant header, a giant id', () => {
    const hostile = [
      Buffer.concat([Buffer.alloc(4 * 1024 * 1024, 'a\n'), Buffer.from(':\r\n\r\n')]),
      Buffer.concat([Buffer.from('X-Big: '), Buffer.alloc(8 * 1024 * 1024, 'w'), Buffer.from('\r\n\r\n')]),
      Buffer.concat([Buffer.from('Message-ID: <'), Buffer.alloc(200_000, 'w'), Buffer.from('>\r\n\r\n')]),
      Buffer.concat([
        Buffer.from('Subject: x\r\n'),
        Buffer.alloc(4 * 1024 * 1024, ' folded\r\n'),
        Buffer.from('\r\n'),
      ]),
    ];
    for (const raw of hostile) {
      const t0 = performance.now();
      const h = scanHeaders(raw, names);
      expect(performance.now() - t0).toBeLessThan(500);
      expect(h['message-id']).toBeNull();
    }
  });
});
