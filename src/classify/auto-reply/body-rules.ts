import { uRegex } from './unicode-regex.ts';

/**
 * Body text rules. Two different jobs:
 * 1. Detection without headers (`outOfOfficeOpening`, `autoresponderOpening`):
 *    anchored at the opening of the message and, for absences, confirmed by
 *    auto-reply boilerplate elsewhere, because a human reply may well begin
 *    "I was on vacation last week, but…" or "Ich bin bis Freitag im Urlaub,
 *    melde mich danach".
 * 2. Kind, once we know the message is automatic (`outOfOfficeVocabulary`,
 *    `autoresponderVocabulary`): unanchored, anywhere in the text.
 */

const greeting = String.raw`(?:(?:hi|hello|dear\s[^,\n]{1,40}|good\s(?:morning|afternoon|day)|hallo|guten\stag|sehr\sgeehrte[^,\n]{0,60}|bonjour|hola|buen[oa]s\s(?:días|tardes)|estimad[oa]s?[^,\n]{0,40}|olá|bom\sdia|boa\starde|prezad[oa]s?[^,\n]{0,40}|beste[^,\n]{0,40}|geachte[^,\n]{0,40}|goedendag|goedemiddag|buongiorno|gentile[^,\n]{0,40}|salve)[,!.]?\s+)?`;
const thanks = String.raw`(?:(?:thank\syou|thanks|many\sthanks|vielen\sdank|danke|merci|gracias|muchas\sgracias|obrigad[oa]|muito\sobrigad[oa]|bedankt|dank\su|dank\sje|hartelijk\sdank|grazie)[^.!\n]{0,70}[.!]\s+)?`;
const note = String.raw`(?:(?:please\snote(?:\sthat)?|bitte\sbeachten\ssie|veuillez\snoter\sque|tenga\sen\scuenta\sque)[,:]?\s+)?`;
/** Up to 60 characters inside one sentence; a dot after a digit ("bis 12.10. nicht") does not end it. */
const gap = String.raw`(?:[^.!?\n]|(?<=\d)\.){0,60}?`;

/** "I am out of the office", "Ich bin … nicht im Büro", "je suis absent", "estoy fuera de la oficina", … */
const absenceStatement = [
  String.raw`(?:i\sam|i['’]m|i\swill\sbe|i['’]ll\sbe|i\sam\snow|we\sare|our\s(?:office|offices)\s(?:is|are|will\sbe)|the\soffice\sis)${gap}\b(?:out\sof\s(?:the\s)?office|away|on\s(?:\w+\s)?leave|on\s(?:vacation|holiday|holidays|pto|sabbatical|a\sbusiness\strip)|travel(?:l)?ing|attending|at\sa\s(?:conference|trade\sshow)|out\ssick|out|off|closed|unavailable|not\sin\sthe\soffice)\b`,
  String.raw`(?:currently\s)?out\sof\s(?:the\s)?office\b`,
  String.raw`(?:ich\sbin|ich\sbefinde\smich|wir\ssind|unser\sbüro\sist)${gap}\b(?:nicht\sim\sbüro|nicht\serreichbar|abwesend|im\surlaub|in\s(?:elternzeit|mutterschutz)|auf\s(?:dienstreise|geschäftsreise|reisen|einer\smesse|einer\skonferenz|einer\sschulung)|außer\shaus|nicht\sim\shaus|geschlossen|krank)\b`,
  String.raw`(?:je\ssuis|je\sserai|nous\ssommes|le\sbureau\sest|nos\sbureaux\ssont)${gap}\b(?:absente?s?|en\scongés?|en\svacances|en\sdéplacement|en\sformation|en\sarrêt|hors\sdu\sbureau|à\sl['’]extérieur\sdu\sbureau|fermée?s?)\b`,
  String.raw`(?:estoy|estaré|me\sencuentro|no\sme\sencuentro|estamos|nuestras?\soficinas?\s(?:está|están|permanecen?))${gap}\b(?:fuera\sde\sla\soficina|fuera|ausente|de\svacaciones|de\sviaje|de\sbaja|cerrad[oa]s?|en\sla\soficina|en\sun\scongreso)\b`,
  String.raw`(?:estou|estarei|encontro-me|estamos|o\sescritório\sestá)${gap}\b(?:ausente|fora\sdo\sescritório|fora|de\sférias|em\sviagem|de\slicença|em\srecesso|fechad[oa])\b`,
  String.raw`(?:ik\sben|ik\szal|wij\szijn|we\szijn|ons\skantoor\sis)${gap}\b(?:afwezig|niet\sop\skantoor|niet\saanwezig|met\svakantie|op\svakantie|met\sverlof|op\szakenreis|niet\sbereikbaar|gesloten|ziek)\b`,
  String.raw`(?:sono|sarò|siamo|i\snostri\suffici)${gap}\b(?:fuori\sufficio|fuori\ssede|assente|in\sferie|in\svacanza|in\strasferta|in\smaternità|in\smalattia|chiusi)\b`,
].join('|');

