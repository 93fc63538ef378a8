/**
 * Phrase lists for signatures: sign-off closings, "Sent from my phone"
 * footers, legal disclaimers and external-sender banners, in the languages our
 * leads write in. Every pattern is anchored to a whole line so that the same
 * words inside a sentence ("with regards to the payment") do not match.
 */

const CLOSINGS = [
  // en
  'thanks',
  'thank you',
  'thanks again',
  'thanks in advance',
  'thanks so much',
  'thank you so much',
  'thank you very much',
  'many thanks',
  'thanks a lot',
  'thanks and regards',
  'thanks & regards',
  'thx',
  'tks',
  'ty',
  'cheers',
  'best',
  'all best',
  'all the best',
  'best regards',
  'best wishes',
  'kind regards',
  'kindest regards',
  'warm regards',
  'warmest regards',
  'warm wishes',
  'regards',
  'with regards',
  'with best regards',
  'with kind regards',
  'sincerely',
  'sincerely yours',
  'yours sincerely',
  'yours truly',
  'yours',
  'respectfully',
  'talk soon',
  'speak soon',
  'take care',
  'have a great day',
  'have a nice day',
  'br',
  'kr',
  'rgds',
  'brgds',
  // de
  'mit freundlichen grüßen',
  'mit freundlichen grüssen',
  'mit freundlichem gruß',
  'mit freundlichem gruss',
  'freundliche grüße',
  'freundliche grüsse',
  'mit besten grüßen',
  'mit besten grüssen',
  'beste grüße',
  'beste grüsse',
  'viele grüße',
  'viele grüsse',
  'liebe grüße',
  'liebe grüsse',
  'herzliche grüße',
  'herzliche grüsse',
  'schöne grüße',
  'grüße',
  'grüsse',
  'gruß',
  'gruss',
  'mfg',
  'lg',
  'vg',
  'danke',
  'vielen dank',
  'besten dank',
  'hochachtungsvoll',
  // fr
  'cordialement',
  'bien cordialement',
  'très cordialement',
  'bien à vous',
  'bien à toi',
  'salutations',
  'meilleures salutations',
  'sincères salutations',
  'amicalement',
  'merci',
  'merci beaucoup',
  'bonne journée',
  'bonne réception',
  'à bientôt',
  'bises',
  // es
  'saludos',
  'un saludo',
  'saludos cordiales',
  'un cordial saludo',
  'atentamente',
  'cordialmente',
  'gracias',
  'muchas gracias',
  'un abrazo',
  'abrazos',
  // pt
  'atenciosamente',
  'cumprimentos',
  'melhores cumprimentos',
  'abraços',
  'abraço',
  'obrigado',
  'obrigada',
  'muito obrigado',
  'muito obrigada',
  'saudações',
  'att',
  // nl
  'met vriendelijke groet',
  'met vriendelijke groeten',
  'vriendelijke groet',
  'vriendelijke groeten',
  'hartelijke groet',
  'hartelijke groeten',
  'groeten',
  'groet',
  'mvg',
  'bedankt',
  'alvast bedankt',
  'dank je wel',
  'dank u wel',
  // it
  'cordiali saluti',
  'distinti saluti',
  'saluti',
  'un saluto',
  'un caro saluto',
  'grazie',
  'grazie mille',
  'a presto',
  'buona giornata',
  // sv, da, no
  'med vänliga hälsningar',
  'med vänlig hälsning',
  'vänliga hälsningar',
  'bästa hälsningar',
  'hälsningar',
  'med venlig hilsen',
  'venlig hilsen',
  'med vennlig hilsen',
  'vennlig hilsen',
  'bedste hilsner',
  'de bedste hilsner',
  'kærlig hilsen',
  'hilsen',
  'mvh',
  'vh',
  'kh',
  'dbh',
  'tack',
  'tak',
  'takk',
  // fi
  'ystävällisin terveisin',
  'parhain terveisin',
  'terveisin',
  'kiitos',
  // pl
  'pozdrawiam',
  'serdecznie pozdrawiam',
  'z poważaniem',
  'z powazaniem',
  'pozdrowienia',
  'dziękuję',
  // ru, uk
  'с уважением',
  'с наилучшими пожеланиями',
  'всего доброго',
  'спасибо',
  'з повагою',
  'дякую',
  // zh, ja
  '此致',
  '敬礼',
  '此致敬礼',
  '祝好',
  '谢谢',
  'よろしくお願いします',
  'よろしくお願いいたします',
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CLOSING_ALT = [...CLOSINGS]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
const CLOSING_START = new RegExp(`^\\s*(?:${CLOSING_ALT})(?!\\p{L})`, 'iu');
// A name after the closing on the same line ("Thanks, John", "Regards, Roman"). No /i here:
// under /iu, \p{Lu} matches lower case too, and "Thanks for your help" is no closing.
const AFTER_CLOSING =
  /^(?:\s*[,.!:;]+)?(?:\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})?\s*[,.!]*\s*$/u;

