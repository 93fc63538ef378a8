/**
 * Date and time words in the seven reply languages, accent-folded and lower-case
 * (see date-text.ts). One table per concept so the parsers stay language-blind:
 * words seldom collide across these languages, and where they do ("mai" is May
 * in German and French but "never" in Italian, "may" is an English verb) the
 * parsers ask for context.
 */

function table<T>(entries: [T, string][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words.trim().split(/\s+/)) map.set(w, value);
  return map;
}

/** Weekday words → 0 (Sunday) … 6. Short English forms are kept; Saturday/Sunday abbreviations are words. */
export const weekdayWords = table<number>([
  [1, 'monday mon montag lundi lunes segunda segunda-feira maandag lunedi'],
  [2, 'tuesday tue tues dienstag mardi martes terca terca-feira dinsdag martedi'],
  [3, 'wednesday wed mittwoch mercredi miercoles quarta quarta-feira woensdag mercoledi'],
  [4, 'thursday thu thur thurs donnerstag jeudi jueves quinta quinta-feira donderdag giovedi'],
  [5, 'friday fri freitag vendredi viernes sexta sexta-feira vrijdag venerdi'],
  [6, 'saturday samstag sonnabend samedi sabado sabado-feira zaterdag sabato'],
  [0, 'sunday sonntag dimanche domingo zondag domenica'],
]);

/** Weekday stems that also start compounds ("Mittwochnachmittag", "donderdagochtend"). */
export const compoundWeekdayStems = table<number>([
  [1, 'montag maandag'],
  [2, 'dienstag dinsdag'],
  [3, 'mittwoch woensdag'],
  [4, 'donnerstag donderdag'],
  [5, 'freitag vrijdag'],
]);

export const monthWords = table<number>([
  [1, 'january jan januar janner janvier enero janeiro januari gennaio'],
  [2, 'february feb februar fevrier febrero fevereiro februari febbraio'],
  [3, 'march mar marz maerz mars marzo marco maart'],
  [4, 'april apr avril abril aprile'],
  [5, 'may mai mayo maio mei maggio'],
  [6, 'june jun juni juin junio junho giugno'],
  [7, 'july jul juli juillet julio julho luglio'],
  [8, 'august aug aout agosto augustus'],
  [9, 'september sept sep septembre septiembre setiembre setembro settembre'],
  [10, 'october oct oktober octobre octubre outubro ottobre'],
  [11, 'november nov novembre noviembre novembro'],
  [12, 'december dec dezember decembre diciembre dezembro dicembre'],
]);

/** Month words that are also ordinary words or names: only a month next to a number or a date preposition. */
export const ambiguousMonthWords = new Set(['may', 'mar', 'march', 'mai', 'jan', 'sep', 'dec']);

/** Prepositions that make an ambiguous month word a month ("in May", "bis Mai", "à partir de mai"). */
export const monthPrepositions = new Set(
  `in until till til by from after before early mid late since end beginning start of im bis ab nach vor anfang
  ende mitte en jusqu a partir des debut fin hasta desde despues principios finales em ate apos depois inicio
  final tot na vanaf begin eind tra fino da dopo inizio fine`.split(/\s+/),
);

/** Relative day words (folded). Multi-word forms are matched as phrases. */
export const relativeDayPhrases: [string, number][] = [
  ['day after tomorrow', 2],
  ['ubermorgen', 2],
  ['apres-demain', 2],
  ['apres demain', 2],
  ['pasado manana', 2],
  ['depois de amanha', 2],
  ['overmorgen', 2],
  ['dopodomani', 2],
  ['this afternoon', 0],
  ['this evening', 0],
  ['later today', 0],
  ['cet apres-midi', 0],
  ['ce soir', 0],
  ['esta tarde', 0],
  ['esta noche', 0],
  ['vanmiddag', 0],
  ['vanavond', 0],
  ['stasera', 0],
  ['stamattina', 0],
  ['questo pomeriggio', 0],
  ['today', 0],
  ['tonight', 0],
  ['heute', 0],
  ["aujourd'hui", 0],
  ['aujourd hui', 0],
  ['hoy', 0],
  ['hoje', 0],
  ['vandaag', 0],
  ['oggi', 0],
  ['tomorrow', 1],
  ['tmrw', 1],
  ['morgen', 1],
  ['demain', 1],
  ['manana', 1],
  ['amanha', 1],
  ['domani', 1],
];

/** "morgen" and "mañana" also mean "morning": these neighbours say which. */
export const morningNotTomorrow = /(?:guten|goede|goeie|good|la|por la|de la|esta|cada|jeden|elke)\s$/;

/** Phrases putting a weekday in next week ("next week Tuesday", "la semaine prochaine, mardi"). */
export const nextWeekPhrases = [
  'next week',
  'the week after',
  'nachste woche',
  'nachsten woche',
  'kommende woche',
  'kommenden woche',
  'semaine prochaine',
  'la semana que viene',
  'la proxima semana',
  'semana que viene',
  'proxima semana',
  'semana que vem',
  'volgende week',
  'komende week',
  'settimana prossima',
  'prossima settimana',
];

/** Numbers written as words, 1–12 (times and durations). */
export const numberWords = table<number>([
  [1, 'one a an eins ein eine einen einem un une uno una um uma een'],
  [2, 'two couple zwei deux dos dois duas twee due tweeen'],
  [3, 'three drei trois tres drie tre drieen'],
  [4, 'four vier quatre cuatro quatro quattro vieren'],
  [5, 'five funf fuenf cinq cinco vijf cinque vijven'],
  [6, 'six sechs seis zes sei zessen'],
  [7, 'seven sieben sept siete sete zeven sette'],
  [8, 'eight acht huit ocho oito otto achten'],
  [9, 'nine neun neuf nueve nove negen negenen'],
  [10, 'ten zehn dix diez dez tien dieci tienen'],
  [11, 'eleven elf onze once undici elven'],
  [12, 'twelve zwolf douze doce doze twaalf dodici twaalven'],
]);

/** Words for midday. */
export const noonWords = new Set(['noon', 'midday', 'mittag', 'mittags', 'midi', 'meio-dia', 'mezzogiorno']);

/** Part-of-day words that turn an ambiguous "3" into 15:00 or keep "10" in the morning. */
export const afternoonWords =
  /\b(?:pm|afternoon|arvo|evening|nachmittags?|abends?|apres-midi|soir|tarde|noche|noite|middags?|avond|pomeriggio|sera)\b/;
export const morningWords =
  /\b(?:a\.m\.|morning|vormittags?|morgens|fruh|matin|matinee|manha|ochtend|mattina|mattino)\b/;

/** Duration units → days or months. */
export const durationUnits = table<{ days?: number; months?: number }>([
  [{ days: 1 }, 'day days tag tage tagen jour jours dia dias dag dagen giorno giorni'],
  [{ days: 7 }, 'week weeks woche wochen semaine semaines semana semanas weken settimana settimane wk wks'],
  [{ months: 1 }, 'month months monat monate monaten mois mes meses maand maanden mese mesi'],
]);
