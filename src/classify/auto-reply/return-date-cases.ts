/**
 * HELD-OUT return-date cases: written before the extractor existed and never
 * used to tune it. `scripts/score-auto-replies.ts` reports accuracy on these
 * separately from the development cases (`return-date-dev-cases.ts`).
 *
 * Expected values follow the rules documented in `return-date.ts`:
 * "back on X" → X; "until/through X" and ranges → the day after X, moved to
 * Monday when that falls on a weekend; a year-less date is the next
 * occurrence on/after the message date. Ten cases per language.
 */
import { parseCaseTable, type ReturnDateCase } from './return-date-case-table.ts';

export const heldOutReturnDateCases: ReturnDateCase[] = parseCaseTable(`
en-h1 | en | 2025-03-14T09:12:00+00:00 | Europe/London | 2025-03-24 | Out of Office: Q2 pricing | Thank you for your email. I am currently out of the office with limited access to email and will be back on Monday 24 March. For urgent matters please contact sales@acme.co.uk.
en-h2 | en | 2025-07-03T16:40:00-05:00 | America/Chicago | 2025-07-14 | Automatic reply: Follow-up | I'm out of the office until 07/11 with no access to email. I'll respond when I return.
en-h3 | en | 2025-08-18T08:00:00+01:00 | Europe/London | 2025-09-01 | Annual leave | I am on annual leave from 18th to 29th August inclusive, returning on Monday 1st September.
en-h4 | en | 2025-12-19T14:05:00-08:00 | America/Los_Angeles | 2026-01-05 | Auto-Reply: Intro | Happy holidays! Our office is closed and I'm away until January 2nd. I will respond to your message when I'm back.
en-h5 | en | 2025-05-07T11:30:00+10:00 | Australia/Sydney | 2025-05-12 | Automatic reply: Catch-up | Hi, I'm travelling for a conference this week and will be back in the office next week. Replies may be delayed.
en-h6 | en | 2025-10-09T07:15:00-04:00 | America/New_York | 2025-10-20 | Out of Office | I will be out of the office starting Thursday, October 9 and will not return until Monday, October 20. If you need immediate assistance, please contact my colleague.
en-h7 | en | 2026-02-02T10:00:00+00:00 | Europe/Dublin | 2026-05-04 | Automatic reply: Partnership | I am currently on parental leave and will return to work on 4 May 2026. In the meantime please reach out to Aoife.
en-h8 | en | 2025-06-26T13:00:00+01:00 | Europe/London | 2025-07-01 | Out of office | Thanks for your message. I'm out of the office until the 30th and will reply on my return.
en-h9 | en | 2025-09-12T06:45:00-07:00 | America/Denver | 2025-09-15 | Auto Response | I'm out of the office today, Friday September 12th, and will respond to emails on Monday.
en-h10 | en | 2025-11-24T09:00:00+00:00 | Europe/London | 2025-12-01 | Out of Office: Proposal | I'm away on business travel 24-28 November with limited access to email. I'll be back in the office on 1 December.
de-h1 | de | 2025-03-14T09:12:00+01:00 | Europe/Berlin | 2025-03-24 | Abwesenheitsnotiz: Angebot | Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 21.03. nicht im Büro. Ab dem 24.03. bin ich wieder für Sie erreichbar.
de-h2 | de | 2025-07-28T08:00:00+02:00 | Europe/Berlin | 2025-08-18 | Automatische Antwort: Ihre Anfrage | Ich befinde mich vom 28.07. bis 15.08.2025 im Urlaub. Ihre E-Mail wird nicht weitergeleitet.
de-h3 | de | 2025-05-02T10:00:00+02:00 | Europe/Vienna | 2025-05-12 | Abwesend | Guten Tag, ich bin am Montag, den 12. Mai wieder im Büro. In dringenden Fällen wenden Sie sich bitte an office@firma.at.
de-h4 | de | 2025-12-22T12:00:00+01:00 | Europe/Berlin | 2026-01-07 | Abwesenheitsnotiz | Unser Büro ist zwischen den Jahren geschlossen. Ab dem 7. Januar 2026 sind wir wieder für Sie da.
de-h5 | de | 2025-10-01T15:20:00+02:00 | Europe/Zurich | 2025-10-06 | Automatische Antwort: Termin | Ich bin bis Freitag auf Dienstreise und lese meine E-Mails nur eingeschränkt.
de-h6 | de | 2026-04-08T09:00:00+02:00 | Europe/Berlin | 2026-07-01 | Abwesenheitsnotiz: Kooperation | Ich bin derzeit in Elternzeit und ab 1. Juli 2026 wieder erreichbar. Bitte wenden Sie sich an meine Kollegin Frau Weber.
de-h7 | de | 2025-08-29T17:00:00+02:00 | Europe/Berlin | 2025-09-08 | Abwesend | Ich bin zurzeit nicht im Haus. Zurück am 08.09.
de-h8 | de | 2025-06-04T11:11:00+02:00 | Europe/Berlin | 2025-06-16 | Automatische Antwort | Vielen Dank für Ihre E-Mail. Ich bin bis zum 13. Juni abwesend und habe keinen Zugriff auf meine E-Mails.
de-h9 | de | 2025-11-13T08:30:00+01:00 | Europe/Berlin | 2025-11-17 | Abwesenheitsnotiz | Ich bin heute und morgen auf einer Messe. Ab Montag bin ich wieder im Büro.
de-h10 | de | 2025-02-20T07:50:00+01:00 | Europe/Berlin | 2025-03-03 | Abwesenheitsnotiz: Rückfrage | Hallo, ich bin krankheitsbedingt nicht im Büro, voraussichtlich bis 28.2. Ihre Nachricht wird nicht weitergeleitet.
fr-h1 | fr | 2025-03-14T09:12:00+01:00 | Europe/Paris | 2025-03-24 | Réponse automatique : Devis | Bonjour, je suis absent du bureau jusqu'au 21 mars inclus. Je serai de retour le lundi 24 mars. En cas d'urgence, contactez le standard.
fr-h2 | fr | 2025-07-30T10:00:00+02:00 | Europe/Paris | 2025-08-25 | Absence | Je suis en congés du 28 juillet au 22 août. Votre message ne sera pas transféré.
fr-h3 | fr | 2025-05-06T14:00:00+02:00 | Europe/Brussels | 2025-05-08 | Réponse automatique : Rendez-vous | Je suis actuellement en déplacement et serai de retour au bureau jeudi.
fr-h4 | fr | 2025-12-19T16:00:00+01:00 | Europe/Paris | 2026-01-05 | Absence | Je suis absente pour les fêtes de fin d'année. Je reprendrai la lecture de mes e-mails à partir du 5 janvier.
fr-h5 | fr | 2025-10-15T09:00:00+02:00 | Europe/Paris | 2025-10-20 | Réponse automatique | Merci pour votre message. Je suis en formation jusqu'à vendredi et je n'aurai qu'un accès limité à ma messagerie.
fr-h6 | fr | 2026-02-09T08:00:00+01:00 | Europe/Paris | 2026-06-16 | Absence prolongée | Je suis en congé maternité jusqu'au 15/06/2026. Pour toute demande, merci d'écrire à contact@societe.fr.
fr-h7 | fr | 2025-09-01T09:30:00-04:00 | America/Toronto | 2025-09-08 | Réponse automatique : Soumission | Je suis présentement à l'extérieur du bureau. De retour le 8 septembre.
fr-h8 | fr | 2025-04-17T18:00:00+02:00 | Europe/Paris | 2025-04-28 | Absent | Je suis absent du 18 au 25 avril. Je prendrai connaissance de votre message à mon retour.
fr-h9 | fr | 2025-06-11T12:00:00+02:00 | Europe/Zurich | 2025-06-17 | Réponse automatique | Bonjour, je serai absent jusqu'au lundi 16 juin inclus.
fr-h10 | fr | 2025-11-03T08:10:00+01:00 | Europe/Paris | 2025-11-10 | Réponse automatique : Proposition | Je suis en déplacement professionnel cette semaine. Je serai de retour au bureau le 10/11.
es-h1 | es | 2025-03-14T09:12:00+01:00 | Europe/Madrid | 2025-03-24 | Respuesta automática: Propuesta | Gracias por su correo. Estoy fuera de la oficina hasta el 21 de marzo. Volveré el lunes 24 de marzo.
es-h2 | es | 2025-08-01T10:00:00+02:00 | Europe/Madrid | 2025-08-25 | Vacaciones | Estoy de vacaciones del 1 al 22 de agosto, con acceso limitado al correo electrónico.
es-h3 | es | 2025-05-13T09:00:00-06:00 | America/Mexico_City | 2025-05-15 | Respuesta automática: Cotización | Me encuentro fuera de la oficina. Regreso el jueves 15 de mayo.
es-h4 | es | 2025-12-22T11:00:00+01:00 | Europe/Madrid | 2026-01-07 | Respuesta automática | Nuestras oficinas permanecen cerradas por vacaciones de Navidad. Estaremos de vuelta a partir del 7 de enero.
es-h5 | es | 2025-10-08T15:00:00-03:00 | America/Argentina/Buenos_Aires | 2025-10-13 | Fuera de la oficina | Hola, estoy de viaje por trabajo hasta el viernes. Responderé tu mensaje a mi regreso.
es-h6 | es | 2026-03-02T09:00:00+01:00 | Europe/Madrid | 2026-04-13 | Respuesta automática: Consulta | Estoy de baja por paternidad hasta el 10/04/2026. Para cualquier consulta, escriba a info@empresa.es.
es-h7 | es | 2025-06-25T13:00:00+02:00 | Europe/Madrid | 2025-07-01 | Ausente | Estaré ausente hasta el 30 de junio inclusive. Si su consulta es urgente, contacte con Marta.
es-h8 | es | 2025-09-17T08:00:00-05:00 | America/Bogota | 2025-09-22 | Respuesta automática | Estoy en un congreso y estaré de regreso en la oficina a partir del lunes 22 de septiembre.
es-h9 | es | 2025-04-11T17:00:00+02:00 | Europe/Madrid | 2025-04-21 | Fuera de la oficina | Gracias por escribir. Estaré fuera por Semana Santa del 14 al 18 de abril.
es-h10 | es | 2025-11-20T09:40:00+01:00 | Europe/Madrid | 2025-12-01 | Respuesta automática: Reunión | En este momento no me encuentro en la oficina. Me reincorporo el 1 de diciembre.
pt-h1 | pt | 2025-03-14T09:12:00+00:00 | Europe/Lisbon | 2025-03-24 | Resposta automática: Proposta | Obrigado pela sua mensagem. Estou ausente do escritório até 21 de março, regressando a 24 de março.
pt-h2 | pt | 2025-07-15T10:00:00-03:00 | America/Sao_Paulo | 2025-08-01 | Férias | Olá! Estou de férias até 31/07 e sem acesso ao e-mail. Em caso de urgência, fale com a Ana.
pt-h3 | pt | 2025-05-05T09:00:00+01:00 | Europe/Lisbon | 2025-05-08 | Resposta automática | Estou em viagem de negócios e estarei de volta na quinta-feira.
pt-h4 | pt | 2025-12-19T18:00:00-03:00 | America/Sao_Paulo | 2026-01-05 | Recesso de fim de ano | Estarei em recesso de fim de ano de 22/12 a 02/01. Retorno às atividades no dia 05/01/2026.
pt-h5 | pt | 2025-10-06T08:30:00+01:00 | Europe/Lisbon | 2025-10-13 | Resposta automática: Reunião | Encontro-me fora do escritório até sexta-feira, dia 10 de outubro.
pt-h6 | pt | 2026-01-12T09:00:00-03:00 | America/Sao_Paulo | 2026-05-04 | Licença-maternidade | Estou de licença-maternidade e retorno em 4 de maio de 2026. Por favor, contate o Pedro.
pt-h7 | pt | 2025-08-20T12:00:00+01:00 | Europe/Lisbon | 2025-09-01 | Ausente | Estou ausente de 18 a 29 de agosto. A sua mensagem será lida após o meu regresso.
pt-h8 | pt | 2025-06-03T14:00:00-03:00 | America/Sao_Paulo | 2025-06-09 | Resposta automática: Demonstração | No momento estou fora do escritório participando de uma conferência. A partir de segunda-feira estarei de volta.
pt-h9 | pt | 2025-09-25T10:00:00+01:00 | Europe/Lisbon | 2025-10-01 | Ausência | Estarei ausente até dia 30 de setembro, inclusive.
pt-h10 | pt | 2025-11-10T08:00:00-03:00 | America/Sao_Paulo | 2025-11-17 | Resposta automática | Estou fora do escritório esta semana. Retornarei no dia 17/11.
nl-h1 | nl | 2025-03-14T09:12:00+01:00 | Europe/Amsterdam | 2025-03-24 | Automatisch antwoord: Offerte | Bedankt voor uw bericht. Ik ben afwezig tot en met 21 maart. Vanaf maandag 24 maart ben ik weer op kantoor.
nl-h2 | nl | 2025-07-21T08:00:00+02:00 | Europe/Amsterdam | 2025-08-11 | Vakantie | Ik ben met vakantie van 21 juli t/m 8 augustus en lees mijn e-mail niet.
nl-h3 | nl | 2025-05-14T10:00:00+02:00 | Europe/Brussels | 2025-05-16 | Automatisch antwoord | Ik ben momenteel niet op kantoor. Ik ben vrijdag weer terug.
nl-h4 | nl | 2025-12-23T12:00:00+01:00 | Europe/Amsterdam | 2026-01-05 | Automatisch antwoord: Samenwerking | Ons kantoor is gesloten tijdens de feestdagen. Vanaf 5 januari zijn wij weer bereikbaar.
nl-h5 | nl | 2025-10-22T09:00:00+02:00 | Europe/Amsterdam | 2025-10-27 | Afwezig | Ik ben tot en met vrijdag afwezig in verband met een beurs.
nl-h6 | nl | 2026-02-16T09:00:00+01:00 | Europe/Amsterdam | 2026-06-02 | Automatisch antwoord: Vraag | Ik ben met ouderschapsverlof tot 1 juni 2026. Neem voor vragen contact op met Joost.
nl-h7 | nl | 2025-09-03T14:00:00+02:00 | Europe/Amsterdam | 2025-09-09 | Afwezig | Ik ben op zakenreis en ben op 9 september weer aanwezig.
nl-h8 | nl | 2025-04-24T16:00:00+02:00 | Europe/Amsterdam | 2025-05-06 | Automatisch antwoord | Ik ben afwezig van 25-04 t/m 05-05. Uw e-mail wordt niet doorgestuurd.
nl-h9 | nl | 2025-06-19T11:00:00+02:00 | Europe/Amsterdam | 2025-06-23 | Afwezig | Ik ben vandaag en morgen niet bereikbaar. Maandag ben ik weer terug.
nl-h10 | nl | 2025-11-26T10:00:00+01:00 | Europe/Brussels | 2025-12-01 | Automatisch antwoord: Demo | Ik ben afwezig tot en met 28/11. Vanaf 1/12 ben ik opnieuw bereikbaar.
it-h1 | it | 2025-03-14T09:12:00+01:00 | Europe/Rome | 2025-03-24 | Risposta automatica: Offerta | Grazie per il messaggio. Sono fuori ufficio fino al 21 marzo compreso. Rientrerò lunedì 24 marzo.
it-h2 | it | 2025-08-04T08:00:00+02:00 | Europe/Rome | 2025-08-25 | Ferie | Sono in ferie dal 4 al 22 agosto, con accesso limitato alla posta.
it-h3 | it | 2025-05-06T10:00:00+02:00 | Europe/Rome | 2025-05-08 | Risposta automatica | Sono in trasferta e sarò di nuovo in ufficio giovedì.
it-h4 | it | 2025-12-19T15:00:00+01:00 | Europe/Rome | 2026-01-07 | Chiusura per festività | I nostri uffici resteranno chiusi per le festività natalizie. Riapriremo il 7 gennaio.
it-h5 | it | 2025-10-15T09:00:00+02:00 | Europe/Rome | 2025-10-20 | Fuori ufficio | Sono assente fino a venerdì per un corso di formazione.
it-h6 | it | 2026-01-26T09:00:00+01:00 | Europe/Rome | 2026-07-01 | Risposta automatica: Richiesta | Sono in maternità fino al 30/06/2026. Per qualsiasi necessità contattate Giulia.
it-h7 | it | 2025-09-05T12:00:00+02:00 | Europe/Rome | 2025-09-08 | Fuori sede | Sono attualmente fuori sede. Sarò di ritorno l'8 settembre.
it-h8 | it | 2025-04-16T17:00:00+02:00 | Europe/Rome | 2025-04-28 | Risposta automatica | Sarò assente dal 17 al 25 aprile. Risponderò al mio rientro.
it-h9 | it | 2025-06-26T10:00:00+02:00 | Europe/Zurich | 2025-06-30 | Fuori ufficio | Sono fuori ufficio oggi e domani. Dal 30 giugno sarò nuovamente disponibile.
it-h10 | it | 2025-11-17T08:00:00+01:00 | Europe/Rome | 2025-11-24 | Risposta automatica: Proposta | Sono in congresso tutta la settimana, rientro in ufficio il 24/11.
`);