/** A sign-off on its own line ("Best regards,", "Mit freundlichen Grüßen", "Thanks, John"). */
export function isClosingLine(line: string): boolean {
  if (line.length > 60) return false;
  const m = CLOSING_START.exec(line);
  return m !== null && AFTER_CLOSING.test(line.slice(m[0].length));
}

/** A closing that carries the name on the same line ("Regards, Roman"). */
export function isSignedClosingLine(line: string): boolean {
  const m = CLOSING_START.exec(line);
  return isClosingLine(line) && m !== null && /\p{L}/u.test(line.slice(m[0].length));
}

// "-Abhishek Kona", "//Jef", "/John", "~ Bob", "-roman": a name signed with a dash or slash.
const DASH_NAME =
  /^\s*(?:--?|–|—|\/\/?|~)\s?(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}|\p{Ll}[\p{L}'’.-]{1,20})\s*$/u;

export function isDashNameLine(line: string): boolean {
  return line.length <= 50 && DASH_NAME.test(line);
}

/** "-- " (RFC 3676) and the variants clients produce: "--", "—", "__". */
export function isSignatureDelimiter(line: string): boolean {
  return /^(?:--|-- |—|––|__)\s*$/u.test(line);
}

// Words that make "Sent from my …" a device footer rather than a sentence.
const DEVICE =
  /iphone|ipad|ipod|android|mobile|phone|cell|blackberry|samsung|galaxy|htc|nokia|huawei|pixel|sony|motorola|xiaomi|oneplus|windows|outlook|mail|device|tablet|smartphone|typeapp|airmail|mailbox|spark|yahoo|aol|gmail|proton|tutanota|zoho|\bpc\b|mac\b|ti-\d+/iu;

// Strip Markdown links ("[Outlook for Android](https://…)") and glued URLs ("iOShttps://…", "iOS<https://…>").
function withoutLinks(line: string): string {
  return line
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]*>/g, '')
    .replace(/https?:\S+/g, '')
    .trim();
}

const MOBILE_FOOTERS: readonly RegExp[] = [
  /^[(<]*\s*(?:sent|envoyé|enviado|enviada|inviato|verzonden|verstuurd|gesendet|skickat|sendt|lähetetty|wysłano|wysłane|отправлено|надіслано)\s+(?:from|via|with|using|by|depuis|de|à partir de|avec|desde|con|do|da|dal|pelo|met|vanaf|via|van|von|mit|från|fra|med|z|ze|с|из|з|із)\s+(.{1,80}?)[)>]*$/iu,
  /^\s*(?:von meinem|vom meinem)\s+.{1,50}\s+gesendet\.?$/iu,
  /^\s*diese nachricht wurde von .{1,80} gesendet\.?$/iu,
  /^\s*(?:get|obtenir|obtener|scarica|hent|skaffa|pobierz|holen sie sich|descarga|baixe)\s+(?:the\s+)?outlook\b.{0,40}$/iu,
  /^\s*outlook (?:für|voor|pour|para|per) (?:ios|android)\b.{0,30}$/iu,
  /^\s*\p{L}+ from mobile$/iu,
  /^\s*via (?:mobile|iphone|ipad|android|phone|blackberry)\b.{0,20}$/iu,
  /^\s*from my (?:iphone|ipad|android|mobile|phone|samsung|galaxy|blackberry)\b.{0,20}$/iu,
  /^\s*(?:från|fra) min (?:iphone|ipad|android|mobil|telefon)\b.{0,20}$/iu,
  /^\s*(?:从我的|從我的|发自我的|發自我的).{1,20}(?:发送|傳送|發送)?$/u,
  /^\s*.{1,20}から送信$/u,
  /^\s*lähetetty\s+(?:\p{L}+\s+)?[\p{L}-]+(?:sta|stä|lla|llä)$/iu,
];

