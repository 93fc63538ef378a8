/**
 * The few cases where a rule is clearer than a model, applied to the model's
 * scores. Each rule says what it saw in an evidence string.
 *
 * 1. A reply that asks to be removed is `stop`, whatever else the model
 *    thought: a short one with any removal word ("unsubscribe", "Abmelden.",
 *    "STOP"), a longer one when a removal verb is aimed at the writer or their
 *    address ("I've left, please delete this address", "bórrame"). Getting
 *    this wrong means emailing someone who asked us not to.
 * 2. A removal request that is negated ("do not unsubscribe me", "bitte nicht
 *    abmelden", "no need to remove me") is never `stop`.
 * 3. `meeting` needs an acceptance ("sure", "gerne", "volontiers", a calendar
 *    link) or a proposed day; without either the model is guessing from topic
 *    words ("meeting", "call"), so its confidence is cut and the reply goes to
 *    review rather than making the lead hot.
 */
import type { Intent } from '../classification.ts';
import { foldForDates } from './date-text.ts';

export type RuleInput = {
  text: string;
  intent: Intent;
  confidence: number;
  scores: Record<Intent, number>;
  /** Whether a meeting day was found in the text. */
  hasProposedDay: boolean;
};

export type RuleOutcome = {
  intent: Intent;
  confidence: number;
  scores: Record<Intent, number>;
  evidence: string[];
};

/** Removal keywords a negation can flip ("nicht abmelden"). */
const removalKeyword =
  /\b(?:unsubscri\w*|remove(?: me| us| my\w*)?|take (?:me|us) off|opt(?: me)?[- ]?out|abmeld\w*|austrag\w*|abbestell\w*|desabonn\w*|desinscri\w*|desuscri\w*|(?:(?:da|de)\w* de )?baja|descadastr\w*|uitschrijv\w*|afmeld\w*|disiscriv\w*|cancellatemi|cancellami|rimuovetemi|rimuovermi|toglietemi)\b/g;

/** Removal requests that carry their own negation ("no more emails", "nicht mehr schreiben"). */
const removalPhrase =
  /\b(?:stop+(?: (?:e-?mailing|emails?|mailing|sending|contacting|writing|spamming)(?: me| us)?)?|do not (?:email|e-mail|contact|write to) (?:me|us)|don't (?:email|e-mail|contact) (?:me|us)|no more (?:e-?mails|mails|messages)|keine (?:weiteren )?(?:e-?mails|mails|nachrichten) mehr|nicht mehr (?:schreiben|kontaktieren|anschreiben|mailen)|entfernen sie mich|loschen sie meine daten|ne (?:plus|jamais) me (?:contacter|recontacter|ecrire|envoyer)|arretez de m'(?:ecrire|envoyer)|retirez[- ]moi|supprimez[- ]moi|no me (?:escriban|contacten|envien|manden) mas|dejen de (?:escribirme|enviarme|contactarme)|elimin(?:ad|en)me|parem de (?:me )?(?:enviar|mandar|escrever|contactar)|nao me (?:enviem|mandem|contactem|escrevam) mais|remova-me|geen (?:e-?mails|mails|berichten) meer|niet meer (?:mailen|e-?mailen|contacteren|sturen)|verwijder (?:me|mij|ons)|hou op met mailen|stop met (?:mailen|e-?mailen|sturen)|non (?:contattatemi|scrivetemi) piu|smettete di (?:scrivermi|contattarmi|inviarmi|mandarmi))\b/g;

