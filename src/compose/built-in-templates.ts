import {
  type OwnFollowUps,
  referenceFollowUps,
  referenceIntroductions,
  type SocialSource,
  socialFollowUps,
  socialIntroductions,
} from './lead-source-templates.ts';
import type { Angle, Source, TemplateVariant } from './templates.ts';

/**
 * The built-in wording (SPEC §5.2): short, plain emails, several variants of
 * each so that leads don't all get the same words. Placeholders are
 * `{name}` or `{name|default}` (placeholders.ts); a line whose placeholder has
 * no value and no default is left out, which is how an empty Additional
 * Information disappears without a trace. Each body carries its greeting;
 * the composer adds the PS, signature, quote and unsubscribe line.
 */

const hi = 'Hi {firstName},\n\n';
const info = '\n\n{additionalInformation}\n\n';

/** The first email of each source: three subjects and openings each. */
const introductions: Record<Source, TemplateVariant[]> = {
  event: [
    {
      subject: 'Following up after {context|the event}',
      body: `${hi}Thank you for stopping by at {context|the event}. I hope you enjoyed it.${info}Would you be open to a short call next week to see whether this could help {company}?`,
    },
    {
      subject: 'Great to connect at {context|the event}',
      body: `${hi}It was a pleasure to connect at {context|the event}, and I promised to follow up.${info}Would 15 minutes next week be useful for {company}?`,
    },
    {
      subject: '{context|The event}: a quick follow-up',
      body: `${hi}Events are busy, so I wanted to reach out while {context|the event} is still fresh.${info}Shall we find a moment to talk about what {company} is working on this year?`,
    },
  ],
  website: [
    {
      subject: 'Your interest in {context|our product}',
      body: `${hi}Thank you for your interest in {context|our product} on our website.${info}Would a short call help you decide whether it is a fit for {company}?`,
    },
    {
      subject: 'About your visit',
      body: `${hi}I saw that you were looking at {context|our website}, and wanted to reach out personally.${info}What made you look, if you do not mind me asking?`,
    },
    {
      subject: '{context|Our product} for {company}',
      body: `${hi}Thanks for checking out {context|our product}. I am here to answer any questions you may have.${info}Is there a good time this week for a quick chat?`,
    },
  ],
  upsell: [
    {
      subject: 'Something new for {company}: {context|our latest update}',
      body: `${hi}As a valued customer, I wanted you to be among the first to hear about {context|our latest update}.${info}Could I show you in 15 minutes how it fits what {company} already does with us?`,
    },
    {
      subject: '{context|A new option} for {company}',
      body: `${hi}Thank you for working with us. We have just made {context|something new} available, and I thought of {company} first.${info}Would you like a short walkthrough?`,
    },
    {
      subject: 'A new option for {company}',
      body: `${hi}Since {company} already works with us, I wanted to tell you about {context|what we have just added}.${info}Shall I set up a quick call to show you?`,
    },
  ],
  meeting: [
    {
      subject: 'Good to meet you',
      body: `${hi}It was good to meet you. Thank you for the conversation about {context|your plans}.${info}Would you like to continue it with a short call next week?`,
    },
    {
      subject: 'Following up on our conversation',
      body: `${hi}Thank you for taking the time to meet. I enjoyed our talk about {context|what you are working on}.${info}What would be a good next step on your side?`,
    },
    {
      subject: 'Our conversation about {context|next steps}',
      body: `${hi}Great meeting you the other day. I have been thinking about our conversation on {context|your plans for this year}.${info}Could we find 20 minutes to take it further?`,
    },
  ],
  phone_meeting: [
    {
      subject: 'Following up on our call',
      body: `${hi}Thank you for taking the time to speak on the phone about {context|your plans}.${info}Would it help to continue with a short video call?`,
    },
    {
      subject: 'Our call about {context|next steps}',
      body: `${hi}Thanks again for the call. It was good to hear more about {context|your plans}.${info}What would be a good next step for {company}?`,
    },
    {
      subject: 'Next steps after our call',
      body: `${hi}It was great talking to you on the phone. As promised, here is a short follow-up on {context|what we discussed}.${info}Shall we pick a time to continue?`,
    },
  ],
  emailcc: [
    {
      subject: 'Following up',
      body: `${hi}I am following up on the note my colleague sent you about {context|our conversation}.${info}Would a short call next week work for you?`,
    },
    {
      subject: 'Quick follow-up',
      body: `${hi}My colleague asked me to stay in touch with you about {context|their note}.${info}Is this a good time to talk?`,
    },
    {
      subject: 'Following up on {context|our conversation}',
      body: `${hi}I am following up on my colleague's email about {context|our conversation}.${info}What would be a good next step for {company}?`,
    },
  ],
  import: [
    {
      subject: 'Idea for {company}',
      body: `${hi}I am reaching out because I believe {company} could benefit from {context|what we do}.${info}Would you be open to a short call to find out?`,
    },
    {
      subject: 'A quick question about {company}',
      body: `${hi}I have been looking at {company} and had an idea about {context|how we could help}.${info}Who would be the best person to talk to about it?`,
    },
    {
      subject: '{context|A quick idea} for {company}',
      body: `${hi}I work with teams in {industry|your industry} on {context|exactly this kind of challenge}, and I thought {company} might find it useful.${info}Would 15 minutes next week work?`,
    },
  ],
  api: [
    {
      subject: 'A quick note for {company}',
      body: `${hi}I wanted to reach out personally about {context|how we help teams like yours}.${info}Would a short call be useful?`,
    },
    {
      subject: 'Idea for {company}',
      body: `${hi}I believe {company} could benefit from {context|what we do}, and I would like to show you how.${info}Is there a good time next week?`,
    },
    {
      subject: 'About {context|your plans this year}',
      body: `${hi}I am getting in touch because teams in {industry|your industry} often ask us about {context|saving time on this}.${info}Would it be worth a quick conversation?`,
    },
  ],
  // Referrals and social platforms (lead-source-templates.ts).
  reference: referenceIntroductions,
  linkedin: socialIntroductions('linkedin'),
  facebook: socialIntroductions('facebook'),
  twitter: socialIntroductions('twitter'),
};

