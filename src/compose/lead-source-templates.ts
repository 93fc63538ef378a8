import type { Angle, TemplateVariant } from './templates.ts';

/**
 * Built-in wording for 7Targets' other lead sources (issue 10): a referral
 * and the social platforms. A referral's emails name who referred the lead
 * from the custom field `referred_by` (an import column "Referred by", or the
 * add-lead form's field; placeholders match custom names loosely), else "a
 * mutual contact"; its context is what they were referred about. A social
 * lead's emails say where they met: the platform is written into the words,
 * and the context is what they showed interest in there.
 */

type FollowUp = Exclude<Angle, 'introduction'>;
/** A source's own follow-ups; the angles it leaves out take the shared wording. */
export type OwnFollowUps = Partial<Record<FollowUp, string[]>>;

const hi = 'Hi {firstName},\n\n';
const info = '\n\n{additionalInformation}\n\n';
const referrer = '{custom.referred_by|a mutual contact}';
const Referrer = '{custom.referred_by|A mutual contact}';

export const referenceIntroductions: TemplateVariant[] = [
  {
    subject: `${Referrer} suggested we talk`,
    body: `${hi}${Referrer} suggested I get in touch with you about {context|what we do}.${info}Would you be open to a short call next week to see whether it could help {company}?`,
  },
  {
    subject: `Introduction via ${referrer}`,
    body: `${hi}I am reaching out on the recommendation of ${referrer}, who thought {context|what we do} could be useful for {company}.${info}Would 15 minutes next week work for you?`,
  },
  {
    subject: 'A recommendation from {custom.referred_by|a colleague}',
    body: `${hi}{custom.referred_by|A colleague of yours} mentioned that {company} might be interested in {context|what we do}, so I wanted to introduce myself.${info}Is there a good time this week for a quick chat?`,
  },
];

export const referenceFollowUps: OwnFollowUps = {
  value: [
    `${hi}I wanted to follow up on my note about {context|what we do}, which ${referrer} thought could help {company}.${info}Is this something you are looking at right now?`,
    `${hi}${Referrer} thought of you because teams like {company} often want to do more with the people they already have. That is exactly where we help.${info}Would a short conversation be worthwhile?`,
  ],
  question: [
    `${hi}Just checking in: who at {company} would be the right person to talk to about {context|this}?`,
    `${hi}One quick question: is {context|this} on your list for the next few months, or did ${referrer}'s introduction come at a busy time?`,
  ],
};

/** The platforms, as the emails name them. */
export const socialPlatforms = {
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  twitter: 'X (Twitter)',
} as const;
export type SocialSource = keyof typeof socialPlatforms;

export function socialIntroductions(source: SocialSource): TemplateVariant[] {
  const p = socialPlatforms[source];
  return [
    {
      subject: `Following up from ${p}`,
      body: `${hi}Thank you for your interest in {context|what we do} on ${p}. I wanted to follow up personally by email.${info}Would a short call help to see whether it fits {company}?`,
    },
    {
      subject: `From ${p}: {context|a quick follow-up}`,
      body: `${hi}We crossed paths on ${p}, where you showed interest in {context|what we do}. Email seemed an easier place to share the details.${info}Would 15 minutes next week work for you?`,
    },
    {
      subject: '{context|A quick note} for {company}',
      body: `${hi}I saw your response on ${p} about {context|our work}, and thought a short personal note would be more useful than another post.${info}Is there a good time this week for a quick chat?`,
    },
  ];
}

export function socialFollowUps(source: SocialSource): OwnFollowUps {
  const p = socialPlatforms[source];
  return {
    value: [
      `${hi}I wanted to follow up on my note about {context|what we do}, since you showed interest on ${p}.${info}Is this something {company} is looking at right now?`,
      `${hi}A post on ${p} only says so much. In short: teams like {company} use us to get more done with the people they already have.${info}Would a short conversation be worthwhile?`,
    ],
    question: [
      `${hi}Just checking in: who at {company} would be the right person to talk to about {context|this}?`,
      `${hi}One quick question: what caught your eye about {context|our work} on ${p}?`,
    ],
  };
}
