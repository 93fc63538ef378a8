/**
 * The API's shapes, as the browser sees them. Types only, taken from the zod
 * schemas that describe the API: every import here is `import type`, so this
 * module is empty once its types are stripped and no server code reaches the
 * browser.
 */
import type { z } from '@hono/zod-openapi';
import type {
  ApiKey as ApiKeySchema,
  NewApiKey as NewApiKeySchema,
  Profile as ProfileSchema,
} from '../accounts/account-schemas.ts';
import type { Assistant as AssistantSchema } from '../assistants/assistant-schemas.ts';
import type { AssistantUser as AssistantUserSchema } from '../assistants/assistant-user-schemas.ts';
import type { intents } from '../classify/classification.ts';
import type {
  PreviewResult as PreviewSchema,
  TemplateEntry as TemplateEntrySchema,
  TemplateList as TemplateListSchema,
} from '../compose/template-schemas.ts';
import type { angles, sources } from '../compose/templates.ts';
import type { Conversation as ConversationSchema } from '../conversation/conversation-schemas.ts';
import type { Dkim as DkimSchema } from '../deliverability/deliverability-schemas.ts';
import type {
  ImportRowReport,
  LeadImport as ImportSchema,
  UploadedImport,
} from '../imports/import-schemas.ts';
import type { InboundProblem as InboundProblemSchema } from '../inbound/inbound-problem-schemas.ts';
import type { IntroductionDraft as IntroductionDraftSchema } from '../introductions/introduction-schemas.ts';
import type { LeadLinkView as LeadLinkViewSchema } from '../lead-links/lead-link-schemas.ts';
import type { LeadPage as LeadPageSchema, Lead as LeadSchema } from '../leads/lead-schemas.ts';
import type {
  NotificationList as NotificationListSchema,
  NotificationPreferences as NotificationPreferencesSchema,
} from '../notify/notification-schemas.ts';
import type { CapacityView as CapacityViewSchema } from '../plans/capacity-schemas.ts';
import type {
  Correction as CorrectionSchema,
  ReviewItem as ReviewItemSchema,
} from '../review/review-schemas.ts';
import type { Schedule as ScheduleSchema } from '../schedules/schedule-schemas.ts';
import type { Exclusion as ExclusionSchema } from '../suppression/exclusion-schemas.ts';
import type {
  InvitationPreview as InvitationPreviewSchema,
  Invitation as InvitationSchema,
  TeamList as TeamListSchema,
} from '../team/team-schemas.ts';

export type Me = { orgId: string; userId: string; role: 'admin' | 'member' };
export type Lead = z.infer<typeof LeadSchema>;
export type LeadPage = z.infer<typeof LeadPageSchema>;
export type LeadState = Lead['state'];
export type Source = (typeof sources)[number];
export type Assistant = z.infer<typeof AssistantSchema>;
export type AssistantUser = z.infer<typeof AssistantUserSchema>;
export type Schedule = z.infer<typeof ScheduleSchema>;
export type LeadImport = z.infer<typeof ImportSchema>;
export type Upload = z.infer<typeof UploadedImport>;
export type ImportRow = z.infer<typeof ImportRowReport>;
export type InboundProblem = z.infer<typeof InboundProblemSchema>;
export type NotificationList = z.infer<typeof NotificationListSchema>;
export type Notification = NotificationList['items'][number];
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
export type Team = z.infer<typeof TeamListSchema>;
export type TeamMember = Team['users'][number];
export type Invitation = z.infer<typeof InvitationSchema>;
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
export type LeadLinkView = z.infer<typeof LeadLinkViewSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type IntroductionDraft = z.infer<typeof IntroductionDraftSchema>;
export type ApiKey = z.infer<typeof ApiKeySchema>;
export type NewApiKey = z.infer<typeof NewApiKeySchema>;
export type CapacityView = z.infer<typeof CapacityViewSchema>;

// The assistant's content screens (schedules, templates, proof points, exclusions, DKIM).
export type Angle = (typeof angles)[number];
export type TemplateEntry = z.infer<typeof TemplateEntrySchema>;
export type TemplateList = z.infer<typeof TemplateListSchema>;
export type Preview = z.infer<typeof PreviewSchema>;
export type Exclusion = z.infer<typeof ExclusionSchema>;
export type Dkim = z.infer<typeof DkimSchema>;

/** One item of GET /api/v1/leads/{id}/timeline (lead-queries.ts), dates as ISO strings. */
export type TimelineItem =
  | {
      kind: 'event';
      at: string;
      type: string;
      actor: { type: string; id: string | null };
      reason: string;
      fromState: string | null;
      toState: string | null;
      fromSubState: string | null;
      toSubState: string | null;
      evidence: Record<string, unknown> | null;
    }
  | {
      kind: 'message';
      direction: 'out';
      at: string;
      id: string;
      step: number | null;
      status: string;
      subject: string | null;
      text: string | null;
      preview: boolean;
    }
  | {
      kind: 'message';
      direction: 'in';
      at: string;
      id: string;
      from: string | null;
      subject: string | null;
      text: string | null;
      status: string;
    };

export type SandboxMessage = {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  messageId: string;
  leadId: string | null;
  sentAt: string;
};

export type SandboxMessageDetail = SandboxMessage & { headers: Record<string, string>; raw: string };

// Message (SPEC §6.4): the lead's conversation and the emails still to go.
export type Conversation = z.infer<typeof ConversationSchema>;
export type ConversationItem = Conversation['items'][number];
export type UpcomingEmail = Conversation['upcoming'][number];
// The review queue (issue 11): unsure replies and the corrections that decided them.
export type Intent = (typeof intents)[number];
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
