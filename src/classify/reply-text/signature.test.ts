import { describe, expect, it } from 'vitest';
import { findSignature } from './signature.ts';
import { isBannerLine, isClosingLine, isDisclaimerStart, isMobileFooter } from './signature-patterns.ts';
import { toLines } from './text-lines.ts';

function signatureOf(text: string): string | null {
  const lines = toLines(text);
  const match = findSignature(
    lines,
    lines.map(() => false),
  );
  return match ? lines.slice(match.start).join('\n').trim() : null;
}

describe('isClosingLine', () => {
  it.each([
    'Best regards,',
    'Kind regards',
    'Thanks, John',
    'Regards, Roman',
    'Cheers!',
    'Mit freundlichen Grüßen',
    'Viele Grüße',
    'Cordialement,',
    'Bien à vous',
    'Saludos,',
    'Un saludo',
    'Atenciosamente,',
    'Met vriendelijke groet,',
    'Cordiali saluti',
    'Med vänliga hälsningar',
    'Med venlig hilsen',
    'Ystävällisin terveisin',
    'Pozdrawiam,',
    'С уважением,',
    'З повагою,',
  ])('knows "%s"', (line) => {
    expect(isClosingLine(line)).toBe(true);
  });

  it.each([
    'Thanks for your help with this',
    'Thanks, that works for me.',
    'Best time for me is Tuesday',
    'I wanted to discuss the issue with regards to the payment processing system.',
  ])('does not take "%s" for a closing', (line) => {
    expect(isClosingLine(line)).toBe(false);
  });
});

describe('isMobileFooter', () => {
  it.each([
    'Sent from my iPhone',
    'Sent from my Samsung Galaxy S21',
    'Sent from my cell, please excuse any typos.',
    'Sent from Outlook for Android',
    'Get Outlook for iOS<https://aka.ms/o0ukef>',
    'Von meinem iPhone gesendet',
    'Envoyé de mon iPhone',
    'Enviado desde mi iPhone',
    'Enviado do meu iPhone',
    'Verzonden vanaf mijn iPhone',
    'Inviato da iPhone',
    'Skickat från min iPhone',
    'Sendt fra min iPhone',
    'Lähetetty iPhonesta',
    'Wysłane z iPhone’a',
    'Отправлено с iPhone',
    'iPhoneから送信',
    '从我的iPhone发送',
  ])('knows "%s"', (line) => {
    expect(isMobileFooter(line)).toBe(true);
  });

  it.each([
    'Sent from my desk, is much easier then my mobile phone.',
    'The notification was sent from my iPhone app to all users.',
  ])('does not take "%s" for a footer', (line) => {
    expect(isMobileFooter(line)).toBe(false);
  });
});

describe('findSignature', () => {
  it('cuts at the "-- " delimiter', () => {
    expect(signatureOf('this is an email with a correct -- signature.\n\n-- \nrick')).toBe('--\nrick');
  });

  it('takes a closing with name and contact lines', () => {
    const text =
      'Tuesday at 3pm works.\n\nBest regards,\nJane Roe\nHead of Sales | Acme GmbH\n+49 30 1234567';
    expect(signatureOf(text)).toBe('Best regards,\nJane Roe\nHead of Sales | Acme GmbH\n+49 30 1234567');
  });

  it('keeps a closing followed by more message', () => {
    expect(
      signatureOf('Hi,\n\nThanks!\n\nAlso, could we meet on Tuesday at 3pm instead of Monday?'),
    ).toBeNull();
  });

  it('keeps a last "Thanks!" that signs nothing', () => {
    expect(signatureOf('Could you send the brochure?\n\nThanks!')).toBeNull();
  });

  it('does not treat a dash list as a signature', () => {
    const text =
      "Hello,\n\nI'm writing you because of:\n-- first point\n-- second point\n\nI hope you can check it";
    expect(signatureOf(text)).toBeNull();
  });

  it('takes a dash-signed name', () => {
    expect(signatureOf('Oh thanks.\n\nHaving the function would be great.\n\n-Abhishek Kona')).toBe(
      '-Abhishek Kona',
    );
  });

  it('takes a contact block without a closing', () => {
    const text = 'Lorem ipsum dolor sit amet.\n\nGina Doe\ngina@example.com\n(555) 346-9947\nwww.example.com';
    expect(signatureOf(text)).toBe('Gina Doe\ngina@example.com\n(555) 346-9947\nwww.example.com');
  });

  it('takes a trailing disclaimer', () => {
    const text =
      'Please call me.\n\nThis email and any attachments are confidential and intended solely for the addressee.';
    expect(signatureOf(text)).toMatch(/^This email and any attachments/);
  });

  it('leaves a message that is only a sign-off alone', () => {
    expect(signatureOf('Gruß Discourse')).toBeNull();
  });
});

describe('banners and disclaimers', () => {
  it('recognises an external-sender banner', () => {
    expect(
      isBannerLine('CAUTION: This email originated from outside of the organization. Do not click links.'),
    ).toBe(true);
    expect(isBannerLine('[EXTERNAL]')).toBe(true);
    expect(isBannerLine('Caution: the stairs are slippery')).toBe(false);
  });

  it('recognises disclaimer openings in several languages', () => {
    expect(
      isDisclaimerStart('CONFIDENTIALITY NOTICE: This e-mail is for the sole use of the recipient.'),
    ).toBe(true);
    expect(isDisclaimerStart('Diese E-Mail enthält vertrauliche Informationen.')).toBe(true);
    expect(isDisclaimerStart('Ce message et toutes les pièces jointes sont confidentiels.')).toBe(true);
    expect(isDisclaimerStart('This is the plan for next week.')).toBe(false);
  });
});
