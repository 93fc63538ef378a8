import type { Language } from '../classification.ts';
import { uRegex } from './unicode-regex.ts';

/**
 * A cheap language guess for out-of-office texts. It only has to pick the
 * chrono locale and the day/month order of numeric dates, so counting common
 * function words and absence vocabulary is enough; a full detector would be
 * overkill for two-sentence messages.
 */
const markers: Record<Language, RegExp> = {
  en: uRegex(
    String.raw`\b(?:the|and|i|i'm|am|will|be|until|office|back|your|you|thank|thanks|please|with|my|out|of|on|from|return|away|leave)\b`,
    'giu',
  ),
  de: uRegex(
    String.raw`\b(?:ich|und|der|die|das|bin|bis|nicht|im|ihre|ihr|vielen|dank|wieder|sie|mit|ab|am|zum|büro|urlaub|abwesend|zurück|einschließlich|erreichbar)\b`,
    'giu',
  ),
  fr: uRegex(
    String.raw`\b(?:je|suis|le|les|du|au|et|votre|merci|jusqu|serai|retour|bureau|pour|absente?|mon|ma|des|congés?|à|partir)\b`,
    'giu',
  ),
  es: uRegex(
    String.raw`\b(?:estoy|el|los|del|al|y|hasta|su|gracias|por|oficina|estaré|volveré|regreso|mi|con|fuera|que|vacaciones|correo|lunes|martes|viernes)\b`,
    'giu',
  ),
  pt: uRegex(
    String.raw`\b(?:estou|o|os|do|da|até|e|sua|obrigad[oa]|escritório|estarei|volta|com|fora|não|férias|dia|ao|às|regresso|retorno|segunda-feira|sexta-feira)\b`,
    'giu',
  ),
  nl: uRegex(
    String.raw`\b(?:ik|ben|het|een|en|tot|met|vanaf|weer|op|kantoor|uw|bedankt|voor|bericht|niet|afwezig|van|t/m|vakantie|terug|bereikbaar|maandag|vrijdag)\b`,
    'giu',
  ),
  it: uRegex(
    String.raw`\b(?:sono|il|di|dal|fino|sarò|ufficio|grazie|per|messaggio|non|rientro|mio|ferie|assente|fuori|sede|lunedì|venerdì|nuovo)\b`,
    'giu',
  ),
};

export function guessLanguage(text: string): Language | null {
  let best: Language | null = null;
  let bestScore = 0;
  for (const [lang, pattern] of Object.entries(markers) as [Language, RegExp][]) {
    const score = text.match(pattern)?.length ?? 0;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return bestScore >= 1 ? best : null;
}
