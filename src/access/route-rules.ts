/**
 * Who may call each API route: one rule per `METHOD /path` (OpenAPI path
 * syntax), the whole API's access at a glance. The HTTP layer looks the rule
 * up before the handler runs (`access/authorise.ts`, `access/record-access.ts`); a route with no rule
 * is refused, and the authorisation matrix test fails on it.
 *
 * The rules, from least to most guarded:
 * - `public`: no credentials; the route proves who calls by other means (the
 *   password at sign-in, a setup or invitation token, the inbound secret).
 * - `signed-in`: any user of the org; what they get is scoped to what they
 *   may see (a member's lead list holds their own leads).
 * - `self`: the caller's own things (profile, notifications, API keys, the
 *   lead lists they imported, which their org's admins also see). One named
 *   by id that is not theirs is told it does not exist (404).
 * - `lead`: the lead in the path: its owner, a manager of its assistant, an
 *   admin. Anyone else is told it does not exist (404), as for another org's.
 * - `lead-owner`: the lead in the path, its owner or an admin only (erasing
 *   a person, exporting what is held about them: SPEC §12). A manager of
 *   its assistant may see it but not do this (403); anyone else 404.
 * - `lead-record`: a record that belongs to a lead (a sandbox message, a
 *   review item, a correction, an unsent email): as `lead`, for that lead.
 * - `assistant`: the assistant in the path: its assigned users, its
 *   managers, admins.
 * - `assistant-manager`: its managers and admins.
 * - `admin`: the org's admins.
 */
export type RouteRule =
  | 'public'
  | 'signed-in'
  | 'self'
  | 'lead'
  | 'lead-owner'
  | 'lead-record'
  | 'assistant'
  | 'assistant-manager'
  | 'admin';

