import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerAccountRoutes, registerPasswordResetRoutes } from '../accounts/account-routes.ts';
import { registerAuthRoutes, registerMeRoute } from '../accounts/auth-routes.ts';
import { registerSetupRoutes } from '../accounts/setup-routes.ts';
import { registerAssistantRoutes } from '../assistants/assistant-routes.ts';
import { registerAssistantSendingRoutes } from '../assistants/assistant-sending-routes.ts';
import { registerAssistantSetupRoutes } from '../assistants/assistant-setup-routes.ts';
import { registerAssistantUserRoutes } from '../assistants/assistant-user-routes.ts';
import { registerTemplateRoutes } from '../compose/template-routes.ts';
import { registerConversationRoutes } from '../conversation/conversation-routes.ts';
import { registerBreakerRoutes } from '../deliverability/breaker-routes.ts';
import { registerDkimRoutes } from '../deliverability/dkim-routes.ts';
import { registerErasureRoutes } from '../erasure/erasure-routes.ts';
import { registerImportRoutes } from '../imports/import-routes.ts';
import { registerInboundProblemRoutes } from '../inbound/inbound-problem-routes.ts';
import { registerInboundRoutes } from '../inbound/inbound-routes.ts';
import { registerInboundSecretRoutes } from '../inbound/inbound-secret-routes.ts';
import { registerIntroductionRoutes } from '../introductions/introduction-routes.ts';
import { registerLeadLinkRoutes } from '../lead-links/lead-link-routes.ts';
import { registerLeadActionRoutes } from '../leads/lead-action-routes.ts';
import { registerLeadEditRoutes } from '../leads/lead-edit-routes.ts';
import { registerLeadRoutes } from '../leads/lead-routes.ts';
import {
  registerNotificationPreferenceRoutes,
  registerNotificationRoutes,
} from '../notify/notification-routes.ts';
import { registerUnsentEmailRoutes } from '../outbound/unsent-email-routes.ts';
import { registerCapacityRoutes } from '../plans/capacity-routes.ts';
import type { Ctx } from '../platform/context.ts';
import { registerReviewRoutes } from '../review/review-routes.ts';
import { registerSandboxRoutes } from '../sandbox/sandbox-routes.ts';
import { registerScheduleRoutes } from '../schedules/schedule-routes.ts';
import { registerExclusionRoutes } from '../suppression/exclusion-routes.ts';
import { registerInvitationAcceptRoutes, registerTeamRoutes } from '../team/team-routes.ts';
import type { ApiEnv } from './auth.ts';

