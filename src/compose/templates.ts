/**
 * First built-in templates (SPEC §5.2): one angle per step, an opening shaped by
 * the lead's source and context. Placeholders are {name}; compose.ts fills them
 * and refuses to leave one unfilled. The full composer (variants per assistant,
 * editing, LLM) comes later; these are the fallback it keeps.
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
] as const;
export type Source = (typeof sources)[number];

/** The subject of the whole sequence; follow-ups answer it with "Re:". Two variants each. */
export const subjects: Record<Source, string[]> = {
  event: ['Following up after {context}', 'Great to connect at {context}'],
  website: ['Your interest in {context}', 'About {context}'],
  upsell: ['Something new for {company}: {context}', '{context} for {company}'],
  meeting: ['Good to meet you, {firstName}', 'Following up on our conversation'],
  phone_meeting: ['Following up on our call', 'Our call about {context}'],
  emailcc: ['Following up', 'Quick follow-up'],
  import: ['A quick question, {firstName}', 'Idea for {company}'],
  api: ['A quick question, {firstName}', 'Idea for {company}'],
};

/** The opening line of the first email, per source. */
export const openings: Record<Source, string> = {
  event: 'Thank you for stopping by at {context}. I hope you enjoyed the event.',
  website: 'Thank you for your interest in {context} on our website.',
  upsell: 'As a valued customer, I wanted you to be among the first to hear about {context}.',
  meeting: 'It was good to meet you. Thank you for the conversation about {context}.',
  phone_meeting: 'Thank you for taking the time to speak on the phone about {context}.',
  emailcc: 'Following up on the note my colleague sent you.',
  import: 'I am reaching out because I believe {company} could benefit from what we do.',
  api: 'I am reaching out because I believe {company} could benefit from what we do.',
};

/** One angle per step: introduction, value, proof, brochure, question, last try. */
export const angles: string[] = [
  '{opening}\n\n{additionalInformation}\n\nWould you be open to a short call next week to see whether it fits {company}?',
  'I wanted to follow up on my previous email. {additionalInformation}\n\nIs this something you are looking at right now?',
  'Teams like yours use us to save time on exactly this. Happy to share how others in {industry} got started.\n\nWould a 15-minute call work?',
  'In case it helps, I can send you a short overview you can share with your team. Shall I?',
  'Just checking in: who at {company} would be the right person to talk to about {context}?',
  'I have not heard back, so I will assume the timing is not right. If that changes, simply reply to this email.',
];