const outOfOfficeOpeningPattern = uRegex(String.raw`^\s*${greeting}${thanks}${note}(?:${absenceStatement})`);

/**
 * Boilerplate only auto-replies carry, as whole phrases ("for urgent matters",
 * not "urgent"). "until …" and "back on …" are deliberately absent: humans
 * write them too ("I'm out until Monday but happy to talk then").
 */
const boilerplate = uRegex(
  [
    String.raw`for\surgent|if\s(?:your\s(?:matter|request|enquiry|inquiry)\sis|it['’]?s|it\sis|this\sis)\surgent|urgent\s(?:matters|requests|enquiries|inquiries|issues)|please\scontact\s(?:my|our|the|\S+@)|in\smy\sabsence|limited\saccess|no\saccess|intermittent\saccess|not\shave\saccess|without\saccess\sto|upon\smy\sreturn|(?:respond|reply|get\sback)[^.?]{0,50}\b(?:upon|on|after|when)\s(?:my\sreturn|i\sreturn|i\s(?:am|['’]m)\sback)|will\snot\sbe\s(?:forwarded|read)|this\sis\san\sautomat\w*|automatic\sreply|auto-reply`,
    String.raw`in\sdringenden\sfällen|bei\sdringenden\s(?:anliegen|fragen|angelegenheiten)|wenden\ssie\ssich\s(?:bitte\s)?an|nicht\sweitergeleitet|nach\smeiner\srückkehr|eingeschränkte[mn]?\szugriff|keinen\szugriff|meine\svertretung|wurde\sautomatisch|automatische\santwort`,
    String.raw`en\scas\sd['’]urgence|pour\stoute\surgence|accès\slimité|pas\saccès|à\smon\sretour|ne\ssera\spas\stransféré|réponse\sautomatique|message\sautomatique|veuillez\scontacter|merci\sde\scontacter`,
    String.raw`en\scaso\sde\surgencia|para\s(?:asuntos|temas|consultas)\surgentes|si\s(?:su\sconsulta|es)\surgente|acceso\slimitado|sin\sacceso|a\smi\sregreso|a\smi\svuelta|no\sserá\sreenviado|póngase\sen\scontacto\scon|contacte\scon|respuesta\sautomática|mensaje\sautomático`,
    String.raw`em\scaso\sde\surgência|para\sassuntos\surgentes|acesso\slimitado|sem\sacesso|após\so\smeu\sregresso|no\smeu\sretorno|quando\s(?:eu\s)?retornar|não\sserá\sreencaminhad\w*|entre\sem\scontato\scom|fale\scom|contate\s(?:o|a)|resposta\sautomática`,
    String.raw`in\sdringende\sgevallen|voor\sdringende\s(?:zaken|vragen)|bij\sspoed|beperkte?\stoegang|geen\stoegang|wordt\sniet\sdoorgestuurd|na\s(?:mijn\s)?terugkomst|bij\s(?:mijn\s)?terugkomst|neem\s(?:dan\s)?contact\sop\smet|automatisch\santwoord`,
    String.raw`per\surgenze|in\scaso\sdi\surgenza|per\squestioni\surgenti|accesso\slimitato|senza\saccesso|non\sverrà\sinoltrat\w*|al\smio\srientro|al\smio\sritorno|(?:si\sprega\sdi\s)?contattare\s(?:il|la|i|le|\S+@)|risposta\sautomatica`,
  ]
    .map((group) => String.raw`\b(?:${group})\b`)
    .join('|'),
);

export function outOfOfficeOpening(text: string): string | null {
  const opening = outOfOfficeOpeningPattern.exec(text.slice(0, 400));
  // Absence notices state, they do not ask: "I'm away this week, does Thursday work?" is a person.
  if (!opening || text.slice(0, 800).includes('?')) return null;
  const confirm = boilerplate.exec(text);
  return confirm ? `${opening[0].trim()} … ${confirm[0]}` : null;
}

