/**
 * Times of day in replies, in the seven languages: "10:30", "3pm", "14 Uhr",
 * "10h", "às 14h", "alle 11", "om 15.00 uur", "at 3", "10ish", "halb drei",
 * "Viertel nach zehn", "half 9", "a las diez y media", "noon".
 *
 * chrono (2.10.3) covers the numeric forms in most locales but reads "Thursday
 * at 3" as 03:00, misses "às 14h" (pt), "gegen 10", "halb drei", "Viertel nach
 * zehn" (de), "half 9", "10ish", "between 1 and 3" (en), "om 14u", "rond
 * tienen" (nl), "verso le 9", "h10", "alle ore 10" (it), and takes a German
 * "17.3." for 17:00; so times are parsed here and chrono is only the fallback
 * for days.
 *
 * A bare hour is read as a business hour: 1–7 without am/pm or a part of the
 * day means the afternoon ("Thursday at 3" → 15:00, "ab 2" → 14:00).
 */
import { afternoonWords, morningWords, noonWords, numberWords } from './date-lexicon.ts';

export type TimeMention = { index: number; end: number; hour: number; minute: number; text: string };

/** Articles are number words for durations ("in a month") but never an hour ("at a"). */
const articleLike = new Set(['a', 'an', 'ein', 'eine', 'einen', 'einem', 'un', 'uno', 'um', 'een', 'couple']);
const hourWords = [...numberWords.keys()]
  .filter((w) => !articleLike.has(w))
  .sort((a, b) => b.length - a.length);
const hourAlt = `\\d{1,2}|${hourWords.join('|')}`;

/** Words that introduce a time ("at 3", "um 10", "alle 11", "às 14", "a las 9"). */
const timePrepositions =
  'at|around|from|after|between|by|till|until|um|gegen|ab|nach|bis|zwischen|vers|des|entre|a partir de|a las|a la|' +
  'sobre las|hacia las|a eso de las|desde las|entre las|desde|sobre|hacia|alle|dalle|verso le|dopo le|tra le|per le|' +
  'verso|ore|tra|as|pelas|por volta das|a partir das|depois das|antes das|entre as|om|rond|tegen|vanaf|na|tot|tussen';

/** After a number, these mean it is not a time ("at 30 mins", "after 2 weeks", "from 2 people"). */
const notATimeAfter = new RegExp(
  '^\\s*(?:[./-]\\s?\\d|\\d|%|º|°|€|\\$|' +
    // ordinals and units, as whole words ("at 3rd", "after 2 weeks", "from 2 people")
    '(?:st|nd|rd|th|e|er|eme|an|ans|mes|ano|anni|jaar|jahr|dag|dia|tag|jour|mois|woche|semana|semaine)\\b|' +
    // unit stems, any ending ("min", "minutes", "Minuten", "giorni", "settimane", "weeks", "maanden")
    '(?:min|day|week|wek|month|maand|monat|year|tage|dagen|dias|jours|semaines|semanas|giorn|settiman|mesi|mese|people|person|leute|pessoa|mensen))',
);

function hourValue(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return numberWords.get(word) ?? null;
}

type RawTime = { index: number; end: number; hour: number; minute: number; meridiem: 'am' | 'pm' | null };

function meridiemOf(s: string | undefined): 'am' | 'pm' | null {
  if (!s) return null;
  return s.startsWith('p') ? 'pm' : 'am';
}

