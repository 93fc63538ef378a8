import { describe, expect, it } from 'vitest';
import { headerField, matchHeaderBlock } from './header-block.ts';
import { matchQuoteStart } from './quote-markers.ts';

// Outlook's header block as each localisation writes it.
const OUTLOOK_BLOCKS: [string, string[]][] = [
  [
    'en',
    [
      'From: John Smith <john@example.com>',
      'Sent: Monday, January 6, 2025 10:15 AM',
      'To: Jane Doe <jane@example.com>',
      'Subject: RE: Demo',
    ],
  ],
  [
    'de',
    [
      'Von: John Smith <john@example.com>',
      'Gesendet: Montag, 6. Januar 2025 10:15',
      'An: Jane Doe',
      'Betreff: AW: Demo',
    ],
  ],
  [
    'fr',
    [
      'De : John Smith <john@example.com>',
      'Envoyé : lundi 6 janvier 2025 10:15',
      'À : Jane Doe',
      'Objet : RE: Démo',
    ],
  ],
  [
    'es',
    [
      'De: John Smith <john@example.com>',
      'Enviado: lunes, 6 de enero de 2025 10:15',
      'Para: Jane Doe',
      'Asunto: RE: Demo',
    ],
  ],
  [
    'pt',
    [
      'De: John Smith <john@example.com>',
      'Enviada em: segunda-feira, 6 de janeiro de 2025 10:15',
      'Para: Jane',
      'Assunto: RE: Demo',
    ],
  ],
  [
    'nl',
    [
      'Van: John Smith <john@example.com>',
      'Verzonden: maandag 6 januari 2025 10:15',
      'Aan: Jane Doe',
      'Onderwerp: RE: Demo',
    ],
  ],
  [
    'it',
    [
      'Da: John Smith <john@example.com>',
      'Inviato: lunedì 6 gennaio 2025 10:15',
      'A: Jane Doe',
      'Oggetto: R: Demo',
    ],
  ],
  [
    'sv',
    [
      'Från: John Smith <john@example.com>',
      'Skickat: den 6 januari 2025 10:15',
      'Till: Jane Doe',
      'Ämne: SV: Demo',
    ],
  ],
  [
    'da',
    ['Fra: John Smith <john@example.com>', 'Sendt: 6. januar 2025 10:15', 'Til: Jane Doe', 'Emne: SV: Demo'],
  ],
  [
    'fi',
    [
      'Lähettäjä: John Smith <john@example.com>',
      'Lähetetty: maanantai 6. tammikuuta 2025 10.15',
      'Vastaanottaja: Jane',
      'Aihe: VS: Demo',
    ],
  ],
  [
    'pl',
    [
      'Od: John Smith <john@example.com>',
      'Wysłane: poniedziałek, 6 stycznia 2025 10:15',
      'Do: Jane Doe',
      'Temat: RE: Demo',
    ],
  ],
  [
    'ru',
    [
      'От: John Smith <john@example.com>',
      'Отправлено: 6 января 2025 г. 10:15',
      'Кому: Jane Doe',
      'Тема: RE: Demo',
    ],
  ],
  [
    'uk',
    [
      'Від: John Smith <john@example.com>',
      'Надіслано: 6 січня 2025 р. 10:15',
      'Кому: Jane Doe',
      'Тема: RE: Demo',
    ],
  ],
  [
    'zh',
    [
      '发件人: John Smith <john@example.com>',
      '发送时间: 2025年1月6日 10:15',
      '收件人: Jane Doe',
      '主题: 回复: Demo',
    ],
  ],
  [
    'ja',
    [
      '差出人: John Smith <john@example.com>',
      '送信日時: 2025年1月6日 10:15',
      '宛先: Jane Doe',
      '件名: RE: Demo',
    ],
  ],
  [
    'bold',
    [
      '*From:* John Smith [mailto:john@example.com]',
      '*Sent:* Monday, January 6, 2025 10:15 AM',
      '*To:* Jane',
      '*Subject:* Demo',
    ],
  ],
  [
    'lotus tabs',
    [
      'From:\tJohn Smith <john@example.com>',
      'To:\tJane Doe <jane@example.com>',
      'Date:\t01/06/2025 10:15 AM',
      'Subject:\tRe: Demo',
    ],
  ],
];

describe('matchHeaderBlock', () => {
  it.each(OUTLOOK_BLOCKS)('finds the %s block', (_lang, block) => {
    const lines = ['Sounds good.', '', ...block, '', 'Original text'];
    expect(matchHeaderBlock(lines, 2)).toMatchObject({ start: 2, end: 2 + block.length });
  });

  it('starts the block at the Outlook rule above it', () => {
    const lines = [
      'Yes',
      '________________________________',
      'From: A <a@example.com>',
      'Sent: 6 Jan 2025 10:15',
      'To: B',
    ];
    expect(matchHeaderBlock(lines, 2)?.start).toBe(1);
  });

  it('takes wrapped values with the block', () => {
    const lines = [
      'From: Human Resources',
      '<hr@example.com>',
      'Sent: Monday, August 26, 2019 4:37 PM',
      'To: Abhishek',
    ];
    expect(matchHeaderBlock(lines, 0)).toMatchObject({ start: 0, end: 4 });
  });

  it('needs more than one field', () => {
    expect(matchHeaderBlock(['From: my desk', 'we ship on Monday'], 0)).toBeNull();
    expect(matchHeaderBlock(['To: all staff', 'Cc: the board'], 0)).toBeNull();
  });

  it('is not fooled by an appointment', () => {
    const lines = ['Date: Wednesday 3, October 2011', 'Time: 7 : 00am', 'Address: 130 Fox St'];
    expect(matchHeaderBlock(lines, 0)).toBeNull();
  });

  it('reads field names case-insensitively but not inside words', () => {
    expect(headerField('SUBJECT: hi')).toBe('subject');
    expect(headerField('To summarise: yes')).toBeNull();
  });
});

describe('matchQuoteStart', () => {
  it.each([
    '-----Original Message-----',
    '----- Original Message -----',
    '*-------- Original Message --------*',
    '-----Ursprüngliche Nachricht-----',
    "-------- Message d'origine --------",
    '-------- Mensaje original --------',
    '-------- Mensagem original --------',
    '-------- Oorspronkelijk bericht --------',
    '-------- Messaggio originale --------',
    '-----Oprindelig meddelelse-----',
    '---------- Forwarded message ---------',
    '---------- Weitergeleitete Nachricht ----------',
    'Begin forwarded message:',
    'Début du message réexpédié :',
    '------------------ 原始邮件 ------------------',
  ])('treats "%s" as a separator', (line) => {
    expect(matchQuoteStart(['Reply', '', line, 'From: x'], 2)).not.toBeNull();
  });

  it('accepts "Bob wrote:" only above quoted lines', () => {
    expect(matchQuoteStart(['Bob wrote:', '> hi'], 0)?.kind).toBe('attribution');
    expect(matchQuoteStart(['Bob wrote:', 'hi'], 0)).toBeNull();
  });

  it('finds a Lotus Notes memo header', () => {
    const lines = [
      'OK for me.',
      '',
      'John Smith <john@example.com>',
      '01/06/2025 10:15 AM',
      '',
      'To',
      'Jane Doe <jane@example.com>',
      'cc',
      '',
      'Subject',
      'Re: Demo',
      '',
      'Old text',
    ];
    expect(matchQuoteStart(lines, 2)).toMatchObject({ kind: 'header-block', start: 2 });
  });

  it('never starts inside a quoted line', () => {
    expect(matchQuoteStart(['> -----Original Message-----'], 0)).toBeNull();
  });
});
