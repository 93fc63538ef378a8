import { randomBytes } from 'node:crypto';

/**
 * Adversarial inbound messages (issue 8), made with Buffer operations so even
 * 40 MB ones take milliseconds: long runs of word characters, deeply nested
 * MIME, huge headers, thousands of parts, pathological HTML.
 */
export type Bomb = { name: string; raw: Buffer };

const head = (name: string, extra = '') =>
  `From: Mallory <mallory@attacker.example>\r\nTo: {to}\r\nSubject: ${name}\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <bomb-${randomBytes(6).toString('hex')}@attacker.example>\r\n${extra}`;

const build = (name: string, to: string, parts: (string | Buffer)[]): Bomb => ({
  name,
  raw: Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p.replace('{to}', to)) : p))),
});

export function bombs(to: string, opts: { hugeBytes: number }): Bomb[] {
  const MB = 1024 * 1024;
  const plain = 'Content-Type: text/plain; charset=utf-8\r\n\r\n';
  const html = 'Content-Type: text/html; charset=utf-8\r\n\r\n';
  const nested = (levels: number) => {
    const open: string[] = [];
    const close: string[] = [];
    for (let i = 0; i < levels; i++) {
      open.push(`Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n`);
      close.push(`\r\n--n${levels - 1 - i}--\r\n`);
    }
    return `${open.join('')}Content-Type: text/plain\r\n\r\nhello${close.join('')}`;
  };
  const manyParts = (count: number) => {
    const parts: string[] = ['Content-Type: multipart/mixed; boundary="p"\r\n\r\n'];
    for (let i = 0; i < count; i++) parts.push(`--p\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
    parts.push('--p--\r\n');
    return parts.join('');
  };
  return [
    build('a 1 KB run of word characters', to, [head('run 1k'), plain, Buffer.alloc(1024, 'a')]),
    build('a 150 KB run of word characters', to, [head('run 150k'), plain, Buffer.alloc(150 * 1024, 'a')]),
    build('a 2 MB run of word characters and digits', to, [
      head('run 2m'),
      plain,
      Buffer.alloc(2 * MB, 'a1_'),
    ]),
    build('MIME nested 1,000 levels deep', to, [head('nested', 'MIME-Version: 1.0\r\n'), nested(1000)]),
    build('10,000 parts', to, [head('parts', 'MIME-Version: 1.0\r\n'), manyParts(10_000)]),
    build('4 MB of header lines', to, [
      head('header lines'),
      Buffer.alloc(4 * MB, 'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'),
      plain,
      'hello',
    ]),
    build('one 3 MB header', to, [
      head('giant header'),
      'X-Giant: ',
      Buffer.alloc(3 * MB, 'b'),
      '\r\n',
      plain,
      'hi',
    ]),
    build('HTML nested 200,000 deep', to, [head('deep html'), html, Buffer.alloc(1 * MB, '<div>'), 'x']),
    build('an HTML attribute of 3 MB', to, [
      head('huge attribute'),
      html,
      '<a href="',
      Buffer.alloc(3 * MB, 'x'),
      '">x</a>',
    ]),
    build('1 MB of unclosed HTML tags', to, [
      head('unclosed'),
      html,
      Buffer.alloc(1 * MB, '<b><i><p class=x>'),
    ]),
    build(`a ${Math.round(opts.hugeBytes / MB)} MB run of word characters`, to, [
      head('huge run'),
      plain,
      Buffer.alloc(opts.hugeBytes - 400, 'w'),
    ]),
  ];
}