/** Negations that, shortly before a removal keyword, flip it ("do not unsubscribe me", "no me deis de baja"). */
const negationBefore =
  /\b(?:not|don't|do not|dont|no need to|never|nicht|keine?|kein|ne|no|nao|non|niet|geen|hoeft niet|muss .{0,12} nicht)\b(?:\s+[^\s.,;:!?()\-–—]+){0,3}\s*$/;
/** Words that end a negation's reach: "no thanks - please remove me" is a removal request. */
const negationBreak =
  /\b(?:please|pls|bitte|svp|s'il vous plait|por favor|graag|alstublieft|per favore|thanks|thank you|danke|merci|gracias|obrigad[oa]|bedankt|grazie)\b/;

/**
 * Removal verbs aimed at the writer or their address ("please remove my details", "bitte diese Adresse
 * löschen", "bórrame", "toglieteci dal vostro elenco"): a stop request even in a longer reply.
 */
const removalVerb =
  /^(?:unsubscri|remove|delete|erase|abmeld|austrag|abbestell|losch|loesch|entfern|streich|desabonn|desinscri|supprim|retirez|rayez|effac|desuscri|borra|borre|borrad|borrar|eliminad|eliminen|eliminar|elimina$|eliminem|quita|sacame|sacadme|saquen|descadastr|apag|exclua|excluam|excluir|excluya|remov|tirem|tirar|tira$|tirad|uitschrijv|afmeld|verwijder|schrap|disiscriv|cancellate|cancellare|cancellarmi|rimuov|togli)/;
const removalObject =
  /^(?:me|us|my|mich|uns|meine[nm]?|moi|nous|mes|mon|mi|mis|nos|meu|minha|meus|mij|ons|mijn|mio|mia|miei|ci|address|adresse|adres|indirizzo|endereco|direccion|correo|e-?mail|mail|data|daten|donnees|datos|dados|gegevens|dati|details|list|liste|lista|lijst|elenco|verteiler|fichier|mailing|database|cadastro|bestand|registo|registro|sequence|sequenz|sequence|secuencia|sequencia|reeks|sequenza)$/;
/** A verb carrying its own object ("bórrame", "toglieteci", "retirez-moi"). */
const cliticObject = /(?:me|mi|ci|nos|moi|nous|mich)$/;

/** The clause around [start, end) of `text`, at most a few words either side (for evidence). */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const after = text.slice(end);
  let from = Math.max(before.search(/[^.!?\n]*$/), start - 30);
  // Don't start mid-word.
  if (from > 0 && /\S/.test(text[from - 1]!)) from += Math.max(0, text.slice(from, start).search(/\s/) + 1);
  const stop = after.search(/[.!?\n]/);
  const to = end + Math.min(stop === -1 ? after.length : stop, 30);
  return text.slice(from, to).trim().replace(/\s+/g, ' ');
}

function strongRemoval(folded: string, original: string): string | null {
  const words = [...folded.matchAll(/[\p{L}'-]+/gu)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0].replace(/^-+|-+$/g, '');
    if (!removalVerb.test(w)) continue;
    const parts = w.split('-');
    const hasObject =
      parts.length > 1 ||
      (cliticObject.test(w) && w.length > 6) ||
      words.slice(Math.max(0, i - 4), i + 5).some((o, j) => j !== Math.min(i, 4) && removalObject.test(o[0]));
    if (!hasObject) continue;
    const at = words[i]!.index;
    const before = folded.slice(Math.max(0, at - 40), at);
    if (negationBefore.test(before) && !negationBreak.test(before.slice(before.search(negationBefore))))
      continue;
    return sentenceAround(original, at, at + words[i]![0].length);
  }
  return null;
}

/** Words that, after the keyword, negate it in French ("ne me désabonnez pas"). */
const negationAfter = /^\S*\s+(?:pas|nicht|niet)\b/;

const shortReplyWords = 8;

const acceptance =
  /\b(?:yes|yep|yeah|sure|ok|okay|happy to|glad to|love to|let's|lets|sounds good|works|calendar|calendly|invite|book|schedule|slot|ja|gerne?|passt|klingt gut|einladung|kalender|termin|oui|volontiers|avec plaisir|d'accord|rendez-vous|rdv|invitation|calendrier|si|claro|con gusto|vale|de acuerdo|invitacion|calendario|sim|com prazer|combinado|convite|agenda|graag|prima|uitnodiging|afspraak|volentieri|certo|va bene|invito)\b|https?:|cal\.com|calendly/;

function wordCount(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').length;
}

type RemovalFinding = { plain: string[]; negated: string[] };

/** Removal requests in `text` (quoted as written), split by whether a negation governs them. */
export function findRemovalRequests(text: string): RemovalFinding {
  const folded = foldForDates(text);
  const quote = (m: RegExpMatchArray) => text.slice(m.index!, m.index! + m[0].length);
  const plain: string[] = [];
  const negated: string[] = [];
  for (const m of folded.matchAll(removalKeyword)) {
    const before = folded.slice(Math.max(0, m.index - 40), m.index);
    const after = folded.slice(m.index, m.index + m[0].length + 12);
    const negation = negationBefore.exec(before);
    const broken = negation !== null && negationBreak.test(before.slice(negation.index));
    if ((negation !== null && !broken) || negationAfter.test(after)) negated.push(quote(m));
    else plain.push(quote(m));
  }
  for (const m of folded.matchAll(removalPhrase)) plain.push(quote(m));
  return { plain, negated };
}

function withoutClass(
  scores: Record<Intent, number>,
  drop: Intent,
): { intent: Intent; scores: Record<Intent, number> } {
  const rest = { ...scores, [drop]: 0 };
  const total = Object.values(rest).reduce((s, v) => s + v, 0) || 1;
  let best: Intent = 'other';
  for (const k of Object.keys(rest) as Intent[]) {
    rest[k] /= total;
    if (rest[k] > rest[best]) best = k;
  }
  return { intent: best, scores: rest };
}

export function applyRules(input: RuleInput): RuleOutcome {
  const folded = foldForDates(input.text);
  let { intent, confidence, scores } = input;
  const evidence: string[] = [];
  const removal = findRemovalRequests(input.text);

  if (removal.plain.length > 0 && wordCount(folded) <= shortReplyWords) {
    const phrase = removal.plain[0]!;
    evidence.push(`rule: explicit removal request "${phrase}"`);
    confidence = intent === 'stop' ? Math.max(confidence, 0.97) : 0.97;
    scores = { ...scores, stop: confidence };
    intent = 'stop';
    return { intent, confidence, scores, evidence };
  }

  const strong = removal.negated.length === 0 ? strongRemoval(folded, input.text) : null;
  if (strong !== null) {
    evidence.push(`rule: explicit removal request "${strong}"`);
    confidence = Math.max(intent === 'stop' ? confidence : 0, 0.9);
    return { intent: 'stop', confidence, scores: { ...scores, stop: confidence }, evidence };
  }

  if (removal.negated.length > 0 && removal.plain.length === 0 && intent === 'stop') {
    const next = withoutClass(scores, 'stop');
    evidence.push(`rule: removal request is negated "${removal.negated[0]}"`);
    intent = next.intent;
    scores = next.scores;
    confidence = next.scores[intent];
  }

  if (intent === 'meeting' && !input.hasProposedDay && !acceptance.test(folded)) {
    evidence.push('rule: meeting without an acceptance or a proposed day');
    confidence *= 0.6;
  }
  return { intent, confidence, scores, evidence };
}
