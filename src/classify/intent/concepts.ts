/**
 * A small multilingual concept lexicon: word stems in the seven languages that
 * mean the same thing for reply intent ("löschen", "borrar", "supprimer",
 * "remove" → REMOVE). Each language's training replies then teach the model
 * about the others, and a phrasing the corpus never saw in one language still
 * lights up a concept learned from another. Stems match the start of a
 * normalised token (lower-case, accents folded, apostrophes split).
 */

export type Concept = { name: string; stems: string[]; phrases: string[] };

const c = (name: string, stems: string, phrases = ''): Concept => ({
  name,
  stems: stems.trim().split(/\s+/),
  phrases: phrases.trim() === '' ? [] : phrases.split('|').map((p) => p.trim()),
});

export const concepts: Concept[] = [
  c(
    'REMOVE',
    `unsubscri remove delet erase abmeld austrag abbestell loesch losch entfern streich desabonn desinscri supprim
    retirez retirer retirar retirem retirad rayez rayer effac desuscri baja$ borr elimin quita quitad quiten sacame
    sacadme descadastr apag exclu remov tirem tirar tira$ uitschrijv afmeld verwijder schrap disiscriv cancell rimuov
    togli`,
    'opt out|take me off|take us off|off your list|aus dem verteiler|de votre liste|de la liste|de tu lista|da lista|van de lijst|dalla lista|dal vostro elenco',
  ),
  c(
    'NO_MORE_CONTACT',
    `spam stop stopp cess arret dejen parem smett basta$ blocked blockiert bloque`,
    `no more|nicht mehr|keine mails|keine e mails|plus de mail|ne plus|no mas|nao mais|niet meer|geen mails|non piu|anymore|leave me alone|lassen sie mich|gdpr|dsgvo|rgpd|avg`,
  ),
  c(
    'SEND',
    `send sent schick send zusend envoy envoi enviar envia envie mand sturen stuur toestur inviar invia mandat mandam forward`,
  ),
  c(
    'DOCUMENT',
    `brochure deck pdf onepager pager slide case unterlag brosch folien prasentation infomaterial plaquette documentation doc
    dossier presentation catalog catalogo folleto presentacion apresenta folheto material leesvoer whitepaper presentatie
    presentazion listino depliant`,
  ),
  c(
    'PRICE',
    `price pricing cost quote preis kosten angebot tarif prix cout devis precio coste cotiz preco custo orcament prijs
    prijz offerte prezz cost preventiv licen`,
  ),
  c(
    'INFO',
    `info information detail informat renseign precision informac detalh dettagl`,
    'tell me more|more about|mehr uber|en savoir plus|dites m en plus|saber mas|saber mais|meer over|meer weten|saperne di piu',
  ),
  c(
    'MEET',
    `call meet meeting chat talk demo zoom teams telefon termin gesprach treffen sprechen appel rdv rendez echang reunion
    llamad hablar videollam convers reuniao chamada ligar bellen afspraak gesprek overleg spreken chiamat riunion sentir
    incontr videocall`,
  ),
  c(
    'AGREE',
    `yes yep yeah sure happy glad ok$ okay gladly ja$ gern klar passt oui volontiers accord claro vale$ perfect
    dale$ sim$ combinado fechado bora$ graag prima goed certo volentieri perfett`,
    `sounds good|let s|works for me|klingt gut|avec plaisir|con gusto|com prazer|va bene|di sicuro|lijkt me goed|por supuesto`,
  ),
  c(
    'LATER',
    `later spater spaeter ulterieur tard$ adelante despues depois straks binnenkort dopo avanti`,
    `mas tarde|mais tarde|plus tard|not now|not right now|not yet|nicht jetzt|im moment nicht|derzeit nicht|zurzeit nicht|pas maintenant|pas pour le moment|pas pour l instant|ahora no|de momento no|por ahora no|agora nao|no momento nao|por enquanto|nu niet|op dit moment niet|voorlopig niet|non ora|per ora no|al momento no|reach out again|get back to me|circle back|touch base|revisit|try me again|ping me|wieder melden|melden sie sich|revenez vers moi|recontact|vuelve a escribir|escribe de nuevo|volte a falar|entre em contato novamente|neem later|neem dan|ricontatt|risentiamoci|sentiamoci piu avanti`,
  ),
  c(
    'PERIOD',
    `week weeks month months quarter quartal woche monat trimestre semaine mois semana mes meses kwartaal maand weken
    settiman mese$ mesi$ mes$ meses q1 q2 q3 q4 t1 t2 t3 t4 summer sommer ete$ verano verao zomer estate year jahr annee
    ano$ jaar anno$
    january february march april june july august september october november december januar februar marz juni juli
    oktober dezember janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre enero febrero
    marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre janeiro fevereiro marco maio junho julho
    setembro outubro novembro dezembro januari februari maart augustus gennaio febbraio aprile maggio giugno luglio
    settembre ottobre dicembre`,
  ),
  c(
    'LEFT_COMPANY',
    `left retired retire$ retiring ruhestand rente$ pension verlass gekundigt quitte retraite jubil aposent sai$
    reformad verlaten vertrokken pensioen pensione lasciat dimess`,
    `no longer|not with|moved on|nicht mehr bei|nicht mehr im|nicht mehr in|plus chez|ne travaille plus|n est plus|ya no|ya no trabajo|ja nao|nao trabalho mais|nao esta mais|niet meer bij|niet meer werkzaam|werk hier niet meer|non lavoro piu|non e piu|non fa piu parte`,
  ),
  c(
    'COLLEAGUE',
    `colleague kolleg collegue compan colega collega successor nachfolger successeur sucesor sucessor opvolger successore
    responsible zustandig responsable responsavel verantwoordelijk responsabil department abteilung departamento
    afdeling reparto ufficio einkauf purchasing procurement achats compras inkoop acquisti`,
    `wrong person|right person|not the right|falsche person|richtige person|mauvais interlocuteur|bonne personne|persona equivocada|persona adecuada|pessoa errada|pessoa certa|verkeerde persoon|juiste persoon|persona sbagliata|persona giusta|contact instead|please contact|wenden sie sich|contactez plutot|contacte con|fale com|neem contact op met|contatti`,
  ),
  c(
    'NOT_INTERESTED',
    `uninterest desinteres pass$ paso$ passo$`,
    `not interested|no interest|no thanks|no thank you|kein interesse|nicht interessiert|kein bedarf|pas interesse|pas interessee|pas besoin|non merci|no me interesa|no nos interesa|no gracias|nao tenho interesse|nao temos interesse|nao obrigado|geen interesse|geen behoefte|nee bedankt|non mi interessa|non ci interessa|no grazie|non siamo interessati|already have|already use|already work|haben bereits|schon eine|avons deja|deja un|ya tenemos|ya trabajamos|ja temos|ja usamos|hebben al|gebruiken al|abbiamo gia|usiamo gia`,
  ),
  c('THANKS', `thanks thank thx danke merci gracias obrigad valeu bedankt dank grazie`),
  c(
    'QUESTION_WORD',
    `what how$ why where which who$ wie$ warum wo$ welch wer$ quoi pourquoi quel$ quelle$ como$ donde cual$ quien onde$
    qual$ quem$ wat$ hoe$ waarom waar$ welk cosa$ perche dove$ quale$ chi$`,
  ),
];

