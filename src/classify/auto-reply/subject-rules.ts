import { uRegex } from './unicode-regex.ts';

/**
 * Auto-reply subjects. Anchored at the start (or, for AOL and a few others,
 * a fixed suffix) so a human's "Re: Out of office?" never matches: clients
 * put their marker before the original subject, humans reply with "Re:".
 */

/** Phrases that only an absence notice uses. */
const outOfOfficePhrases = [
  'out of (?:the )?office(?: (?:auto ?reply|reply|notification|alert))?',
  'ooo',
  'away from (?:the |my )?office',
  'on (?:vacation|holiday|leave)',
  'vacation(?: (?:reply|response|notice|auto-?reply))?',
  'abwesenheitsnotiz',
  'abwesenheit',
  'abwesend',
  'nicht im büro',
  'urlaub(?:sbenachrichtigung|sabwesenheit)?',
  "message d['’]absence",
  'absente?',
  'absence',
  'hors du bureau',
  'fuera de (?:la )?oficina',
  'ausente',
  'ausencia',
  'fora do escritório',
  'ausência',
  'férias',
  'afwezig(?:heid)?',
  'niet aanwezig',
  'niet op kantoor',
  'fuori sede',
  'fuori ufficio',
  'assente',
  'frånvar(?:o|ande)', // Swedish
  'fravær(?:ende)?', // Norwegian / Danish
  'poza biurem', // Polish
  'nieobecność',
  'atvaļinājums', // Latvian: holiday
  'poissa(?:olo)?', // Finnish
];

/** Generic automatic-answer markers: the body decides whether it is an absence. */
const genericPhrases = [
  'auto(?:matic|mated)?[ -]?(?:reply|response)',
  'auto ?respons', // rfc3834-06 "AutoRespons :"
  'auto generated',
  'yahoo! auto response',
  'auto',
  'automatische antwort',
  'automatische rückantwort',
  'r[ée]ponse automatique',
  'respuesta autom[áa]tica',
  'resposta autom[áa]tica',
  'automatisch antwoord',
  'risposta automatica',
  'risposta: non al computer',
  'autosvar', // Scandinavian
  'automatisk svar',
  'automatyczna odpowied[źz]', // Polish
  'automātiskā atbilde', // Latvian
  'automaattinen vastaus', // Finnish
  '自动回复',
  '自動回覆',
  '自動応答',
];

/** After the marker: a separator, the end, or the quoted "Re:" of the original subject. */
const afterMarker = String.raw`(?=\s*(?:[:\-–\]\)|]|$)|\s+(?:re|aw|fw|fwd|wg|sv|tr|rv|r|odp|antw|vs)\s*:)`;

const outOfOfficeStart = uRegex(String.raw`^\s*[[(]?\s*(${outOfOfficePhrases.join('|')})${afterMarker}`);
const genericStart = uRegex(String.raw`^\s*[[(]?\s*(${genericPhrases.join('|')})${afterMarker}`);
/** AOL "Re: … (Automatic Response)", "[Auto-Reply]" and "- Auto Reply" endings. */
const markerSuffix = uRegex(
  String.raw`(?:\((?:automatic|auto)[ -]?(?:response|reply)\)|\[auto[ -]?(?:reply|response)\]|[-–]\s*auto[ -]?(?:reply|response))\s*$`,
);

export type SubjectMarker = { marker: string; outOfOffice: boolean };

export function subjectMarker(subject: string): SubjectMarker | null {
  const ooo = outOfOfficeStart.exec(subject);
  if (ooo?.[1]) return { marker: ooo[1], outOfOffice: true };
  const generic = genericStart.exec(subject);
  if (generic?.[1]) return { marker: generic[1], outOfOffice: false };
  const suffix = markerSuffix.exec(subject);
  if (suffix) return { marker: suffix[0].trim(), outOfOffice: false };
  return null;
}
