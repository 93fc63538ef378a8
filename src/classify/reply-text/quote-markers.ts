/**
 * Where quoted history starts: attribution lines, "Original Message" and
 * forwarding separators, and Outlook header blocks, in many languages. Each
 * match says what it is so the segmenter can decide how far the quote runs.
 */

import { isBareWroteLine, matchAttribution } from './attribution.ts';
import { matchHeaderBlock, matchLotusHeader } from './header-block.ts';
import { isBlank, isQuotedLine, nextContentLine } from './text-lines.ts';

export type QuoteMarkerKind = 'attribution' | 'original-message' | 'forward' | 'header-block';

export type QuoteMarker = {
  kind: QuoteMarkerKind;
  /** First line of the marker (a separator line above a header block included). */
  start: number;
  /** Exclusive end of the marker lines. */
  end: number;
  text: string;
};

// "-----Original Message-----" and its translations; the dashes may be missing
// or decorated ("*-------- Original Message --------*").
const ORIGINAL_PHRASES = [
  'original message',
  'reply message',
  'ursprüngliche nachricht',
  'originalnachricht',
  'antwort nachricht',
  "message d'origine",
  'message original',
  'mensaje original',
  'mensagem original',
  'oorspronkelijk bericht',
  'origineel bericht',
  'messaggio originale',
  'oprindelig meddelelse',
  'oprindelig besked',
  'opprinnelig melding',
  'ursprungligt meddelande',
  'originalmeddelande',
  'alkuperäinen viesti',
  'wiadomość oryginalna',
  'oryginalna wiadomość',
  'исходное сообщение',
  'оригинальное сообщение',
  'вихідне повідомлення',
  'оригінальне повідомлення',
  '原始邮件',
  '原始郵件',
  '元のメッセージ',
];

const FORWARD_PHRASES = [
  'forwarded message',
  'forwarded e-?mail',
  'weitergeleitete nachricht',
  'message transféré',
  'mensaje reenviado',
  'mensagem encaminhada',
  'doorgestuurd bericht',
  'messaggio inoltrato',
  'videresendt meddelelse',
  'videresendt besked',
  'videresendt melding',
  'vidarebefordrat meddelande',
  'välitetty viesti',
  'przekazana wiadomość',
  'wiadomość przekazana',
  'пересылаемое сообщение',
  'переслане повідомлення',
  '转发邮件',
  '轉寄郵件',
  '転送メッセージ',
];

const phraseAlt = (phrases: readonly string[]) => phrases.join('|');
const FRAMED = (alt: string) => new RegExp(`^[\\s>*_]*[-=_]{2,}\\s*(?:${alt})\\s*[-=_]{2,}[\\s*_]*$`, 'iu');
const ORIGINAL_FRAMED = FRAMED(phraseAlt(ORIGINAL_PHRASES));
const FORWARD_FRAMED = FRAMED(phraseAlt(FORWARD_PHRASES));
// Separators some clients write without dashes.
const ORIGINAL_BARE = new RegExp(`^[\\s*]*(?:${phraseAlt(ORIGINAL_PHRASES)})[\\s*:]*$`, 'iu');
// Apple Mail and friends: "Begin forwarded message:".
const FORWARD_INTRO =
  /^[\s>*]*(?:begin forwarded message|forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|début du message transféré|inicio del mensaje reenviado|início da mensagem reencaminhada|início da mensagem encaminhada|begin doorgestuurd bericht|inizio messaggio inoltrato|vidarebefordrat brev|videresendt besked|välitetty viesti alkaa|początek przekazanej wiadomości|начало переадресованного сообщения)\s*[:：]?\s*$/iu;

function separatorKind(line: string): 'original-message' | 'forward' | null {
  if (line.length > 120) return null;
  if (ORIGINAL_FRAMED.test(line)) return 'original-message';
  if (FORWARD_FRAMED.test(line) || FORWARD_INTRO.test(line)) return 'forward';
  return null;
}

/** The quote marker starting at line `i`, if any. Quoted (">") lines never start one. */
export function matchQuoteStart(lines: readonly string[], i: number): QuoteMarker | null {
  const line = lines[i];
  if (line === undefined || isBlank(line) || isQuotedLine(line)) return null;
  const text = (from: number, to: number) => lines.slice(from, to).join('\n');

  const separator = separatorKind(line);
  if (separator) return { kind: separator, start: i, end: i + 1, text: line.trim() };

  const block = matchHeaderBlock(lines, i) ?? matchLotusHeader(lines, i);
  if (block) return { kind: 'header-block', start: block.start, end: block.end, text: text(i, block.end) };

  // "Original Message" without dashes only counts right above a header block.
  if (ORIGINAL_BARE.test(line)) {
    const next = nextContentLine(lines, i + 1);
    const below = next >= 0 ? matchHeaderBlock(lines, next) : null;
    if (below) return { kind: 'original-message', start: i, end: i + 1, text: line.trim() };
  }

  const attribution = matchAttribution(lines, i);
  if (attribution)
    return { kind: 'attribution', ...attribution, text: text(attribution.start, attribution.end) };

  // "Bob wrote:" followed by quoted lines.
  if (isBareWroteLine(line)) {
    const next = nextContentLine(lines, i + 1);
    if (next >= 0 && isQuotedLine(lines[next] ?? ''))
      return { kind: 'attribution', start: i, end: i + 1, text: line };
  }
  return null;
}
