/**
 * The words of an introduction (SPEC §6.3), as pure functions: each user's
 * own text with placeholders (the lead's and the assistant's, as in the
 * assistant's templates, plus the user's), the default a user starts from,
 * and the email it fills. The assistant's sign-off is added after the text,
 * so a user's text never needs one.
 */
import { checkTemplate, clean, clip, fillBody, type Values } from '../compose/placeholders.ts';
import { type AssistantFields, type LeadFields, signOff, valuesFor } from '../compose/render-email.ts';
import { AppError } from '../errors/app-error.ts';

/** The introduced user's placeholders, beside the lead's and the assistant's ({firstName}, {assistantName}…). */
export const userPlaceholders = ['userName', 'userFirstName', 'userEmail', 'userPhone'] as const;

/** The longest introduction text a user may keep or send. */
export const maxIntroductionChars = 5000;

export const defaultIntroductionText = `Hi {firstName},

Thank you for getting back to me. I would like to introduce you to {userName}, copied on this email, who will take the conversation forward from here and can answer your questions directly.

{userName}, over to you.`;

export type IntroducedUser = { name: string; email: string; phone: string | null };

/**
 * What is wrong with an introduction text, as the 400 naming `field`; null
 * when it may be used. Unknown placeholders are refused here, not found in
 * the lead's inbox.
 */
export function checkIntroductionText(text: string, field: string): void {
  if (!text.trim()) throw new AppError('VALIDATION', `${field}: the introduction text is empty`, { field });
  if (text.length > maxIntroductionChars)
    throw new AppError('VALIDATION', `${field}: at most ${maxIntroductionChars} characters`, { field });
  const problems = checkTemplate(text, userPlaceholders);
  if (!problems.length) return;
  throw new AppError(
    'VALIDATION',
    `${field}: ${problems.map((p) => (p.kind === 'unknown' ? `unknown placeholder ${p.text}` : `not a placeholder: ${p.text}`)).join('; ')} (placeholders: {firstName}, {lastName}, {fullName}, {company}, {title}, {assistantName}, {userName}, {userFirstName}, {userEmail}, {userPhone}, {custom.<column>}; a default goes after "|")`,
    { field, details: { problems } },
  );
}

/** The introduction's body: the text filled for this lead, assistant and user, then the assistant's sign-off. */
export function introductionBody(
  text: string,
  who: { lead: LeadFields; assistant: AssistantFields; user: IntroducedUser },
): string {
  const values = withUser(valuesFor(who), who.user);
  return `${fillBody(text, values)}\n\n${signOff(who.assistant)}\n`;
}

/** The user's name as the lead reads it: their name, else their address. */
export const userDisplayName = (user: IntroducedUser): string =>
  clip(clean(user.name), 80) || clean(user.email);

function withUser(values: Values, user: IntroducedUser): Values {
  const own: Record<string, string> = {
    userName: userDisplayName(user),
    userFirstName: clip(clean(user.name).split(' ')[0] ?? '', 40) || userDisplayName(user),
    userEmail: clean(user.email),
    userPhone: clean(user.phone ?? ''),
  };
  return { get: (name) => (name in own ? own[name] || undefined : values.get(name)) };
}
