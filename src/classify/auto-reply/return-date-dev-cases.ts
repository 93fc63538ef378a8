import { parseCaseTable, type ReturnDateCase } from './return-date-case-table.ts';

/**
 * Development cases for the return-date extractor: the ones the rules were
 * built and tuned against (the held-out set is `return-date-cases.ts`).
 * en-d2/en-d3 are the brief's "returning 05/01/2010" read in a US zone and in
 * the real UK Lotus Notes message (MDSBP warning-6.msg, whose body also says
 * "returning 5th Jan"); en-d7/en-d8 are sisimai rfc3834-01/02. Corpus files
 * that corpora/SPLIT.csv puts in its hold-out (aol-vacation, rfc3834-03/04)
 * are deliberately not used here.
 */
export const devReturnDateCases: ReturnDateCase[] = parseCaseTable(String.raw`
en-d1 | en | 2024-03-13T10:00:00+00:00 | Europe/London | 2024-03-22 | Out of Office | I'm out until the 21st with limited access to email.
en-d2 | en | 2010-01-04T10:00:00-05:00 | America/New_York | 2010-05-01 | AUTO: Jane Doe is out of the office (returning 05/01/2010) | I am out of the office until 05/01/2010.
en-d3 | en | 2010-01-04T16:02:30+00:00 | +00:00 | 2010-01-05 | AUTO: Smith, John is out of the office. (returning 05/01/2010) | I am out of the office until 05/01/2010.\n\nI am of the office returning 5th Jan\n\nNote: This is an automated response to your message "Dear Miss Smith, foo?" sent on 04/01/2010 10:55:58.
en-d4 | en | 2025-02-26T09:00:00+00:00 | Europe/London | 2025-03-03 | Out of office | I'm on holiday this week. From Monday 3 March I'm back in the office.
en-d5 | en | 2024-12-20T15:00:00-05:00 | America/New_York | 2025-01-02 | Automatic reply: Demo | Thanks for your note! I'm out of the office and will be back after the holidays.
en-d6 | en | 2024-05-15T09:00:00+01:00 | Europe/London | 2024-05-20 | Automatic reply: Hello | I am attending a conference and will be back next week.
en-d7 | en | 2005-04-29T23:34:45+09:00 | +09:00 | 2005-05-05 | Away until May 5 | I am currently away returning to the office on May 5th. I will have limited access to email and will respond to you upon my return.
en-d8 | en | 2013-07-17T23:34:45+00:00 | +00:00 | 2013-07-22 | Automatic reply: Nyaan | I'm out of the office Friday. For pressing news matters, Nyaan.
en-d9 | en | 2024-10-10T09:00:00+01:00 | Europe/London | 2024-10-28 | Automatic reply: Intro | I'm travelling on business 14-25 October with limited access to email.
en-d10 | en | 2024-09-02T09:00:00-04:00 | America/New_York | 2024-09-04 | Auto reply | Hello, I am away until 03/09/2024 and unable to read your message.
en-d11 | en | 2024-05-29T09:00:00-07:00 | America/Los_Angeles | 2024-06-03 | Automatic reply: Pricing | I'm on PTO and will be back on 6/3. For urgent requests contact support@example.com.
en-d12 | en | 2024-08-09T09:00:00+01:00 | Europe/London | 2024-08-12 | Out of Office | I am out of the office until Friday and will reply on my return.
en-d13 | en | 2024-10-08T09:00:00-05:00 | America/Chicago | 2024-10-09 | Automatic reply | I'm out sick today and will be back tomorrow.
en-d14 | en | 2024-02-12T09:00:00+00:00 | Europe/London | null | Automatic reply | I am on parental leave. Please contact my colleague Sam.
en-d15 | en | 2024-07-01T09:00:00+01:00 | Europe/London | 2024-07-15 | Annual leave | I'm on annual leave and will be back in two weeks.
en-d16 | en | 2024-07-22T09:00:00+01:00 | Europe/London | 2024-08-01 | Out of Office | I am away up to and including Wednesday 31st July, returning Thursday 1st August.
en-d17 | en | 2025-03-17T09:00:00-04:00 | America/New_York | 2025-03-25 | Out of Office | I'm out of the office until Monday, March 24 with no access to email.
de-d1 | de | 2026-10-05T09:00:00+02:00 | Europe/Berlin | 2026-10-13 | Abwesenheitsnotiz | Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 12.10. nicht im Büro.
de-d2 | de | 2024-05-27T09:00:00+02:00 | Europe/Berlin | 2024-06-03 | Abwesenheitsnotiz | Ich bin im Urlaub. Ab dem 3. bin ich wieder im Büro.
de-d3 | de | 2024-07-10T09:00:00+02:00 | Europe/Berlin | 2024-07-22 | Abwesend | Ich bin derzeit nicht im Büro und ab Montag, den 22. Juli, wieder erreichbar.
de-d4 | de | 2024-09-18T09:00:00+02:00 | Europe/Berlin | 2024-09-23 | Abwesenheitsnotiz | Ich bin bis Freitag nicht im Büro.
de-d5 | de | 2024-12-20T09:00:00+01:00 | Europe/Berlin | 2025-01-06 | Betriebsferien | Unser Büro ist vom 23.12. bis 03.01. geschlossen. Ab dem 06.01.2025 sind wir wieder für Sie da.
de-d6 | de | 2024-12-18T09:00:00+01:00 | Europe/Berlin | 2025-01-02 | Abwesenheitsnotiz | Ich bin im Urlaub und nach den Feiertagen wieder erreichbar.
de-d7 | de | 2024-03-06T09:00:00+01:00 | Europe/Berlin | 2024-03-11 | Automatische Antwort | Ich bin auf einer Dienstreise und nächste Woche wieder im Büro.
de-d8 | de | 2024-08-01T09:00:00+02:00 | Europe/Berlin | 2024-08-16 | Abwesenheitsnotiz | Ich befinde mich bis zum 15. August im Urlaub.
de-d9 | de | 2024-08-20T09:00:00+02:00 | Europe/Vienna | 2024-09-02 | Urlaub | Ich bin im Urlaub, zurück am 2.9.
de-d10 | de | 2024-11-04T09:00:00+01:00 | Europe/Berlin | 2025-04-01 | Abwesenheitsnotiz | Ich bin in Elternzeit bis 31.03.2025. Bitte wenden Sie sich an Herrn Maier.
de-d11 | de | 2024-06-14T09:00:00+02:00 | Europe/Berlin | 2024-06-17 | Abwesend | Ich bin heute nicht im Büro.
de-d12 | de | 2024-04-15T09:00:00+02:00 | Europe/Zurich | 2024-04-25 | Abwesenheitsnotiz | Ich bin auf Geschäftsreise und nicht vor dem 25. April zurück.
de-d13 | de | 2024-10-25T09:00:00+02:00 | Europe/Berlin | 2024-11-04 | Abwesenheitsnotiz | Vielen Dank für Ihre E-Mail. Ich bin in den Herbstferien. Am Montag, 4. November bin ich wieder da.
de-d14 | de | 2025-05-19T09:00:00+02:00 | Europe/Berlin | 2025-06-02 | Abwesenheit | Ich bin bis inkl. 30. Mai auf Reisen.
de-d15 | de | 2024-05-06T09:00:00+02:00 | Europe/Berlin | null | Abwesenheitsnotiz | Ich bin derzeit nicht im Büro. Ihre Nachricht wird nicht weitergeleitet.
fr-d1 | fr | 2025-02-24T09:00:00+01:00 | Europe/Paris | 2025-03-03 | Absence | Je suis en congés. Je serai de retour à partir du 3 mars.
fr-d2 | fr | 2024-06-12T09:00:00+02:00 | Europe/Paris | 2024-06-24 | Réponse automatique | Je suis absent jusqu'au 21 inclus.
fr-d3 | fr | 2024-07-01T09:00:00+02:00 | Europe/Paris | 2024-07-08 | Réponse automatique | Je suis en déplacement, de retour le lundi 8 juillet.
fr-d4 | fr | 2024-08-09T09:00:00+02:00 | Europe/Paris | 2024-08-19 | Absence | Je suis absente du 12 au 16 août.
fr-d5 | fr | 2024-09-25T09:00:00+02:00 | Europe/Paris | 2024-09-30 | Réponse automatique | Je suis en salon professionnel et serai de retour la semaine prochaine.
fr-d6 | fr | 2024-12-23T09:00:00+01:00 | Europe/Paris | 2025-01-02 | Absence | Je suis en congés et reprendrai le travail après les fêtes.
fr-d7 | fr | 2024-10-17T09:00:00+02:00 | Europe/Paris | 2024-10-22 | Absence | Je suis absent jusqu'à lundi.
fr-d8 | fr | 2024-04-09T09:00:00+02:00 | Europe/Paris | 2024-04-10 | Réponse automatique | Je suis absent aujourd'hui, de retour demain.
fr-d9 | fr | 2024-12-20T09:00:00+01:00 | Europe/Paris | 2025-01-02 | Fermeture | Nos bureaux sont fermés du 24/12 au 01/01 inclus.
fr-d10 | fr | 2024-10-28T09:00:00+01:00 | Europe/Paris | 2024-11-04 | Réponse automatique | Merci pour votre message. Je suis en vacances et je reviens le 4 novembre.
fr-d11 | fr | 2024-08-05T09:00:00+02:00 | Europe/Paris | 2024-09-02 | Fermeture estivale | Le bureau est fermé pour l'été. Nous serons à nouveau joignables dès le 2 septembre.
fr-d12 | fr | 2024-03-11T09:00:00+01:00 | Europe/Paris | 2024-03-20 | Absence | Je suis en formation et ne serai pas de retour avant le 20 mars.
fr-d13 | fr | 2024-04-08T09:00:00+02:00 | Europe/Paris | 2024-04-15 | Absence | Je suis en arrêt maladie, retour prévu le 15/04.
fr-d14 | fr | 2024-11-13T09:00:00+01:00 | Europe/Paris | 2024-11-18 | Réponse automatique | Je suis absent cette semaine avec un accès limité à mes e-mails.
fr-d15 | fr | 2024-05-06T09:00:00+02:00 | Europe/Paris | null | Absence | Je suis actuellement absent. En cas d'urgence, contactez mon collègue.
es-d1 | es | 2024-06-05T09:00:00+02:00 | Europe/Madrid | 2024-06-10 | Fuera de la oficina | Estoy fuera de la oficina. Estaré disponible a partir del lunes.
es-d2 | es | 2024-06-10T09:00:00+02:00 | Europe/Madrid | 2024-06-24 | Vacaciones | Estoy de vacaciones hasta el 21 de junio.
es-d3 | es | 2024-08-12T09:00:00+02:00 | Europe/Madrid | 2024-09-02 | Respuesta automática | Estoy de vacaciones. Vuelvo el 2 de septiembre.
es-d4 | es | 2024-07-12T09:00:00+02:00 | Europe/Madrid | 2024-07-22 | Ausente | Estaré ausente del 15 al 19 de julio, ambos inclusive.
es-d5 | es | 2024-10-02T09:00:00+02:00 | Europe/Madrid | 2024-10-07 | Respuesta automática | Estoy de viaje y regreso la próxima semana.
es-d6 | es | 2024-12-19T09:00:00+01:00 | Europe/Madrid | 2025-01-02 | Cerrado por Navidad | Estamos cerrados por Navidad y volveremos después de las fiestas.
es-d7 | es | 2024-12-27T09:00:00+01:00 | Europe/Madrid | 2025-01-07 | Vacaciones | Estoy de vacaciones hasta después de Reyes.
es-d8 | es | 2024-03-19T09:00:00+01:00 | Europe/Madrid | 2024-03-20 | Respuesta automática | Hoy estoy fuera de la oficina, regreso mañana.
es-d9 | es | 2024-11-04T09:00:00+01:00 | Europe/Madrid | 2024-11-11 | Respuesta automática | Me encuentro de viaje de negocios hasta el viernes 8 de noviembre.
es-d10 | es | 2024-09-02T09:00:00-05:00 | America/Bogota | 2024-09-10 | Respuesta automática | Estoy en una conferencia. Regresaré a la oficina el 10/09.
es-d11 | es | 2024-11-15T09:00:00+01:00 | Europe/Madrid | 2025-02-03 | Baja por maternidad | Estoy de baja por maternidad hasta el 31/01/2025.
es-d12 | es | 2024-05-22T09:00:00+02:00 | Europe/Madrid | 2024-05-27 | Fuera de la oficina | Estoy fuera esta semana.
es-d13 | es | 2024-10-09T09:00:00+02:00 | Europe/Madrid | 2024-10-14 | Vacaciones | Estoy de vacaciones. Desde el lunes 14 de octubre estaré de vuelta en la oficina.
es-d14 | es | 2024-03-12T09:00:00+01:00 | Europe/Madrid | 2024-03-22 | Fuera de la oficina | Estoy fuera hasta el 21.
es-d15 | es | 2024-05-06T09:00:00+02:00 | Europe/Madrid | null | Respuesta automática | Gracias por su mensaje. Le responderé lo antes posible.
pt-d1 | pt | 2024-04-17T09:00:00-03:00 | America/Sao_Paulo | 2024-04-22 | Resposta automática | Estou em viagem. A partir de segunda-feira estarei disponível.
pt-d2 | pt | 2024-03-04T09:00:00+00:00 | Europe/Lisbon | 2024-03-18 | Férias | Estou de férias até 15 de março.
pt-d3 | pt | 2024-08-14T09:00:00+01:00 | Europe/Lisbon | 2024-09-02 | Ausente | Estou ausente e estarei de volta em 2 de setembro.
pt-d4 | pt | 2024-08-02T09:00:00-03:00 | America/Sao_Paulo | 2024-08-12 | Ausente | Estarei ausente de 5 a 9 de agosto.
pt-d5 | pt | 2024-06-12T09:00:00-03:00 | America/Sao_Paulo | 2024-06-17 | Resposta automática | Estou em uma conferência e volto na próxima semana.
pt-d6 | pt | 2024-12-20T09:00:00+00:00 | Europe/Lisbon | 2025-01-02 | Encerrado | O escritório está fechado e regressamos depois das festas.
pt-d7 | pt | 2024-02-06T09:00:00-03:00 | America/Sao_Paulo | 2024-02-07 | Resposta automática | Hoje estou fora do escritório. Retorno amanhã.
pt-d8 | pt | 2024-09-11T09:00:00-03:00 | America/Sao_Paulo | 2024-09-16 | Resposta automática | Estou participando de um congresso até sexta-feira.
pt-d9 | pt | 2024-06-28T09:00:00-03:00 | America/Sao_Paulo | 2024-07-08 | Férias | Estou de férias. Retorno no dia 08/07.
pt-d10 | pt | 2025-01-10T09:00:00-03:00 | America/Sao_Paulo | 2025-07-01 | Licença | Estou de licença-maternidade até 30/06/2025.
pt-d11 | pt | 2024-07-19T09:00:00+01:00 | Europe/Lisbon | 2024-07-29 | Ausente | Estarei ausente entre 22 e 26 de julho.
pt-d12 | pt | 2024-10-09T09:00:00-03:00 | America/Sao_Paulo | 2024-10-14 | Resposta automática | Estou fora esta semana.
pt-d13 | pt | 2024-12-27T09:00:00+00:00 | Europe/Lisbon | 2025-01-07 | Férias | Estou de férias e regresso a 7 de janeiro.
pt-d14 | pt | 2024-05-28T09:00:00-03:00 | America/Sao_Paulo | 2024-06-03 | Resposta automática | Estou fora do escritório e voltarei dia 3.
pt-d15 | pt | 2024-05-06T09:00:00-03:00 | America/Sao_Paulo | null | Resposta automática | Obrigado pelo contato. Responderemos em breve.
nl-d1 | nl | 2024-05-29T09:00:00+02:00 | Europe/Amsterdam | 2024-06-03 | Automatisch antwoord | Ik ben op vakantie. Vanaf maandag ben ik weer bereikbaar.
nl-d2 | nl | 2024-06-03T09:00:00+02:00 | Europe/Amsterdam | 2024-06-17 | Afwezig | Ik ben afwezig tot en met 14 juni.
nl-d3 | nl | 2024-07-22T09:00:00+02:00 | Europe/Amsterdam | 2024-08-05 | Vakantie | Ik ben met vakantie en ben weer op kantoor op 5 augustus.
nl-d4 | nl | 2024-06-28T09:00:00+02:00 | Europe/Amsterdam | 2024-07-08 | Afwezig | Ik ben afwezig van 1 t/m 5 juli.
nl-d5 | nl | 2024-09-11T09:00:00+02:00 | Europe/Amsterdam | 2024-09-16 | Automatisch antwoord | Ik ben op een beurs en volgende week weer terug.
nl-d6 | nl | 2024-12-20T09:00:00+01:00 | Europe/Amsterdam | 2025-01-02 | Kerstverlof | Ik ben met kerstverlof en na de feestdagen weer bereikbaar.
nl-d7 | nl | 2024-01-16T09:00:00+01:00 | Europe/Amsterdam | 2024-01-17 | Afwezig | Ik ben vandaag ziek. Morgen ben ik weer aanwezig.
nl-d8 | nl | 2024-02-21T09:00:00+01:00 | Europe/Amsterdam | 2024-02-26 | Automatisch antwoord | Ik ben tot vrijdag op zakenreis.
nl-d9 | nl | 2024-08-01T09:00:00+02:00 | Europe/Brussels | 2024-08-12 | Vakantie | Ik ben met vakantie, terug op 12/08.
nl-d10 | nl | 2024-10-14T09:00:00+02:00 | Europe/Amsterdam | 2025-02-03 | Verlof | Ik ben met zwangerschapsverlof tot en met 31-01-2025.
nl-d11 | nl | 2024-04-10T09:00:00+02:00 | Europe/Amsterdam | 2024-04-15 | Automatisch antwoord | Ik ben deze week niet op kantoor.
nl-d12 | nl | 2024-10-28T09:00:00+01:00 | Europe/Amsterdam | 2024-11-04 | Afwezig | Ik ben afwezig en op maandag 4 november weer aanwezig.
nl-d13 | nl | 2024-12-23T09:00:00+01:00 | Europe/Amsterdam | 2025-01-02 | Gesloten | Wij zijn gesloten en vanaf 2 januari weer bereikbaar.
nl-d14 | nl | 2024-03-12T09:00:00+01:00 | Europe/Amsterdam | 2024-03-22 | Afwezig | Ik ben afwezig tot en met de 21e.
nl-d15 | nl | 2024-05-06T09:00:00+02:00 | Europe/Amsterdam | null | Automatisch antwoord | Ik ben momenteel afwezig. Uw e-mail wordt niet doorgestuurd.
it-d1 | it | 2025-04-28T09:00:00+02:00 | Europe/Rome | 2025-05-05 | Ferie | Sono in ferie. Dal 5 maggio sarò di nuovo in ufficio.
it-d2 | it | 2024-06-03T09:00:00+02:00 | Europe/Rome | 2024-06-17 | Fuori ufficio | Sono fuori ufficio fino al 14 giugno.
it-d3 | it | 2024-08-09T09:00:00+02:00 | Europe/Rome | 2024-09-02 | Risposta automatica | Sono in ferie, rientro il 2 settembre.
it-d4 | it | 2024-08-09T09:00:00+02:00 | Europe/Rome | 2024-08-26 | Chiusura estiva | L'ufficio resterà chiuso dal 12 al 23 agosto.
it-d5 | it | 2024-11-06T09:00:00+01:00 | Europe/Rome | 2024-11-11 | Risposta automatica | Sono in trasferta e tornerò la prossima settimana.
it-d6 | it | 2024-12-20T09:00:00+01:00 | Europe/Rome | 2025-01-02 | Ferie | Sono in ferie e sarò di nuovo disponibile dopo le feste.
it-d7 | it | 2024-12-23T09:00:00+01:00 | Europe/Rome | 2025-01-07 | Chiusura | Gli uffici sono chiusi e riapriranno dopo l'Epifania.
it-d8 | it | 2024-03-05T09:00:00+01:00 | Europe/Rome | 2024-03-06 | Risposta automatica | Oggi sono assente, rientro domani.
it-d9 | it | 2024-10-16T09:00:00+02:00 | Europe/Rome | 2024-10-22 | Assente | Sono in malattia fino a lunedì.
it-d10 | it | 2024-07-08T09:00:00+02:00 | Europe/Rome | 2024-07-15 | Fuori sede | Sono fuori sede, di ritorno il 15/07.
it-d11 | it | 2024-11-18T09:00:00+01:00 | Europe/Rome | 2025-04-01 | Maternità | Sono in congedo di maternità fino al 31/03/2025 compreso.
it-d12 | it | 2024-05-15T09:00:00+02:00 | Europe/Rome | 2024-05-20 | Fuori ufficio | Sono fuori ufficio questa settimana.
it-d13 | it | 2024-09-02T09:00:00+02:00 | Europe/Rome | 2024-09-09 | Ferie | Sono in ferie. Sarò nuovamente in ufficio lunedì 9 settembre.
it-d14 | it | 2024-03-12T09:00:00+01:00 | Europe/Rome | 2024-03-22 | Assente | Sono assente fino al 21.
it-d15 | it | 2024-05-06T09:00:00+02:00 | Europe/Rome | null | Risposta automatica | Grazie per la sua email. Le risponderò al più presto.
`);