type FollowUp = Exclude<Angle, 'introduction'>;
type Family = 'event' | 'meeting' | 'emailcc' | 'offer' | 'reference' | SocialSource;

/** Sources whose context means the same thing share their follow-up wording. */
const familyOf: Record<Source, Family> = {
  event: 'event',
  meeting: 'meeting',
  phone_meeting: 'meeting',
  emailcc: 'emailcc',
  website: 'offer',
  upsell: 'offer',
  import: 'offer',
  api: 'offer',
  reference: 'reference',
  linkedin: 'linkedin',
  facebook: 'facebook',
  twitter: 'twitter',
};

const proof = [
  `${hi}Teams like yours use us to save time on exactly this. I would be happy to share how others in {industry|your industry} got started.\n\nWould a 15-minute call work?`,
  `${hi}A real example may be more useful than another description: I would be glad to walk you through how a team similar to {company} got results within a few weeks.\n\nShall I send a few times?`,
  `${hi}Most of our customers started with one small team and a clear goal. I can show you what that looked like for companies like {company}.\n\nWould that be helpful?`,
];

const brochure = [
  `${hi}In case it is easier to read than to talk, here is a short overview you can share with your team: {brochureUrl}\n\nHappy to answer any questions.`,
  `${hi}Some people prefer to see the details first. Here is our overview; it takes about two minutes to read: {brochureUrl}\n\nLet me know what you think.`,
];

/** The brochure step when the assistant has no Brochure URL: offer one instead. */
const brochureOffer = [
  `${hi}In case it is easier to read than to talk, I can send you a short overview you can share with your team. Shall I?`,
  `${hi}Some people prefer to see the details first. Would a short written overview be useful? Just reply and I will send it.`,
];

const offerQuestion = [
  `${hi}Just checking in: who at {company} would be the right person to talk to about {context|this}?`,
  `${hi}One quick question: is improving this on your list for the next few months, or is the timing wrong?`,
];

