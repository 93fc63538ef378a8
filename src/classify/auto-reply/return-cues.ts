import { uRegex } from './unicode-regex.ts';

/**
 * The words around a date that say what the date means for the return, in
 * en/de/fr/es/pt/nl/it. The "…$" patterns are matched against the text right
 * before a date ("back on ", "bis einschließlich ", "jusqu'au "); the
 * predicate patterns anywhere in the date's clause ("Ab dem 3. bin ich
 * **wieder** erreichbar", "Maandag ben ik **weer terug**").
 */
const tail = String.raw`\s*[,:]?\s*$`;

/** "until X": away through X, back the next working day. */
export const untilCue = uRegex(
  String.raw`\b(?:until|till|til|through|thru|up to and including|up to|bis(?:\s+(?:einschließlich|einschl\.|inklusive|inkl\.|zum|zur|voraussichtlich|spätestens))*|jusqu['’]\s*(?:au|à|a|aux)|hasta(?:\s+(?:el|la))?|até(?:\s+(?:ao|à|o|a))?|tot\s+en\s+met|t/m|tot|fino\s+(?:al|a|all['’]|alla))\s*(?:the|dem|den|de|le|el|o|il|la|l['’]|dia|o\s+dia|day)?${tail}`,
);

/** "not back until X", "kommt erst … zurück": the until-date is itself the return. */
export const negatedReturnBeforeUntil = uRegex(
  String.raw`\b(?:not|n['’]t|won['’]t|nicht|pas|no|não|niet|non)\b[^.!?]{0,30}\b(?:back|return(?:ing)?|be\s+in|in\s+the\s+office|available|zurück|wieder|de\s+retour|rentr\w*|volver\w*|regres\w*|de\s+volta|retorn\w*|terug|rientr\w*|torner\w*)\b[^.!?]{0,20}$`,
);

/** "not back before X", "nicht vor dem X", "pas avant le X": back on X. */
export const notBeforeCue = uRegex(
  String.raw`\b(?:not\s+(?:be\s+)?(?:back|returning|in(?:\s+the\s+office)?|available)\s+(?:before|until)|nicht\s+vor(?:\s+(?:dem|den))?|(?:pas|plus)(?:\s+de\s+retour)?\s+avant(?:\s+(?:le|l['’]))?|no\s+antes\s+del?|não\s+antes\s+d[eoa]|niet\s+voor|non\s+prima\s+del?)${tail}`,
);

const backEn = String.raw`(?:back|return(?:s|ing)?|be\s+in|resum(?:e|ing)(?:\s+work)?|reopen(?:s|ing)?|(?:available|reachable|contactable)\s+again|again\s+available)(?:\s+(?:to|in|at|into)\s+(?:the\s+|my\s+)?(?:office|work|desk))?(?:\s+(?:on|by|from|as\s+of|starting|at|in))?(?:\s+the)?`;
const backDe = String.raw`(?:zurück|wieder(?:\s+(?:im\s+büro|da|erreichbar|verfügbar|im\s+haus|am\s+arbeitsplatz|zurück))?)(?:\s+im\s+büro)?(?:\s+(?:am|ab|zum|an))?(?:\s+(?:dem|den))?`;
const backFr = String.raw`(?:de\s+retour|retour(?:\s+(?:prévu|au\s+bureau))?|rentr(?:e|erai|ée|ons)|reviens|reviendrai|reprendrai|reprise|rouvr(?:e|ira|irons)|disponible\s+(?:à|de)\s+nouveau)(?:\s+(?:au\s+bureau|le\s+travail|mes\s+fonctions|la\s+lecture\s+de\s+mes\s+(?:e-?mails|courriels|messages)|mes\s+activités))?(?:\s+(?:le|l['’]|dès\s+le|à\s+partir\s+du|à\s+compter\s+du|au))?`;
const backEs = String.raw`(?:volver(?:é|e|emos)?|vuelvo|regres(?:o|aré|are|amos|aremos|ando)|de\s+(?:vuelta|regreso)|(?:me\s+)?reincorpor(?:o|aré|are|aremos)|estar(?:é|emos)\s+disponibles?(?:\s+de\s+nuevo)?)(?:\s+(?:a|en)\s+la\s+oficina)?(?:\s+(?:el|a\s+partir\s+del?|desde\s+el|el\s+día|el\s+dia|en|al))?`;
const backPt = String.raw`(?:de\s+volta|volto|voltarei|voltaremos|regress(?:o|arei|ando|amos)|retorn(?:o|arei|aremos|ando)(?:\s+às\s+(?:atividades|minhas\s+funções))?|estarei\s+de\s+volta)(?:\s+ao\s+escritório)?(?:\s+(?:em|no\s+dia|dia|a|na|no|à|ao|a\s+partir\s+d[eoa]))?`;
const backNl = String.raw`(?:terug|weer\s+(?:aanwezig|op\s+kantoor|bereikbaar|beschikbaar|terug)|opnieuw\s+(?:aanwezig|bereikbaar|beschikbaar))(?:\s+(?:op|vanaf|per))?`;
const backIt = String.raw`(?:di\s+ritorno|ritorno|rientr(?:o|erò|ero|eremo)|torner(?:ò|o|emo)|(?:sarò|saremo)\s+(?:di\s+nuovo|nuovamente)\s+(?:in\s+ufficio|disponibil[ei])|di\s+nuovo\s+in\s+ufficio|riapri(?:remo|amo|rà|ranno)|di\s+nuovo\s+disponibile)(?:\s+in\s+ufficio)?(?:\s+(?:il|l['’]|dal|dall['’]|da|a\s+partire\s+dal|previsto\s+per\s+il))?`;