export const routeRules: Record<string, RouteRule> = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/inbound/raw': 'public',
  'POST /api/v1/invitations/preview': 'public',
  'POST /api/v1/invitations/accept': 'public',
  'POST /api/v1/password-resets': 'public',
  'POST /api/v1/password-resets/complete': 'public',
  'POST /api/v1/lead-links/{leadId}/preview': 'public',
  'POST /api/v1/lead-links/{leadId}/use': 'public',
  'GET /api/v1/inbound-secret': 'admin',
  'POST /api/v1/inbound-secret/rotate': 'admin',

  'GET /api/v1/me': 'self',
  'GET /api/v1/me/notification-preferences': 'self',
  'PATCH /api/v1/me/notification-preferences': 'self',
  'GET /api/v1/notifications': 'self',
  'POST /api/v1/notifications/read-all': 'self',
  'POST /api/v1/notifications/{id}/read': 'self',
  'GET /api/v1/me/profile': 'self',
  'PATCH /api/v1/me/profile': 'self',
  'POST /api/v1/me/password': 'self',
  'GET /api/v1/me/api-keys': 'self',
  'POST /api/v1/me/api-keys': 'self',
  'POST /api/v1/me/api-keys/{id}/revoke': 'self',

  'GET /api/v1/users': 'signed-in',
  'PATCH /api/v1/users/{id}': 'admin',
  'POST /api/v1/users/{id}/remove': 'admin',
  'GET /api/v1/invitations': 'admin',
  'POST /api/v1/invitations': 'admin',
  'POST /api/v1/invitations/{id}/resend': 'admin',
  'DELETE /api/v1/invitations/{id}': 'admin',

  'GET /api/v1/assistants': 'signed-in',
  'GET /api/v1/assistants/{id}': 'assistant',
  'PUT /api/v1/assistants/{id}/mailbox': 'admin',
  'DELETE /api/v1/assistants/{id}/mailbox': 'admin',
  'PATCH /api/v1/assistants/{id}/sending': 'admin',
  'GET /api/v1/assistants/{id}/exclusions': 'assistant',
  'POST /api/v1/assistants/{id}/exclusions': 'admin',
  'DELETE /api/v1/assistants/{id}/exclusions/{pattern}': 'admin',
  'GET /api/v1/assistants/{id}/templates': 'assistant',
  'PUT /api/v1/assistants/{id}/templates/{source}/{step}': 'admin',
  'DELETE /api/v1/assistants/{id}/templates/{source}/{step}': 'admin',
  'POST /api/v1/assistants/{id}/preview': 'assistant',
  'PUT /api/v1/assistants/{id}/proof-points': 'admin',
  'PUT /api/v1/assistants/{id}/quote-first-email': 'admin',
  'GET /api/v1/assistants/{id}/users': 'assistant-manager',
  'PUT /api/v1/assistants/{id}/users/{userId}': 'admin',
  'DELETE /api/v1/assistants/{id}/users/{userId}': 'admin',

  // Assistant setup (issue 10): create, edit, archive, avatar, own SMTP, connection tests.
  'POST /api/v1/assistants': 'admin',
  'PATCH /api/v1/assistants/{id}': 'admin',
  'POST /api/v1/assistants/{id}/archive': 'admin',
  'POST /api/v1/assistants/{id}/unarchive': 'admin',
  'PUT /api/v1/assistants/{id}/avatar': 'admin',
  'GET /api/v1/assistants/{id}/avatar': 'assistant',
  'DELETE /api/v1/assistants/{id}/avatar': 'admin',
  'PUT /api/v1/assistants/{id}/smtp': 'admin',
  'DELETE /api/v1/assistants/{id}/smtp': 'admin',
  'POST /api/v1/assistants/{id}/mailbox/test': 'admin',
  'POST /api/v1/assistants/{id}/smtp/test': 'admin',

  'GET /api/v1/schedules': 'signed-in',
  'POST /api/v1/schedules': 'admin',
  'GET /api/v1/schedules/{id}': 'signed-in',
  'PATCH /api/v1/schedules/{id}': 'admin',
  'DELETE /api/v1/schedules/{id}': 'admin',
  'POST /api/v1/schedules/{id}/clone': 'admin',

  'GET /api/v1/leads': 'signed-in',
  'POST /api/v1/leads': 'signed-in',
  'GET /api/v1/leads/{id}': 'lead',
  'GET /api/v1/leads/{id}/timeline': 'lead',
  'POST /api/v1/leads/{id}/actions/{action}': 'lead',
  'POST /api/v1/leads/actions/{action}': 'signed-in',
  'POST /api/v1/leads/{id}/corrections': 'lead',
  'GET /api/v1/leads/{id}/conversation': 'lead',
  'POST /api/v1/leads/{id}/messages': 'lead',
  'PATCH /api/v1/leads/{id}/messages/{messageId}': 'lead',
  'POST /api/v1/leads/{id}/messages/{messageId}/skip': 'lead',
  // Issue 11: edit one lead or many (each lead checked as `lead`), Introduce Me.
  'PATCH /api/v1/leads/{id}': 'lead',
  'POST /api/v1/leads/edit': 'signed-in',
  'POST /api/v1/leads/{id}/introduce': 'lead',
  'POST /api/v1/leads/{id}/introduce/preview': 'lead',

  'POST /api/v1/imports': 'signed-in',
  'GET /api/v1/imports': 'signed-in',
  'GET /api/v1/imports/{id}': 'self',
  'POST /api/v1/imports/{id}/start': 'self',
  'GET /api/v1/imports/{id}/rows': 'self',
  'GET /api/v1/imports/{id}/report.csv': 'self',

  'GET /api/v1/review-items': 'signed-in',
  'POST /api/v1/review-items/{id}/resolve': 'lead-record',
  'GET /api/v1/corrections': 'signed-in',
  'DELETE /api/v1/corrections/{id}': 'lead-record',

  'GET /api/v1/sandbox/messages': 'signed-in',
  'GET /api/v1/sandbox/messages/{id}': 'lead-record',
  'POST /api/v1/sandbox/messages/{id}/reply': 'lead-record',

  'GET /api/v1/deliverability/breakers': 'signed-in',
  'POST /api/v1/deliverability/breakers/{id}/resume': 'admin',
  'GET /api/v1/deliverability/dkim/{assistantId}': 'assistant',
  'PUT /api/v1/deliverability/dkim/{assistantId}': 'admin',
  'DELETE /api/v1/deliverability/dkim/{assistantId}': 'admin',

  'GET /api/v1/unsent-emails': 'signed-in',
  'POST /api/v1/unsent-emails/retry-all': 'signed-in',
  'POST /api/v1/unsent-emails/{id}/retry': 'lead-record',

  'GET /api/v1/inbound-problems': 'signed-in',
  'POST /api/v1/inbound-problems/{id}/retry': 'admin',
  'POST /api/v1/inbound-problems/{id}/dismiss': 'admin',

  // Plans and capacity (SPEC §9)
  'GET /api/v1/capacity': 'admin',

  // Erasure (SPEC §12): the person's data, out or gone, by the lead's owner or an admin.
  'GET /api/v1/leads/{id}/export': 'lead-owner',
  'POST /api/v1/leads/{id}/erase': 'lead-owner',
  'GET /api/v1/erasures': 'admin',
};

type Compiled = { method: string; segments: string[]; template: string; rule: RouteRule; literals: number };

// `{name}` is one path segment; every other segment is literal. Matched segment by segment, no patterns.
const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');
const compiled: Compiled[] = Object.entries(routeRules).map(([key, rule]) => {
  const [method, template] = key.split(' ') as [string, string];
  const segments = template.split('/');
  return { method, segments, template, rule, literals: segments.filter((s) => !isParam(s)).length };
});

const matches = (c: Compiled, parts: string[]) =>
  c.segments.length === parts.length &&
  c.segments.every((s, i) => (isParam(s) ? parts[i] !== '' : s === parts[i]));

/**
 * The rule of the route a request is for, or null when no rule names it. A
 * literal segment wins over a parameter, so the most literal template is
 * taken.
 */
export function ruleFor(method: string, path: string): { template: string; rule: RouteRule } | null {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const parts = path.split('/');
  let best: Compiled | null = null;
  for (const c of compiled)
    if (c.method === m && matches(c, parts) && (!best || c.literals > best.literals)) best = c;
  return best && { template: best.template, rule: best.rule };
}
