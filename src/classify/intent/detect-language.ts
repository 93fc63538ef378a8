/**
 * Cheap language identification for replies: counts frequent function words
 * (accent-folded) per language, shared words counting fractionally, plus a few
 * letters that only some of the seven languages use. Good enough to pick a date
 * parser locale; replies too short to tell ("Stop.") give null.
 */
import type { Language } from '../classification.ts';
import { normalizeText } from './normalize-text.ts';

const stopWords: Record<Language, string> = {
  en: `the and you to for is are it this that with me my we our your be have will not please thanks thank
    would could can let us do at on of in next week call meeting interested no yes just any more info about
    sounds works great sure time what when how hi hello regards best`,
  de: `der die das und ich sie wir ist nicht mit fur uns mich mir ein eine einen bitte danke vielen gruss
    grusse gerne kein keine auch aber noch melden sich im am um uhr nachste woche wenn haben habe ihre ihr
    ihnen sehr hallo guten tag passt zu auf den dem des bei`,
  fr: `le la les et je vous nous est pas ne un une des du pour avec moi mon ma merci bonjour cordialement
    oui non plus semaine prochaine rappeler dans sur ce cette qui que au aux votre vos suis serait peut
    bien etre avoir plait volontiers`,
  es: `el la los las y yo usted nosotros es no un una del para con me mi gracias hola saludos si por favor
    semana proxima que en lo su sus este esta estoy podemos puedo seria muy bien pero tambien cuando nos
    interesa gustaria`,
  pt: `o a os as e eu voce nos nao um uma do da dos das para com me meu minha obrigado obrigada ola
    cumprimentos sim por favor semana proxima que em no na seu sua este esta estou podemos posso seria muito
    bem mas tambem quando gostaria interessa`,
  nl: `de het en ik u wij we is niet een van voor met mij mijn ons bedankt dank groet groeten hallo ja nee
    graag alstublieft week volgende dat die in op te zijn heb hebben kunnen wel geen ook maar wanneer even
    mail contact`,
  it: `il lo la i gli le e io lei noi non un una del della per con mi mio mia grazie ciao saluti cordiali
    si per favore settimana prossima che in di su suo sua questo questa sono possiamo posso sarebbe molto
    bene ma anche quando vorrei interessa`,
};

/** Letters (in the raw text) that narrow the language down. */
const letterCues: [RegExp, Language, number][] = [
  [/[äöüß]/iu, 'de', 1.5],
  [/[ñ¿¡]/iu, 'es', 1.5],
  [/[ãõ]/iu, 'pt', 1.5],
  [/ç/iu, 'pt', 0.4],
  [/ç/iu, 'fr', 0.4],
  [/[êâîûœ]/iu, 'fr', 0.8],
  [/[èàù]/iu, 'it', 0.5],
  [/[èàù]/iu, 'fr', 0.5],
  [/ij/iu, 'nl', 0.6],
];

const membership = new Map<string, Language[]>();
for (const [lang, words] of Object.entries(stopWords) as [Language, string][]) {
  for (const w of words.split(/\s+/)) {
    if (w === '') continue;
    const langs = membership.get(w) ?? [];
    if (!langs.includes(lang)) langs.push(lang);
    membership.set(w, langs);
  }
}

export type LanguageGuess = { language: Language | null; scores: Record<Language, number> };

/** Fixed order so ties resolve the same way every time. */
const order: Language[] = ['en', 'de', 'fr', 'es', 'pt', 'nl', 'it'];

export function detectLanguage(text: string): LanguageGuess {
  const scores: Record<Language, number> = { en: 0, de: 0, fr: 0, es: 0, pt: 0, nl: 0, it: 0 };
  for (const tok of normalizeText(text).tokens) {
    const langs = membership.get(tok.text);
    if (langs === undefined) continue;
    for (const l of langs) scores[l] += 1 / langs.length;
  }
  for (const [re, lang, weight] of letterCues) if (re.test(text)) scores[lang] += weight;

  let best: Language | null = null;
  let bestScore = 0;
  for (const l of order) {
    if (scores[l] > bestScore) {
      best = l;
      bestScore = scores[l];
    }
  }
  // One shared word ("no", "stop") is not enough to name a language.
  return { language: bestScore >= 1 ? best : null, scores };
}