const lastTry = [
  `${hi}I have not heard back, so I will assume the timing is not right. If that changes, simply reply to this email.`,
  `${hi}This is my last note for now. If this becomes a priority for {company} later, just reply and I will pick it up from there.`,
  `${hi}I do not want to fill your inbox, so I will stop here. If you would like to talk at a better time, a one-line reply is all it takes.`,
];

/** A source's own value and question wording over the shared proof, brochure and last try. */
const withShared = (own: OwnFollowUps): Record<FollowUp, string[]> => ({
  value: own.value ?? [],
  proof,
  brochure,
  question: own.question ?? offerQuestion,
  last_try: own.last_try ?? lastTry,
});

const followUps: Record<Family, Record<FollowUp, string[]>> = {
  reference: withShared(referenceFollowUps),
  linkedin: withShared(socialFollowUps('linkedin')),
  facebook: withShared(socialFollowUps('facebook')),
  twitter: withShared(socialFollowUps('twitter')),
  event: {
    value: [
      `${hi}I wanted to follow up on my note after {context|the event}.${info}Is this something {company} is looking at right now?`,
      `${hi}Many of the people we spoke to at {context|the event} were looking for ways to do more with the same team. That is exactly where we help.${info}Would it be worth a short conversation?`,
    ],
    proof,
    brochure,
    question: [
      `${hi}Just checking in: who at {company} would be the right person to talk to about what we discussed at {context|the event}?`,
      `${hi}One quick question: did anything at {context|the event} change your plans for this year?`,
    ],
    last_try: lastTry,
  },
  meeting: {
    value: [
      `${hi}I wanted to follow up on our conversation about {context|your plans}.${info}Is this still a priority for {company}?`,
      `${hi}Picking up where we left off on {context|our conversation}: the teams that get the most out of working with us start small and grow from there.${info}Would a short call help to look at a first step for {company}?`,
    ],
    proof,
    brochure,
    question: [
      `${hi}Just checking in: is {context|what we discussed} still on your list, or has something else taken priority?`,
      `${hi}One quick question: who else at {company} should be part of the conversation?`,
    ],
    last_try: lastTry,
  },
  emailcc: {
    value: [
      `${hi}I am following up on the note my colleague sent you about {context|our conversation}.${info}Would a short call next week work for you?`,
      `${hi}My colleague asked me to stay in touch about {context|their note}, so here I am.${info}Is this a good time to talk?`,
      `${hi}I am following up on my colleague's email about {context|our conversation}.${info}What would be a good next step for {company}?`,
    ],
    proof,
    brochure,
    question: offerQuestion,
    last_try: lastTry,
  },
  offer: {
    value: [
      `${hi}I wanted to follow up on my previous email about {context|what we do}.${info}Is this something you are looking at right now?`,
      `${hi}Most teams we work with come to us to save time and get more done with the people they already have.${info}Would that be useful for {company} this quarter?`,
    ],
    proof,
    brochure,
    question: offerQuestion,
    last_try: [
      ...lastTry,
      `${hi}I will leave it here for now. Whenever {context|this} is on your agenda, a one-line reply is enough and I will pick it up from there.`,
    ],
  },
};

/**
 * The built-in variants of a source × angle. Without a Brochure URL the
 * brochure step offers to send one instead of linking to nothing.
 */
export function builtInVariants(
  source: Source,
  angle: Angle,
  opts: { hasBrochure: boolean } = { hasBrochure: true },
): readonly TemplateVariant[] {
  if (angle === 'introduction') return introductions[source];
  const noBrochure = angle === 'brochure' && !opts.hasBrochure;
  const key = `${source}/${angle}/${noBrochure}`;
  let variants = followUpVariants.get(key);
  if (!variants) {
    const bodies = noBrochure ? brochureOffer : followUps[familyOf[source]][angle];
    variants = bodies.map((body) => ({ subject: null, body }));
    followUpVariants.set(key, variants);
  }
  return variants;
}

// Built once: the dispatcher asks for them for every email it sends.
const followUpVariants = new Map<string, readonly TemplateVariant[]>();
