import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerAuthRoutes, registerMeRoute } from '../accounts/auth-routes.ts';
import { registerAssistantRoutes } from '../assistants/assistant-routes.ts';
import { registerInboundRoutes } from '../inbound/inbound-routes.ts';
import { registerLeadRoutes } from '../leads/lead-routes.ts';
import type { Ctx } from '../platform/context.ts';
import { registerReviewRoutes } from '../review/review-routes.ts';
import { registerSandboxRoutes } from '../sandbox/sandbox-routes.ts';
import type { ApiEnv } from './auth.ts';

/**
 * The whole API at a glance. Each capability owns its routes; this table says
 * which exist and whether they need a signed-in actor. `public` routes do
 * their own authentication (or none); every other /api/v1 path needs an actor.
 *
 *   POST /api/v1/auth/login              public   sign in (cookie)
 *   POST /api/v1/auth/logout             public   sign out
 *   GET  /api/v1/me                               who am I
 *   GET  /api/v1/assistants                       the org's assistants (no secrets)
 *   GET  /api/v1/assistants/{id}                  one, with its mailbox reader's state
 *   PUT  /api/v1/assistants/{id}/mailbox          set its IMAP mailbox (admins)
 *   DELETE /api/v1/assistants/{id}/mailbox        stop reading it (admins)
 *   POST /api/v1/leads                            add a lead
 *   GET  /api/v1/leads/{id}                       one lead
 *   GET  /api/v1/leads/{id}/timeline              its story
 *   POST /api/v1/leads/{id}/corrections           say what a reply really meant
 *   GET  /api/v1/review-items                     replies the classifier was unsure of
 *   POST /api/v1/review-items/{id}/resolve        decide one (the org's classifier learns)
 *   GET  /api/v1/corrections                      the org's corrections
 *   DELETE /api/v1/corrections/{id}               undo one
 *   GET  /api/v1/sandbox/messages                 what the sandbox caught
 *   GET  /api/v1/sandbox/messages/{id}            one, with headers and raw
 *   POST /api/v1/sandbox/messages/{id}/reply      answer as the lead
 *   POST /api/v1/inbound/raw             secret   raw RFC 5322 in
 */
export const routeTable: {
  name: string;
  public: boolean;
  prefix: string;
  register: (app: OpenAPIHono<ApiEnv>, ctx: Ctx) => void;
}[] = [
  { name: 'auth', public: true, prefix: '/api/v1/auth/', register: registerAuthRoutes },
  { name: 'inbound', public: true, prefix: '/api/v1/inbound/', register: registerInboundRoutes },
  { name: 'me', public: false, prefix: '/api/v1/me', register: registerMeRoute },
  { name: 'assistants', public: false, prefix: '/api/v1/assistants', register: registerAssistantRoutes },
  { name: 'leads', public: false, prefix: '/api/v1/leads', register: registerLeadRoutes },
  { name: 'sandbox', public: false, prefix: '/api/v1/sandbox/', register: registerSandboxRoutes },
  // Review queue and corrections (also /api/v1/corrections and /api/v1/leads/{id}/corrections).
  { name: 'review', public: false, prefix: '/api/v1/review-items', register: registerReviewRoutes },
];