function collect(text: string, language: string | null): RawTime[] {
  const out: RawTime[] = [];
  const push = (
    index: number,
    end: number,
    hour: number | null,
    minute: number,
    meridiem: 'am' | 'pm' | null,
  ) => {
    if (hour === null || hour > 24 || minute > 59 || hour < 0) return;
    if (out.some((t) => index < t.end && end > t.index)) return;
    out.push({ index, end, hour, minute, meridiem });
  };
  const ampm = '(a\\.?m\\.?|p\\.?m\\.?)';

  // Half and quarter hours, before the plain hour patterns take the number.
  const halfBefore = language === 'nl' || language === 'de';
  for (const m of text.matchAll(new RegExp(`\\b(halb|half)\\s+(past\\s+)?(${hourAlt})\\b`, 'g'))) {
    const h = hourValue(m[3]!);
    // German "halb drei" and Dutch "half drie" are half an hour *before* three; English "half 9" is 9:30.
    const before = m[1] === 'halb' || (m[1] === 'half' && halfBefore && !m[2]);
    if (h !== null) push(m.index, m.index + m[0].length, before ? h - 1 : h, 30, null);
  }
  for (const m of text.matchAll(
    new RegExp(`\\b(viertel|quarter|kwart)\\s+(nach|past|over|vor|to|voor)\\s+(${hourAlt})\\b`, 'g'),
  )) {
    const h = hourValue(m[3]!);
    if (h === null) continue;
    const after = ['nach', 'past', 'over'].includes(m[2]!);
    push(m.index, m.index + m[0].length, after ? h : h - 1, after ? 15 : 45, null);
  }
  for (const m of text.matchAll(
    new RegExp(
      `\\b(?:(?:${timePrepositions})\\s+)?(${hourAlt})(?:\\s?(?:h|uhr|heures?|horas?))?\\s+(?:y|e|et|und)\\s+(media|meia|mezza|mezzo|demie|cuarto|quart|un quarto|quinze)\\b`,
      'g',
    ),
  )) {
    const minute = /^(?:cuarto|quart|un quarto|quinze)$/.test(m[2]!) ? 15 : 30;
    push(m.index, m.index + m[0].length, hourValue(m[1]!), minute, null);
  }

  // 10:30, 10h30, 15.00 uur, 4:30pm
  for (const m of text.matchAll(
    new RegExp(`(?<![\\d./])(\\d{1,2})\\s?([:.h])\\s?(\\d{2})(?![\\d])(?:\\s?${ampm})?`, 'g'),
  )) {
    const after = text.slice(m.index + m[0].length);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (m[2] === '.') {
      // "17.03." or "17.3.2026" is a date; "15.00 uur", "um 10.30" a time.
      const minute = Number(m[3]);
      const timeCue =
        /^\s*(?:uhr|uur|h\b|am|pm)/.test(after) || new RegExp(`\\b(?:${timePrepositions})\\s$`).test(before);
      if (!timeCue && (after.startsWith('.') || (minute > 0 && minute <= 12))) continue;
      if (/^\.\d/.test(after)) continue;
    }
    push(m.index, m.index + m[0].length, Number(m[1]), Number(m[3]), meridiemOf(m[4]));
  }
  // 3pm, 11 a.m.
  for (const m of text.matchAll(new RegExp(`(?<![\\d./:])(\\d{1,2})\\s?${ampm}(?![a-z])`, 'g'))) {
    push(m.index, m.index + m[0].length, Number(m[1]), 0, meridiemOf(m[2]));
  }
  // 14 Uhr, 10h, 15 uur, 14 horas, alle ore 11 (the "ore" before is a preposition, below)
  for (const m of text.matchAll(
    new RegExp(`(?<![\\d./:])(${hourAlt})\\s?(?:uhr|uur|u|h|hs|hrs?|heures?|horas?)(?![a-z\\d])`, 'g'),
  )) {
    if (/^[a-z]/.test(m[1]!) && !/\s(?:uhr|uur|heures?|horas?)$/.test(m[0])) continue;
    push(m.index, m.index + m[0].length, hourValue(m[1]!), 0, null);
  }
  // Italian "h10", "h 17:30"
  for (const m of text.matchAll(/\bh\s?(\d{1,2})(?:[:.](\d{2}))?(?![\d])/g)) {
    push(m.index, m.index + m[0].length, Number(m[1]), m[2] ? Number(m[2]) : 0, null);
  }
  // 10ish
  for (const m of text.matchAll(/(?<![\d./:])(\d{1,2})\s?-?ish\b/g))
    push(m.index, m.index + m[0].length, Number(m[1]), 0, null);
  // at 3, um 10, alle 11, a las diez, om tien
  for (const m of text.matchAll(
    new RegExp(`\\b(?:${timePrepositions})\\s+(?:ca\\.?\\s+)?(${hourAlt})\\b`, 'g'),
  )) {
    const end = m.index + m[0].length;
    if (notATimeAfter.test(text.slice(end))) continue;
    if (/^\d+$/.test(m[1]!) && Number(m[1]) > 24) continue;
    push(m.index, end, hourValue(m[1]!), 0, null);
  }
  for (const m of text.matchAll(/[\p{L}-]+/gu)) {
    if (noonWords.has(m[0])) push(m.index, m.index + m[0].length, 12, 0, null);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** All times of day mentioned, in text order, as 24-hour values. `text` is prepared (date-text.ts). */
export function findTimes(text: string, language: string | null = null): TimeMention[] {
  return collect(text, language).map((t) => {
    let hour = t.hour;
    if (t.meridiem === 'pm' && hour < 12) hour += 12;
    else if (t.meridiem === 'am' && hour === 12) hour = 0;
    else if (t.meridiem === null && hour < 12) {
      const around = text.slice(Math.max(0, t.index - 30), Math.min(text.length, t.end + 30));
      if (afternoonWords.test(around) && hour < 10) hour += 12;
      else if (!morningWords.test(around) && hour >= 1 && hour <= 7) hour += 12;
    }
    return {
      index: t.index,
      end: t.end,
      hour: hour % 24,
      minute: t.minute,
      text: text.slice(t.index, t.end),
    };
  });
}