/**
 * The whole API at a glance. Each capability owns its routes; this table says
 * which exist. Who may call each one is `access/route-rules.ts`: `public`
 * routes do their own authentication (or none), every other one needs an
 * actor and passes its rule first.
 *
 *   POST /api/v1/auth/login              public   sign in (cookie)
 *   POST /api/v1/auth/logout             public   sign out
 *   GET  /api/v1/setup                   public   does this instance still need its first org?
 *   POST /api/v1/setup                   public   first run: org + admin, with the logged setup token
 *   GET  /api/v1/me                               who am I
 *   POST /api/v1/password-resets         public   forgot password: a one-time link by email (always 202)
 *   POST /api/v1/password-resets/complete  public set a new password with the link's token; sessions end
 *   POST /api/v1/invitations/preview     public   what an invitation link is for (org, email, role)
 *   POST /api/v1/invitations/accept      public   accept: name + password, the user is made and signed in
 *   GET  /api/v1/me/profile                       my name, email, phone, role, org
 *   PATCH /api/v1/me/profile                      change my name, phone (E.164)
 *   POST /api/v1/me/password                      change my password (current one first); my other sessions end
 *   GET  /api/v1/me/api-keys                      my API keys (name, prefix, created, last used, revoked)
 *   POST /api/v1/me/api-keys                      a new named key, shown once
 *   POST /api/v1/me/api-keys/{id}/revoke          revoke one: it stops at once
 *   GET  /api/v1/users                            the org's users and roles (admins: + open invitations)
 *   PATCH /api/v1/users/{id}                      make admin or member; never no admin left (admins)
 *   POST /api/v1/users/{id}/remove                remove; leads handed over, all or per assistant (admins)
 *   GET  /api/v1/invitations                      open invitations (admins)
 *   POST /api/v1/invitations                      invite an email with a role (admins)
 *   POST /api/v1/invitations/{id}/resend          new link, old one dead (admins)
 *   DELETE /api/v1/invitations/{id}               cancel (admins)
 *   GET  /api/v1/assistants                       the org's assistants (no secrets)
 *   GET  /api/v1/assistants/{id}                  one, with its mailbox reader's state
 *   PUT  /api/v1/assistants/{id}/mailbox          set its IMAP mailbox (admins)
 *   DELETE /api/v1/assistants/{id}/mailbox        stop reading it (admins)
 *   PATCH /api/v1/assistants/{id}/sending         window, cap, spacing, fallback zone, open/click
 *                                                 tracking (admins)
 *   GET  /api/v1/assistants/{id}/exclusions       addresses and domains it never emails
 *   POST /api/v1/assistants/{id}/exclusions       add some; matching leads get no further email (admins)
 *   DELETE /api/v1/assistants/{id}/exclusions/{pattern}  take one off (admins)
 *   GET  /api/v1/assistants/{id}/templates        email templates per source and step (own or built-in)
 *   PUT  /api/v1/assistants/{id}/templates/{source}/{step}  its own variants (admins)
 *   DELETE /api/v1/assistants/{id}/templates/{source}/{step}  back to the built-ins (admins)
 *   POST /api/v1/assistants/{id}/preview          an email exactly as it would be sent
 *   PUT  /api/v1/assistants/{id}/proof-points     the PS success stories (admins)
 *   PUT  /api/v1/assistants/{id}/quote-first-email  follow-ups quote the first email (admins)
 *   GET  /api/v1/assistants/{id}/users            its assigned users and managers (admins, its managers)
 *   PUT  /api/v1/assistants/{id}/users/{userId}   assign a user, as manager or not (admins)
 *   DELETE /api/v1/assistants/{id}/users/{userId}  take a user off it (admins)
 *   POST /api/v1/assistants                       create one (admins)
 *   PATCH /api/v1/assistants/{id}                 profile, defaults, preferences (admins)
 *   POST /api/v1/assistants/{id}/archive          archive: its running leads stop (admins)
 *   POST /api/v1/assistants/{id}/unarchive        bring it back (admins)
 *   PUT|GET|DELETE /api/v1/assistants/{id}/avatar its picture (upload, delete: admins)
 *   PUT|DELETE /api/v1/assistants/{id}/smtp       its own SMTP server (admins)
 *   POST /api/v1/assistants/{id}/mailbox/test     sign in to the IMAP mailbox, report the server's words (admins)
 *   POST /api/v1/assistants/{id}/smtp/test        the same for SMTP (admins)
 *   GET  /api/v1/schedules                        the org's schedules, with their use
 *   POST /api/v1/schedules                        create one (admins)
 *   GET  /api/v1/schedules/{id}                   one
 *   PATCH /api/v1/schedules/{id}                  edit it; the leads on it are re-planned (admins)
 *   DELETE /api/v1/schedules/{id}                 delete one nobody uses (admins)
 *   POST /api/v1/schedules/{id}/clone             copy it to edit (admins)
 *   GET  /api/v1/leads                            the lead list: filters, text search, keyset pages
 *   POST /api/v1/leads                            add a lead
 *   GET  /api/v1/leads/{id}                       one lead
 *   GET  /api/v1/leads/{id}/timeline              its story
 *   GET  /api/v1/leads/{id}/conversation          the emails both ways, and those still to go
 *   POST /api/v1/leads/{id}/messages              write to the lead as the assistant, now or at a time
 *   PATCH /api/v1/leads/{id}/messages/{messageId}  change a scheduled email (text, subject, time)
 *   POST /api/v1/leads/{id}/messages/{messageId}/skip  skip a scheduled email
 *   POST /api/v1/leads/{id}/actions/{action}      deactivate, hot, unsubscribe, continue, restart,
 *                                                 note, handled-outside, change-owner (admins),
 *                                                 activate (admins), force-send
 *   POST /api/v1/leads/actions/{action}           the same on up to 1000 leads, a result per lead
 *   PATCH /api/v1/leads/{id}                      edit a lead: details, tags, schedule (re-planned), next
 *                                                 follow-up, assistant, owner; old/new on its timeline
 *   POST /api/v1/leads/edit                       the same change on up to 1000 leads, a result per lead
 *   POST /api/v1/leads/{id}/introduce             Introduce Me: the assistant emails the lead copying you
 *   POST /api/v1/leads/{id}/introduce/preview     that email as it would go, nothing sent
 *   POST /api/v1/lead-links/{leadId}/preview  public  what a signed one-click email link does (changes nothing)
 *   POST /api/v1/lead-links/{leadId}/use      public  do it: its one action on its lead, as its user, once
 *   POST /api/v1/imports                         upload a CSV/XLSX lead list: columns, suggested mapping, preview
 *   GET  /api/v1/imports                         recent imports
 *   GET  /api/v1/imports/{id}                    one, with its progress
 *   POST /api/v1/imports/{id}/start              add its rows with a mapping (the worker adds them)
 *   GET  /api/v1/imports/{id}/rows               the per-row report
 *   GET  /api/v1/imports/{id}/report.csv         the same as CSV, for fixing and re-importing
 *   POST /api/v1/leads/{id}/corrections           say what a reply really meant
 *   GET  /api/v1/review-items                     replies the classifier was unsure of
 *   POST /api/v1/review-items/{id}/resolve        decide one (the org's classifier learns)
 *   GET  /api/v1/corrections                      the org's corrections
 *   DELETE /api/v1/corrections/{id}               undo one
 *   GET  /api/v1/sandbox/messages                 what the sandbox caught
 *   GET  /api/v1/sandbox/messages/{id}            one, with headers and raw
 *   POST /api/v1/sandbox/messages/{id}/reply      answer as the lead
 *   GET  /api/v1/deliverability/breakers          bounce and complaint breakers, with rates
 *   POST /api/v1/deliverability/breakers/{id}/resume  re-arm one, send what it held (admins)
 *   GET  /api/v1/deliverability/dkim/{assistantId}    who signs its mail; the DNS record
 *   PUT  /api/v1/deliverability/dkim/{assistantId}    its own DKIM key (admins)
 *   DELETE /api/v1/deliverability/dkim/{assistantId}  forget it (admins)
 *   GET  /api/v1/notifications                    the caller's own notifications, delivery status, unread count
 *   POST /api/v1/notifications/{id}/read          mark one read (with its other channels' rows)
 *   POST /api/v1/notifications/read-all           mark all read
 *   GET  /api/v1/me/notification-preferences      what the caller is told about their leads, how; their phone
 *   PATCH /api/v1/me/notification-preferences     switch channels per kind; set the phone (E.164)
 *   GET  /api/v1/unsent-emails                    uncertain and failed sends: lead, step, error, when
 *   POST /api/v1/unsent-emails/{id}/retry         send one again, through the send rules (admins, owner)
 *   POST /api/v1/unsent-emails/retry-all          send all visible ones again
 *   POST /api/v1/inbound/raw             secret   raw RFC 5322 in (the org's X-Nurture-Inbound-Secret only)
 *   GET  /api/v1/inbound-secret                   whether the org has an inbound secret (admins)
 *   POST /api/v1/inbound-secret/rotate            a new one, shown once (admins)
 *   GET  /api/v1/inbound-problems                 inbound messages quarantined (failed or overran their budget)
 *   POST /api/v1/inbound-problems/{id}/retry      process one again, attempts from zero (admins)
 *   POST /api/v1/inbound-problems/{id}/dismiss    set one aside for good (admins)
 *
 *   GET  /api/v1/capacity                         the plan: cap, active, EmailCC reserve, waiting, next activation (admins)
 *
 *   GET  /api/v1/leads/{id}/export                everything held about the person this lead is, JSON (owner, admins)
 *   POST /api/v1/leads/{id}/erase                 erase that person; only their address's hash stays (owner, admins)
 *   GET  /api/v1/erasures                         the org's erasures: hash, who, when, how much (admins)
 */
