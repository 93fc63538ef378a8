import { describe, expect, it } from 'vitest';
import { detectAutoReply } from './detect-auto-reply.ts';

const outlook = { 'X-Mailer': 'Microsoft Outlook 16.0', 'Content-Type': 'text/plain; charset="utf-8"' };
const detect = (subject: string, text: string, headers: Record<string, string> = outlook) =>
  detectAutoReply({ headers, subject, text, from: 'jane@customer.example' });

describe('headers decide when present', () => {
  it.each<[Record<string, string>, string]>([
    [{ 'Auto-Submitted': 'auto-replied' }, 'RFC 3834 auto-replied'],
    [{ 'Auto-Submitted': 'auto-generated' }, 'RFC 3834 auto-generated'],
    [{ 'X-Autoreply': 'yes' }, 'X-Autoreply'],
    [{ 'X-Autorespond': 'Auto reply' }, 'X-Autorespond'],
    [{ Precedence: 'auto_reply' }, 'Precedence auto_reply'],
    [{ Precedence: 'junk' }, 'Precedence junk'],
    [{ 'X-Auto-Response-Suppress': 'OOF, AutoReply' }, 'X-Auto-Response-Suppress'],
    [{ 'X-Mailer': 'Vacation 1.2.7' }, 'vacation X-Mailer'],
    [{ 'Return-Path': '<>' }, 'null sender'],
  ])('%o (%s) is an auto-reply even with a neutral subject', (headers) => {
    expect(detect('Re: Your proposal', 'Some text', headers).autoReply).toBe(true);
  });

  it('X-Apple-Action: VACATION is an out-of-office even when the body says nothing', () => {
    const result = detect('Auto reply: Nyaan', "I'm only sleeping.", { 'X-Apple-Action': 'VACATION' });
    expect(result).toMatchObject({ autoReply: true, kind: 'out_of_office' });
    expect(result.evidence).toContain('X-Apple-Action: VACATION');
  });

  it('Auto-Submitted: no is a human, whatever the subject says', () => {
    expect(
      detect('Out of Office: back Monday', 'I am out of the office.', { 'Auto-Submitted': 'no' }).autoReply,
    ).toBe(false);
  });

  it('a mailing-list Precedence is not an auto-reply', () => {
    expect(detect('Re: Pricing', 'Interesting, tell me more.', { Precedence: 'list' }).autoReply).toBe(false);
  });
});

describe('delivery reports and opt-outs are not auto-replies', () => {
  it('a multipart/report delivery-status DSN with Auto-Submitted is left to the bounce parser', () => {
    const result = detect('Returned mail: see transcript for details', 'No Message Collected', {
      'Auto-Submitted': 'auto-generated (failure)',
      'Content-Type': 'multipart/report; report-type=delivery-status; boundary="x"',
    });
    expect(result.autoReply).toBe(false);
  });

  it('structured mailparser Content-Type values are understood', () => {
    const headers = new Map<string, unknown>([
      ['auto-submitted', 'auto-replied'],
      ['content-type', { value: 'multipart/report', params: { 'report-type': 'delivery-status' } }],
    ]);
    expect(detectAutoReply({ headers, subject: 'x', text: '', from: null }).autoReply).toBe(false);
  });

  it('a mailer-daemon sender or a DSN subject is a bounce', () => {
    const headers = { 'Auto-Submitted': 'auto-replied' };
    expect(
      detectAutoReply({ headers, subject: 'Hi', text: '', from: 'MAILER-DAEMON@mx.example' }).autoReply,
    ).toBe(false);
    expect(
      detect('Undelivered Mail Returned to Sender', 'This is the mail system at host x.', headers).autoReply,
    ).toBe(false);
  });

  it('an Apple Mail unsubscribe is an opt-out, not an autoresponder', () => {
    const headers = { 'Auto-Submitted': 'auto-replied', 'X-Apple-Unsubscribe': 'true' };
    expect(detect('unsubscribe', 'Apple Mail sent this email to unsubscribe.', headers).autoReply).toBe(
      false,
    );
  });

  it('a read receipt is an autoresponder', () => {
    const headers = {
      'Content-Type': 'multipart/report; report-type=disposition-notification; boundary="b"',
    };
    expect(detect('Read: Proposal', 'Your message was read.', headers)).toMatchObject({
      kind: 'autoresponder',
    });
  });
});

describe('subject markers without headers', () => {
  it.each([
    ['Automatic reply: Proposal', 'I am out of the office until Monday.'],
    ['Out of Office: Proposal', 'Thanks for your email.'],
    [
      'AUTO: Smith, John is out of the office. (returning 05/01/2010)',
      'I am out of the office until 05/01/2010.',
    ],
    ['Abwesenheitsnotiz: Angebot', 'Ich bin bis 21.03. nicht im Büro.'],
    ['Automatische Antwort: Angebot', 'Ich bin im Urlaub.'],
    ['Réponse automatique : Devis', 'Je suis absent.'],
    ['Respuesta automática: Propuesta', 'Estoy de vacaciones.'],
    ['Resposta automática: Proposta', 'Estou de férias.'],
    ['Automatisch antwoord: Offerte', 'Ik ben afwezig.'],
    ['Risposta automatica: Offerta', 'Sono in ferie.'],
    ['Fuori sede: Offerta', 'Sono fuori sede.'],
    ['Autosvar: Offert', 'Jag är på semester.'],
    ['Frånvaro: Offert', 'Jag är ledig.'],
    ['[Automatyczna odpowiedź] test', 'Jestem na urlopie.'],
    ['Atvaļinājums Re: subjecting', 'Esmu atvaļinājumā'],
    ['Re: blah blah blah (Automatic Response)', 'Hello, I am away until 05/07/2010.'],
  ])('%s → out_of_office', (subject, text) => {
    expect(detect(subject, text)).toMatchObject({ autoReply: true, kind: 'out_of_office' });
  });

  it('a generic marker without any sign of absence is another autoresponder', () => {
    expect(
      detect('Automatic reply: Proposal', 'Your message has been received by our sales team.'),
    ).toMatchObject({
      autoReply: true,
      kind: 'autoresponder',
    });
  });
});

