/**
 * The intent of a human reply (SPEC §6.2 item 3): the local model (with the
 * org's corrections, if any), a few rules, and the dates a meeting or a
 * check-in names, resolved in the reply's own calendar.
 *
 * `confidence` is meant to be compared with a review threshold: the model's is
 * temperature-calibrated, rules that are sure set it high, and rules that see a
 * doubtful case lower it so the reply goes to a human.
 */
import { MAX_REPLY_CHARS } from '../analysis-limits.ts';
import type { Intent, IntentResult } from '../classification.ts';
import type { DateReference } from './calendar.ts';
import { extractConnectLaterDate } from './connect-later-date.ts';
import { detectLanguage } from './detect-language.ts';
import { extractFeatures } from './features.ts';
import { scoreFeatures } from './intent-model.ts';
import { extractMeetingProposal } from './meeting-date.ts';
import type { IntentModel } from './model-file.ts';
import type { OrgAdapter } from './org-adapter.ts';
import { applyRules } from './rules.ts';

export type ClassifyIntentOptions = {
  sentAt: Date;
  utcOffsetMinutes: number;
  orgAdapter?: OrgAdapter;
  /** Defaults to the shipped model (corpus/intent/model.json). */
  model?: IntentModel;
};

/** Confidence given to a reply that repeats one the org corrected (times its similarity). */
const nearDuplicateConfidence = 0.95;

export function classifyIntent(fullText: string, opts: ClassifyIntentOptions): IntentResult {
  // Only the top of a long reply is read: its meaning is there, and the work stays bounded.
  const text = fullText.length > MAX_REPLY_CHARS ? fullText.slice(0, MAX_REPLY_CHARS) : fullText;
  const language = detectLanguage(text).language;
  if (text.trim() === '') {
    return { intent: 'other', confidence: 0, evidence: [], language, meeting: null, connectLaterDate: null };
  }
  const ref: DateReference = { sentAt: opts.sentAt, utcOffsetMinutes: opts.utcOffsetMinutes };
  const features = extractFeatures(text, true);
  const scored = scoreFeatures(text, features, { model: opts.model, delta: opts.orgAdapter?.delta });

  // Dates are only looked for when they could matter (chrono is the slowest part).
  const meetingWanted = scored.intent === 'meeting' || scored.scores.meeting >= 0.2;
  const meeting = meetingWanted ? extractMeetingProposal(text, ref, language) : null;

  const ruled = applyRules({
    text,
    intent: scored.intent,
    confidence: scored.confidence,
    scores: scored.scores,
    hasProposedDay: meeting !== null,
  });
  let intent: Intent = ruled.intent;
  let confidence = ruled.confidence;
  const evidence = [...scored.evidence.slice(0, 4), ...ruled.evidence];
  if (ruled.intent !== scored.intent) evidence.splice(0, Math.min(4, scored.evidence.length));

  const duplicate = opts.orgAdapter?.nearDuplicate(features) ?? null;
  if (duplicate !== null) {
    intent = duplicate.intent;
    confidence = Math.min(0.99, nearDuplicateConfidence * duplicate.similarity + 0.05);
    evidence.unshift(`org correction: near-duplicate of a reply corrected to ${duplicate.intent}`);
  }

  let proposal = null;
  if (intent === 'meeting') {
    const found = meetingWanted ? meeting : extractMeetingProposal(text, ref, language);
    if (found !== null) {
      proposal = found.proposal;
      evidence.push(`date: "${found.evidence}"`);
    }
  }
  let connectLaterDate: string | null = null;
  if (intent === 'connect_later') {
    const later = extractConnectLaterDate(text, ref, language);
    if (later !== null) {
      connectLaterDate = later.date;
      evidence.push(`check-in: "${later.evidence}"`);
    }
  }
  return {
    intent,
    confidence: Math.round(confidence * 1e4) / 1e4,
    evidence,
    language,
    meeting: proposal,
    connectLaterDate,
  };
}