export const routeTable: {
  name: string;
  prefix: string;
  register: (app: OpenAPIHono<ApiEnv>, ctx: Ctx) => void;
}[] = [
  { name: 'auth', prefix: '/api/v1/auth/', register: registerAuthRoutes },
  // First run (SPEC §10.1): guarded by the setup token the server logs at start.
  { name: 'setup', prefix: '/api/v1/setup', register: registerSetupRoutes },
  { name: 'inbound', prefix: '/api/v1/inbound/', register: registerInboundRoutes },
  // Each org's secret for /api/v1/inbound/raw (issue 9).
  { name: 'inbound-secret', prefix: '/api/v1/inbound-secret', register: registerInboundSecretRoutes },
  // Inbound messages that could not be processed, for a human (issue 8).
  {
    name: 'inbound-problems',
    prefix: '/api/v1/inbound-problems',
    register: registerInboundProblemRoutes,
  },
  { name: 'me', prefix: '/api/v1/me', register: registerMeRoute },
  // Accounts and team (issue 9): my profile, password, API keys; users, roles, invitations; forgot password.
  { name: 'account', prefix: '/api/v1/me/', register: registerAccountRoutes },
  { name: 'password-resets', prefix: '/api/v1/password-resets', register: registerPasswordResetRoutes },
  { name: 'invitation-accept', prefix: '/api/v1/invitations/', register: registerInvitationAcceptRoutes },
  { name: 'team', prefix: '/api/v1/users', register: registerTeamRoutes },
  { name: 'assistants', prefix: '/api/v1/assistants', register: registerAssistantRoutes },
  // Composer: /api/v1/assistants/{id}/templates, /preview, /proof-points, /quote-first-email.
  { name: 'templates', prefix: '/api/v1/assistants/', register: registerTemplateRoutes },
  {
    name: 'assistant-sending',
    prefix: '/api/v1/assistants',
    register: registerAssistantSendingRoutes,
  },
  // Who works with each assistant and who manages it (SPEC §10.2): /api/v1/assistants/{id}/users.
  { name: 'assistant-users', prefix: '/api/v1/assistants/', register: registerAssistantUserRoutes },
  // Exclusion lists (SPEC §2): /api/v1/assistants/{id}/exclusions.
  { name: 'exclusions', prefix: '/api/v1/assistants/', register: registerExclusionRoutes },
  // Assistant setup (issue 10): create, edit, archive, avatar, own SMTP, connection tests.
  { name: 'assistant-setup', prefix: '/api/v1/assistants', register: registerAssistantSetupRoutes },
  { name: 'leads', prefix: '/api/v1/leads', register: registerLeadRoutes },
  { name: 'imports', prefix: '/api/v1/imports', register: registerImportRoutes },
  { name: 'lead-actions', prefix: '/api/v1/leads', register: registerLeadActionRoutes },
  // Message (SPEC §6.4): the conversation, writing as the assistant, editing a scheduled email.
  { name: 'conversation', prefix: '/api/v1/leads/', register: registerConversationRoutes },
  // Issue 11: editing leads, one or many; Introduce Me (SPEC §6.3).
  { name: 'lead-edit', prefix: '/api/v1/leads', register: registerLeadEditRoutes },
  { name: 'introductions', prefix: '/api/v1/leads/', register: registerIntroductionRoutes },
  // Signed one-click links of notification emails (issue 11): public, the token is the proof.
  { name: 'lead-links', prefix: '/api/v1/lead-links/', register: registerLeadLinkRoutes },
  { name: 'schedules', prefix: '/api/v1/schedules', register: registerScheduleRoutes },
  { name: 'sandbox', prefix: '/api/v1/sandbox/', register: registerSandboxRoutes },
  // Review queue and corrections (also /api/v1/corrections and /api/v1/leads/{id}/corrections).
  { name: 'review', prefix: '/api/v1/review-items', register: registerReviewRoutes },
  // Deliverability: breakers (SPEC §5.3, §12) and DKIM keys.
  {
    name: 'breakers',
    prefix: '/api/v1/deliverability/breakers',
    register: registerBreakerRoutes,
  },
  { name: 'dkim', prefix: '/api/v1/deliverability/dkim/', register: registerDkimRoutes },
  // Notifications (SPEC §8): what Nurture told the calling user (email, WhatsApp, in-app), and their choices.
  {
    name: 'notifications',
    prefix: '/api/v1/notifications',
    register: registerNotificationRoutes,
  },
  // SPEC §12: failed and uncertain sends, with retry (outbound/unsent-emails.ts).
  {
    name: 'unsent-emails',
    prefix: '/api/v1/unsent-emails',
    register: registerUnsentEmailRoutes,
  },
  {
    name: 'notification-preferences',
    prefix: '/api/v1/me/notification-preferences',
    register: registerNotificationPreferenceRoutes,
  },

  // Plans and capacity (SPEC §9)
  { name: 'capacity', prefix: '/api/v1/capacity', register: registerCapacityRoutes },

  // Erasure (SPEC §12, issue 11): /api/v1/leads/{id}/export, /api/v1/leads/{id}/erase, /api/v1/erasures.
  { name: 'erasure', prefix: '/api/v1/', register: registerErasureRoutes },
];