type Matcher = { concept: string; phrase?: string[]; stem?: string };

/** Stems ending in "$" match a whole token only ("ok", "si", "sai" would otherwise start "okay", "simple", "said"). */
const exactWords = new Map<string, string[]>();
const byFirstWord = new Map<string, Matcher[]>();
const stemsByPrefix = new Map<string, Matcher[]>();
for (const concept of concepts) {
  for (const stem of concept.stems) {
    if (stem.endsWith('$') || stem.length < 3) {
      const word = stem.replace(/\$$/, '');
      exactWords.set(word, [...(exactWords.get(word) ?? []), concept.name]);
      continue;
    }
    const key = stem.slice(0, 3);
    const list = stemsByPrefix.get(key) ?? [];
    list.push({ concept: concept.name, stem });
    stemsByPrefix.set(key, list);
  }
  for (const phrase of concept.phrases) {
    const words = phrase.split(/\s+/);
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ concept: concept.name, phrase: words });
    byFirstWord.set(words[0]!, list);
  }
}

export type ConceptHit = { concept: string; tokStart: number; tokEnd: number };

/** Concepts in a token sequence (normalised token texts), with the token ranges they cover. */
export function findConcepts(tokens: readonly string[]): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    for (const name of exactWords.get(tok) ?? []) hits.push({ concept: name, tokStart: i, tokEnd: i + 1 });
    for (const m of stemsByPrefix.get(tok.slice(0, 3)) ?? []) {
      if (tok.startsWith(m.stem!)) hits.push({ concept: m.concept, tokStart: i, tokEnd: i + 1 });
    }
    for (const m of byFirstWord.get(tok) ?? []) {
      const words = m.phrase!;
      let ok = i + words.length <= tokens.length;
      for (let w = 1; ok && w < words.length; w++) ok = tokens[i + w] === words[w];
      if (ok) hits.push({ concept: m.concept, tokStart: i, tokEnd: i + words.length });
    }
  }
  return hits;
}