/** "back on X", "zurück am X", "de retour le X", "regreso el X", "retorno em X", "terug op X", "rientro il X". */
export const backCue = uRegex(
  String.raw`(?:\b(?:${backEn}|${backDe}|${backFr}|${backEs}|${backPt}|${backNl}|${backIt})|(?<!out of |away from |not in |not be in |n['’]t be in )\bthe\s+office\s+(?:again\s+)?(?:on|from))${tail}`,
);

/** "from X", "ab dem X", "à partir du X", "a partir del X", "vanaf X", "dal X": a start — of the absence or of the return. */
export const fromCue = uRegex(
  String.raw`\b(?:from|starting(?:\s+(?:on|from))?|beginning|as\s+(?:of|from)|effective|ab(?:\s+(?:dem|den))?|vom|seit(?:\s+dem)?|à\s+partir\s+d(?:u|e|e\s+la|e\s+l['’])|à\s+compter\s+d(?:u|e)|dès(?:\s+le)?|du|a\s+partir\s+d(?:el|e|o|a)|desde(?:\s+(?:el|o|a))?|del|de|do|da|vanaf|van|per|dal|dall['’]|a\s+partire\s+da(?:l|ll['’])?)\s*(?:the|le|el|o|il|l['’]|dia|o\s+dia)?${tail}`,
);

/** Being back or reachable. "my return"/"mon retour" is excluded: it is the OOO boilerplate "I'll reply on my return". */
export const presenceWords = uRegex(
  String.raw`\b(?:back|(?<!(?:my|upon|on) )return(?:s|ing)?|resum(?:e|ing)|reopen(?:s|ing)?|(?<!un)available|(?:reachable|contactable)\s+again|be\s+in\s+the\s+office|zurück|wieder|erreichbar|verfügbar|im\s+büro|(?<!mon )retour|rentr\w*|reviendr\w*|reprendr\w*|joignables?|disponibles?|rouvr\w*|volver\w*|vuelvo|(?<!mi )regres\w*|de\s+vuelta|reincorpor\w*|de\s+volta|volt(?:o|arei|aremos)|(?<!meu )regress\w*|(?<!meu )retorn\w*|disponível|terug|weer|opnieuw|bereikbaar|aanwezig|beschikbaar|op\s+kantoor|(?<!mio )ritorno|(?<!mio )rientr\w*|torner\w*|di\s+nuovo|nuovamente|disponibile|riapri\w*)\b`,
  'giu',
);

/** Being away: the clause describes the absence, so a bare date in it is a day away. */
export const absenceWords = uRegex(
  String.raw`\b(?:out\s+of\s+(?:the\s+)?office|ooo|away|off|on\s+(?:\w+\s+)?leave|vacation|holidays?|pto|travel(?:l)?ing|business\s+trip|conference|trade\s+show|closed|unavailable|out|sick|abwesend|urlaub|unterwegs|dienstreise|geschäftsreise|elternzeit|mutterschutz|außer\s+haus|geschlossen|krank\w*|messe|konferenz|seminar|fortbildung|schulung|absente?s?|absence|congés?|vacances|déplacement|formation|fermée?s?|hors\s+du\s+bureau|extérieur\s+du\s+bureau|maladie|fuera|ausente|ausencia|vacaciones|viaje|baja|cerrad[oa]s?|congreso|conferencia|feria|permiso|ausência|fora|férias|viagem|licença\S*|recesso|fechad[oa]s?|conferência|congresso|afwezig\w*|vakantie|verlof|zakenreis|gesloten|beurs|congres|ziek|assente|assenza|ferie|vacanza|trasferta|chius[ioe]|maternità|congedo|malattia|fiera|fuori\s+(?:ufficio|sede))\b`,
  'giu',
);

/** A negation right before a presence word turns it into absence: "nicht erreichbar", "niet op kantoor". */
export const negationBefore = uRegex(
  String.raw`\b(?:not|n['’]t|nicht|kein\w*|ne|n['’]|pas|no|não|niet|geen|non)\b(?:\s+\S+){0,2}\s*$`,
);
