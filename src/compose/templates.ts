/**
 * The composer's vocabulary (SPEC §5.2): where a lead came from (source), and
 * the angle each step of a sequence takes. Built-in wording lives in
 * built-in-templates.ts; an assistant may replace any source × angle pair
 * (assistant-templates.ts).
 */
export const sources = [
  'event',
  'website',
  'upsell',
  'meeting',
  'phone_meeting',
  'emailcc',
  'import',
  'api',
  // 7Targets' other lead sources (issue 10): a referral and the social platforms.
  'reference',
  'linkedin',
  'facebook',
  'twitter',
] as const;
export type Source = (typeof sources)[number];

/** One angle per step: introduction, value, proof, brochure, question, last try. */
export const angles = ['introduction', 'value', 'proof', 'brochure', 'question', 'last_try'] as const;
export type Angle = (typeof angles)[number];

/** One way of saying a source × angle. Only the introduction has a subject: follow-ups answer it. */
export type TemplateVariant = { subject: string | null; body: string };

/** An assistant's own variants, keyed `${source}/${angle}`; a key present replaces the built-ins. */
export type TemplateOverrides = ReadonlyMap<string, readonly TemplateVariant[]>;
export const templateKey = (source: Source, angle: Angle): string => `${source}/${angle}`;

export const asSource = (s: string): Source =>
  (sources as readonly string[]).includes(s) ? (s as Source) : 'api';

/** Angles a long schedule cycles through between the question and the last try. */
const middleAngles: Angle[] = ['value', 'proof', 'question'];

/**
 * The angle of a step: the first five in order, the last step of the schedule
 * (when it has more than one) is the last try, and longer schedules cycle
 * value, proof and question in between. `round` counts how often the angle has
 * come round before, so a repeated angle takes the next variant.
 */
export function angleOf(step: number, scheduleLength: number | null): { angle: Angle; round: number } {
  if (step > 0 && scheduleLength !== null && scheduleLength > 1 && step >= scheduleLength - 1)
    return { angle: 'last_try', round: 0 };
  if (step < 5) return { angle: angles[Math.max(0, step)]!, round: 0 };
  const k = step - 5;
  return { angle: middleAngles[k % middleAngles.length]!, round: Math.floor(k / middleAngles.length) + 1 };
}

/** A representative step for an angle (previews that name an angle rather than a step). */
export function stepOfAngle(angle: Angle, scheduleLength: number | null): number {
  if (angle === 'last_try') return Math.max(1, (scheduleLength ?? 7) - 1);
  return angles.indexOf(angle);
}