describe('body openings without headers or markers', () => {
  it.each([
    'Thank you for your email. I am currently out of the office with limited access to email. For urgent matters please contact sales@acme.example.',
    'Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 12.10. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an Herrn Maier.',
    "Bonjour, je suis absent jusqu'au 21 mars inclus. En cas d'urgence, merci de contacter le standard.",
    'Gracias por su correo. Estoy fuera de la oficina hasta el lunes. En caso de urgencia, póngase en contacto con Marta.',
    'Obrigado pela sua mensagem. Estou de férias até 31/07. Em caso de urgência, fale com a Ana.',
    'Bedankt voor uw bericht. Ik ben afwezig tot en met vrijdag. In dringende gevallen kunt u contact opnemen met Joost.',
    'Grazie per il messaggio. Sono fuori ufficio fino al 21 marzo. Per urgenze contattare il centralino.',
  ])('OOO opening: %s', (text) => {
    expect(detect('Re: Your proposal', text)).toMatchObject({ autoReply: true, kind: 'out_of_office' });
  });

  it.each([
    'Thank you for contacting Acme Support. Your ticket #48213 has been created.',
    'We have received your message and will get back to you right away.',
    'This is an automated response: this mailbox is not monitored.',
    'Nous avons bien reçu votre message et vous répondrons dans les plus brefs délais.',
    'Wir haben Ihre Nachricht erhalten und melden uns in Kürze.',
  ])('autoresponder opening: %s', (text) => {
    expect(detect('Re: Your proposal', text)).toMatchObject({ autoReply: true, kind: 'autoresponder' });
  });
});

describe('human replies that talk about absences are not auto-replies', () => {
  it.each([
    ['Re: Your proposal', "I was on vacation last week, but yes let's talk. How about Tuesday?"],
    [
      'Re: Your proposal',
      "Thanks for your email. I'm out of the office until Monday but happy to chat then.",
    ],
    [
      'Re: Your proposal',
      "I'm away at a conference this week but wanted to reply quickly: yes, send the deck. Urgent matters aside, does Thursday work?",
    ],
    ['Re: Out of office', "Haha, no worries about your out of office - let's talk when you're back."],
    ['Re: Automatic reply: Proposal', 'Got your auto-reply, I will wait until you are back from holiday.'],
    ['AW: Angebot', 'Ich bin bis Freitag im Urlaub, melde mich danach. Klingt aber interessant!'],
    [
      'AW: Angebot',
      'Danke für die Nachricht! Ich war im Urlaub, daher die späte Antwort. Gerne nächste Woche telefonieren.',
    ],
    [
      'RE: Devis',
      "Bonjour, je rentre de vacances et je viens de voir votre message. Pouvez-vous m'envoyer la brochure ?",
    ],
    ['RE: Propuesta', 'Hola, estuve de vacaciones. Sí, me interesa, ¿podemos hablar el lunes?'],
    ['RE: Proposta', 'Olá, estava de férias. Podemos conversar na próxima semana?'],
    ['Re: Offerte', 'Ik was op vakantie, vandaar de late reactie. Stuur me maar meer informatie.'],
    ['R: Offerta', 'Buongiorno, ero in ferie. Mi interessa, possiamo sentirci giovedì?'],
    [
      'Re: Pricing',
      'We are closed for the holidays from Dec 24, so let us meet before then. Does the 20th work?',
    ],
    ['Re: Demo', 'Vacation was great, thanks for asking! Please send me the contract.'],
    ['Re: Intro', 'Please remove me from your list.'],
  ])('%s — %s', (subject, text) => {
    expect(detect(subject, text).autoReply).toBe(false);
  });
});

describe('kind for messages known to be automatic', () => {
  const auto = { 'Auto-Submitted': 'auto-replied' };
  it('absence vocabulary makes an out-of-office', () => {
    expect(detect('Re: hi', 'I am on parental leave until June.', auto).kind).toBe('out_of_office');
    expect(detect('Re: hi', 'Ich bin in Elternzeit.', auto).kind).toBe('out_of_office');
  });
  it('a "no longer in use" notice is an autoresponder even with Exchange OOF-style suppression', () => {
    const headers = {
      ...auto,
      'X-Auto-Response-Suppress': 'OOF, AutoReply, DR, NDR, RN, NRN',
      Precedence: 'bulk',
    };
    expect(detect('AutoRespons :Nyaan?', 'This email inbox is no longer in use.', headers).kind).toBe(
      'autoresponder',
    );
  });
  it('"we will get back to you right away" is not an absence', () => {
    expect(detect('Re: hi', 'Thanks! We will get back to you right away.', auto).kind).toBe('autoresponder');
  });
});
