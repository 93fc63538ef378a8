/**
 * The text the date parsers read: lower-case, accents stripped, and links,
 * addresses and phone numbers blanked out (a phone number "555-0142" or a
 * Calendly slug must not become a date). Every step keeps the length, so an
 * index in the prepared text is an index in the original.
 */

const blank = (s: string) => ' '.repeat(s.length);

/** Lower-cases and strips accents without changing the string's length. */
export function foldForDates(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (folded.length === ch.length) out += folded;
    else {
      const lower = ch.toLowerCase();
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out.replace(/[’‘`´]/g, "'");
}

export function prepareDateText(text: string): string {
  return (
    foldForDates(text)
      .replace(/\b(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|io|de|fr|es|pt|nl|it|net|org)\/\S*/g, blank)
      .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, blank)
      // Phone numbers: 6+ digits with separators, or a leading + / 0 area code ("0171 5550198", "555-0142").
      .replace(/(?:\+|\b)\d[\d ()/-]{5,}\d\b/g, (m) => (/\d{3,}[ -]\d{3,}|\+|\d{6,}/.test(m) ? blank(m) : m))
  );
}
