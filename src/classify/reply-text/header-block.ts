/**
 * Outlook-style header blocks ("From: … / Sent: … / To: … / Subject: …") that
 * introduce unquoted history, in the languages Outlook, webmails and phones
 * localise them into. A block is recognised by several distinct fields in a
 * row; one "From:" line in a sentence is not enough.
 */

import { isBlank, isRuleLine } from './text-lines.ts';

export type HeaderField = 'from' | 'date' | 'to' | 'cc' | 'subject' | 'replyTo';

const FIELD_NAMES: Record<HeaderField, readonly string[]> = {
  from: [
    'From',
    'Von',
    'De',
    'Van',
    'Da',
    'Från',
    'Fra',
    'Lähettäjä',
    'Od',
    'От',
    'Від',
    'Expéditeur',
    'Remitente',
    'Afzender',
    'Mittente',
    'Avsändare',
    'Nadawca',
    '发件人',
    '寄件者',
    '寄件人',
    '差出人',
    '보낸 사람',
  ],
  date: [
    'Sent',
    'Date',
    'Gesendet',
    'Datum',
    'Envoyé le',
    'Envoyé',
    'Message du',
    'Enviado el',
    'Enviado em',
    'Enviada em',
    'Enviado',
    'Enviada',
    'Fecha',
    'Data',
    'Verzonden',
    'Verstuurd',
    'Inviato',
    'Skickat',
    'Sendt',
    'Dato',
    'Lähetetty',
    'Päivämäärä',
    'Wysłano',
    'Wysłane',
    'Отправлено',
    'Дата',
    'Надіслано',
    '发送时间',
    '日期',
    '寄件日期',
    '送信日時',
    '日付',
    '보낸 날짜',
  ],
  to: [
    'To',
    'An',
    'À',
    'A',
    'Para',
    'Aan',
    'Till',
    'Til',
    'Vastaanottaja',
    'Do',
    'Кому',
    'Destinataire',
    'Destinatario',
    'Empfänger',
    '收件人',
    '收件者',
    '宛先',
    '받는 사람',
  ],
  cc: [
    'Cc',
    'Bcc',
    'Kopie',
    'Copie à',
    'Copie',
    'Copia',
    'Kopia',
    'Kopi',
    'Kopio',
    'DW',
    'Копия',
    'Копія',
    '抄送',
    '副本',
  ],
  subject: [
    'Subject',
    'Betreff',
    'Objet',
    'Sujet',
    'Asunto',
    'Assunto',
    'Onderwerp',
    'Oggetto',
    'Ämne',
    'Emne',
    'Aihe',
    'Temat',
    'Тема',
    '主题',
    '主旨',
    '件名',
    '제목',
  ],
  replyTo: [
    'Reply-To',
    'Antwort an',
    'Répondre à',
    'Responder a',
    'Beantwoorden - Aan',
    'Rispondi a',
    'Svara till',
  ],
};

const FIELD_BY_NAME = new Map<string, HeaderField>();
for (const [field, names] of Object.entries(FIELD_NAMES) as [HeaderField, readonly string[]][]) {
  for (const name of names) FIELD_BY_NAME.set(name.toLowerCase(), field);
}
const NAME_ALT = [...FIELD_BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
// Optional Markdown/Outlook bold ("*From:*"), French spacing before the colon, full-width colon.
const HEADER_LINE = new RegExp(`^\\s*[*_]{0,2}(${NAME_ALT})[*_]{0,2}\\s*[:：]`, 'iu');

const HAS_ADDRESS_OR_DATE = /@|\d{1,2}[:.]\d{2}|\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/;

/** The header field a line starts with, or null. */
export function headerField(line: string): HeaderField | null {
  const m = HEADER_LINE.exec(line);
  if (!m?.[1]) return null;
  return FIELD_BY_NAME.get(m[1].toLowerCase()) ?? null;
}

export type HeaderBlock = { start: number; end: number; fields: HeaderField[] };

/**
 * A header block whose first field line is `i`, as [start, end) indexes. The
 * block starts earlier when a rule line ("_____", "-----", "====") sits right
 * above it, as Outlook and webmails draw one.
 */
export function matchHeaderBlock(lines: readonly string[], i: number): HeaderBlock | null {
  const first = lines[i];
  if (first === undefined || headerField(first) === null) return null;
  const fields: HeaderField[] = [];
  let valuesLookReal = false;
  let j = i;
  let continuation = 0;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    const field = headerField(line);
    if (field !== null) {
      fields.push(field);
      continuation = 0;
      if (HAS_ADDRESS_OR_DATE.test(line)) valuesLookReal = true;
      j++;
      continue;
    }
    if (isBlank(line)) {
      // Some clients leave an empty line between fields; more than one ends the block.
      const next = lines[j + 1];
      if (next !== undefined && headerField(next) !== null && fields.length > 0) {
        j++;
        continue;
      }
      break;
    }
    // A wrapped value ("From: Human Resources\n<hr@…>"), at most two lines of it.
    if (fields.length > 0 && continuation < 2 && line.length <= 160) {
      continuation++;
      if (HAS_ADDRESS_OR_DATE.test(line)) valuesLookReal = true;
      j++;
      continue;
    }
    break;
  }
  // Trailing continuation lines belong to the quoted body, not to the block.
  let end = j;
  while (end > i && headerField(lines[end - 1] ?? '') === null) end--;
  const distinct = new Set(fields);
  const start = ruleAbove(lines, i);
  const anchored = distinct.has('from') || distinct.has('date');
  const strong = distinct.size >= 3 || (distinct.size >= 2 && (valuesLookReal || start < i));
  if (!anchored || !strong) return null;
  return { start, end, fields: [...distinct] };
}

/** Index of a separator line directly above `i` (one empty line allowed between), else `i`. */
function ruleAbove(lines: readonly string[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const line = lines[k] ?? '';
    if (isBlank(line)) continue;
    return isRuleLine(line) ? k : i;
  }
  return i;
}

// Lotus Notes memo header: sender, date, then bare "To"/"cc"/"Subject" labels on their own lines.
const LOTUS_LABEL = /^\s*(?:To|cc|bcc|Subject)\s*$/i;
const LOTUS_SENDER = /@|\/[A-Z][\w-]*(?:@|\s|$)/;
const LOTUS_DATE = /^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\s*$/i;

/** "John Smith <john@x>\n01/06/2025 10:15 AM\nTo\nJane Doe …": a Lotus Notes reply header at `i`. */
export function matchLotusHeader(lines: readonly string[], i: number): HeaderBlock | null {
  const sender = lines[i] ?? '';
  if (sender.length > 120 || !LOTUS_SENDER.test(sender) || !LOTUS_DATE.test(lines[i + 1] ?? '')) return null;
  const labels = lines.slice(i + 2, i + 10).filter((l) => LOTUS_LABEL.test(l));
  if (!labels.some((l) => /^\s*To\s*$/i.test(l)) || labels.length < 2) return null;
  let end = i + 2;
  for (let k = i + 2; k < Math.min(lines.length, i + 12); k++) {
    if (/^\s*Subject\s*$/i.test(lines[k] ?? '')) {
      end = Math.min(lines.length, k + 2);
      break;
    }
  }
  return { start: i, end, fields: ['from', 'date', 'to', 'subject'] };
}