const autoresponderOpeningPattern = uRegex(
  String.raw`^\s*${greeting}(?:thank\syou\sfor\s(?:contacting|reaching\sout\sto\sus|your\s(?:inquiry|enquiry|request|order|application|submission))|we\s(?:have\s)?received\syour\s(?:message|email|e-mail|request|inquiry|enquiry)|we['’]ve\sreceived\syour|your\s(?:message|email|request|ticket|case|inquiry)\s(?:#?\S+\s)?has\sbeen\s(?:received|created|logged|opened|forwarded)|this\sis\san\s(?:automatic|automated|auto-generated)\s(?:message|response|reply|notification|e-?mail)|this\s(?:e-?mail\s)?(?:mailbox|inbox|address)\s(?:\S+\s)?is\s(?:no\slonger|not)\s(?:monitored|in\suse|active)|dies\sist\seine\sautomatische\s(?:antwort|nachricht|e-mail)|diese\se-mail\swurde\sautomatisch|ihre\sanfrage\s(?:ist|wurde)\s(?:bei\suns\s)?eingegangen|wir\shaben\sihre\s(?:nachricht|anfrage|e-mail)\serhalten|ceci\sest\s(?:un\smessage|une\sréponse)\sautomatique|nous\savons\s(?:bien\s)?reçu\svotre\s(?:message|demande|e-mail|courriel)|votre\sdemande\sa\s(?:bien\s)?été\s(?:reçue|enregistrée)|esta\ses\suna\srespuesta\sautomática|este\ses\sun\smensaje\sautomático|hemos\srecibido\ssu\s(?:mensaje|correo|solicitud)|su\ssolicitud\sha\ssido\srecibida|esta\sé\suma\s(?:resposta|mensagem)\sautomática|recebemos\s(?:a\s)?sua\s(?:mensagem|solicitação|e-mail)|sua\ssolicitação\sfoi\srecebida|dit\sis\seen\sautomatisch\s(?:antwoord|bericht|gegenereerd\sbericht)|wij\shebben\suw\s(?:bericht|e-mail|aanvraag)\sontvangen|uw\s(?:bericht|aanvraag)\sis\sontvangen|questa\sè\suna\srisposta\sautomatica|questo\sè\sun\smessaggio\sautomatico|abbiamo\sricevuto\s(?:il\ssuo|la\ssua|il\stuo|la\stua)\s(?:messaggio|email|e-mail|richiesta))`,
);

export function autoresponderOpening(text: string): string | null {
  return autoresponderOpeningPattern.exec(text.slice(0, 400))?.[0].trim() ?? null;
}

/** Absence vocabulary, for the kind of a message already known to be automatic. */
const outOfOfficeVocabulary = uRegex(
  String.raw`\b(?:out\sof\s(?:the\s)?office|ooo|(?<!right\s|straight\s)away|on\s(?:\w+\s)?leave|annual\sleave|vacation|holidays?|pto|travel(?:l)?ing|business\strip|conference|parental|maternity|paternity|sabbatical|limited\saccess|upon\smy\sreturn|when\si\sreturn|back\sin\sthe\soffice|abwesen\w*|urlaub\w*|nicht\sim\sbüro|elternzeit|dienstreise|geschäftsreise|außer\shaus|nicht\serreichbar|absente?|absence|congés?|vacances|en\sdéplacement|hors\sdu\sbureau|fuera\sde\s(?:la\s)?oficina|ausente|ausencia|vacaciones|de\sviaje|de\sbaja|fora\sdo\sescritório|férias|licença|em\sviagem|ausência|afwezig\w*|vakantie|verlof|niet\sop\skantoor|zakenreis|fuori\s(?:ufficio|sede)|assente|ferie|trasferta|maternità|atvaļinājum\w*|frånvar\w*|semester|fravær\w*|poza\sbiurem|urlop\w*|nieobecn\w*|lomalla|poissa\w*)\b`,
);

export function outOfOfficeVocabularyIn(text: string): string | null {
  return outOfOfficeVocabulary.exec(text)?.[0] ?? null;
}

/** Ticket systems, shared mailboxes and "no longer in use" notices: automatic, but not an absence. */
const autoresponderVocabulary = uRegex(
  String.raw`\b(?:ticket|case\snumber|support\srequest|we\s(?:have\s)?received\syour|thank\syou\sfor\scontacting|no\slonger\s(?:in\suse|monitored|active|with|employed|works?)|not\smonitored|has\sleft|left\sthe\scompany|do\snot\sreply|ticketnummer|anfrage\s(?:ist|wurde)\s\w*\s?eingegangen|nicht\smehr\s(?:im\sunternehmen|aktiv|erreichbar\sunter)|demande\sa\sété|numéro\sde\sticket|hemos\srecibido|número\sde\sticket|recebemos|não\sestá\smais|wij\shebben\suw|niet\smeer\sin\sgebruik|abbiamo\sricevuto|non\sè\spiù)\b`,
);

export function autoresponderVocabularyIn(text: string): string | null {
  return autoresponderVocabulary.exec(text)?.[0] ?? null;
}