/** "Sent from my iPhone", "Von meinem iPhone gesendet", "Get Outlook for iOS", … */
export function isMobileFooter(line: string): boolean {
  if (line.length > 160) return false;
  const bare = withoutLinks(line);
  if (bare.length === 0 || bare.length > 100) return false;
  for (const [index, pattern] of MOBILE_FOOTERS.entries()) {
    const m = pattern.exec(bare);
    if (!m) continue;
    if (index > 0) return true;
    // "Sent from my desk, is much easier …" is a sentence: the words before the
    // first comma or full stop must name a device, or be a short product name.
    const what = (m[1] ?? '').replace(
      /^(?:my|mon|ma|mi|meu|minha|mijn|il mio|mio|min|mein|meinem|mojego)\s+/iu,
      '',
    );
    const head = what.split(/[,.;!]\s/)[0] ?? what;
    if (DEVICE.test(head)) return true;
    return head === what && head.split(/\s+/).length <= 4 && !/[,;]/.test(head);
  }
  return false;
}

const DISCLAIMER_START: readonly RegExp[] = [
  /^\s*[*\s]*(?:disclaimer|confidentiality notice|confidentiality|confidential|privileged|legal notice|important notice|notice of confidentiality|haftungsausschluss|vertraulichkeitshinweis|avis de confidentialité|aviso legal|aviso de confidencialidad|avvertenza|clausola di riservatezza)\b[*\s:.]*/iu,
  /^\s*(?:this|the) (?:e-?mail|message|communication|transmission)(?: and any (?:files|attachments?))?[\s\S]{0,40}\b(?:confidential|privileged|intended (?:solely|only)|intended recipient)/iu,
  /^\s*(?:this|the) (?:e-?mail|message) (?:w\/attachments|\(including any attachments\)|and any attachments|is intended)/iu,
  /^\s*the information (?:contained )?in this (?:e-?mail|message|communication)/iu,
  /^\s*if you (?:are not the intended|have received this (?:e-?mail|message) in error)/iu,
  /^\s*this (?:e-?mail|message) has been scanned/iu,
  /^\s*(?:diese (?:e-?mail|nachricht)|der inhalt dieser e-?mail) (?:enthält|ist|kann|könnte)/iu,
  /^\s*(?:ce (?:message|courriel|e-?mail)|les informations contenues dans ce)/iu,
  /^\s*(?:este (?:mensaje|correo|e-?mail)|la información contenida en este)/iu,
  /^\s*(?:esta mensagem|este e-?mail|as informações contidas nesta)/iu,
  /^\s*(?:dit (?:e-?mail|bericht)|de informatie (?:in|verzonden met) dit)/iu,
  /^\s*(?:questo messaggio|le informazioni contenute (?:in|nel)(?:la)? (?:questo|presente)?)/iu,
];

/** First line of a legal disclaimer paragraph. */
export function isDisclaimerStart(line: string): boolean {
  return line.length <= 2000 && DISCLAIMER_START.some((p) => p.test(line));
}

// Gateways stamp "CAUTION: This email originated from outside…" or "[EXTERNAL]" on top.
const BANNER: readonly RegExp[] = [
  /^\s*\[?\s*(?:external|extern|externe?|externo|esterno)\s*(?:email|e-?mail|sender|message)?\s*\]?\s*[:!-]?\s*$/iu,
  /^\s*\*{0,2}\s*(?:caution|warning|attention|notice|external(?: email| sender)?|achtung|vorsicht|attenzione|precaución|atenção|let op|varning|advarsel|uwaga)\s*\*{0,2}\s*[:!-].{0,400}\b(?:external|outside|originated|extern|externe|externo|esterno|außerhalb|buiten|fuera)\b/iu,
  /^\s*this (?:e-?mail|message) (?:originated|was sent|came) from outside\b/iu,
];

export function isBannerLine(line: string): boolean {
  return line.length <= 500 && BANNER.some((p) => p.test(line));
}

/** Phone numbers, addresses and links: the stuff of contact blocks. */
export function looksLikeContactLine(line: string): boolean {
  return (
    /(?:\+?\d[\d ().-]{6,}\d)|@|https?:\/\/|www\.|\b(?:tel|phone|mobile|mob|cell|fax|direct|office|t|m|p|f)\s*[.:]\s*\+?\d/iu.test(
      line,
    ) && line.length <= 120
  );
}

// "Gina Xxxxxxxxx", "John E. Doe, Ph.D.", "Jane Roe | Head of Sales": a signature's first line.
const NAME_LINE = /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*[,|–-]\s*.{1,40})?\s*$/u;

export function isNameLine(line: string): boolean {
  return line.length <= 60 && NAME_LINE.test(line) && !isClosingLine(line);
}
