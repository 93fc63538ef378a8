import { useEffect, useRef, useState } from 'preact/hooks';
import { AcceptInvitationPage } from './accept-invitation-page.ts';
import { AddLeadPage } from './add-lead-page.ts';
import { api, errorText, whenSignedOut } from './api.ts';
import { ApiKeysPage } from './api-keys-page.ts';
import { AssistantSettingsPage } from './assistant-settings-page.ts';
import { AssistantUsersPage } from './assistant-users-page.ts';
import { AssistantsPage } from './assistants-page.ts';
import { DashboardPage } from './dashboard-page.ts';
import { forgetCached, MeContext } from './data.ts';
import { DkimPage } from './dkim-page.ts';
import { ExclusionsPage } from './exclusions-page.ts';
import { ForgotPasswordPage } from './forgot-password-page.ts';
import { html } from './html.ts';
import { ImportPage } from './import-page.ts';
import { ImportsPage } from './imports-page.ts';
import { InboundProblemsPage } from './inbound-problems-page.ts';
import { LeadActionLinkPage } from './lead-action-link-page.ts';
import { LeadListPage } from './lead-list-page.ts';
import { LeadPage } from './lead-page.ts';
import { LoginPage } from './login-page.ts';
import { ProfilePage } from './profile-page.ts';
import { ProofPointsPage } from './proof-points-page.ts';
import { ResetPasswordPage } from './reset-password-page.ts';
import { ReviewPage } from './review-page.ts';
import { match, navigate, useLocation } from './router.ts';
import { SandboxPage } from './sandbox-page.ts';
import { SchedulePage } from './schedule-page.ts';
import { SchedulesPage } from './schedules-page.ts';
import { Shell } from './shell.ts';
import { TeamPage } from './team-page.ts';
import { TemplatesPage } from './templates-page.ts';
import type { Me } from './types.ts';
import { UnsentEmailsPage } from './unsent-emails-page.ts';

/** The screens, by path (web-routes.ts serves index.html on the same paths). */
const routes: [string, (p: Record<string, string>) => unknown][] = [
  ['/', () => html`<${DashboardPage} />`],
  ['/leads', () => html`<${LeadListPage} />`],
  ['/leads/:id', (p) => html`<${LeadPage} id=${p.id} key=${p.id} />`],
  ['/add-lead', () => html`<${AddLeadPage} />`],
  ['/imports', () => html`<${ImportsPage} />`],
  ['/imports/:id', (p) => html`<${ImportPage} id=${p.id} key=${p.id} />`],
  ['/inbound-problems', () => html`<${InboundProblemsPage} />`],
  // Assistant setup (issue 10): the list, one assistant's settings, its users.
  ['/assistants', () => html`<${AssistantsPage} />`],
  ['/assistants/:id', (p) => html`<${AssistantSettingsPage} id=${p.id} key=${p.id} />`],
  ['/assistants/:id/users', (p) => html`<${AssistantUsersPage} id=${p.id} key=${p.id} />`],
  ['/sandbox', () => html`<${SandboxPage} />`],
  ['/sandbox/:id', (p) => html`<${SandboxPage} id=${p.id} />`],
  ['/unsent-emails', () => html`<${UnsentEmailsPage} />`],
  // Unsure replies, decided by a human (issue 11).
  ['/review', () => html`<${ReviewPage} />`],
  ['/team', () => html`<${TeamPage} />`],
  ['/me', () => html`<${ProfilePage} />`],
  ['/me/api-keys', () => html`<${ApiKeysPage} />`],

  // The assistant's content screens and the org's schedules.
  ['/schedules', () => html`<${SchedulesPage} />`],
  ['/schedules/:id', (p) => html`<${SchedulePage} id=${p.id} key=${p.id} />`],
  ['/assistants/:id/templates', (p) => html`<${TemplatesPage} id=${p.id} key=${p.id} />`],
  ['/assistants/:id/proof-points', (p) => html`<${ProofPointsPage} id=${p.id} key=${p.id} />`],
  ['/assistants/:id/exclusions', (p) => html`<${ExclusionsPage} id=${p.id} key=${p.id} />`],
  ['/assistants/:id/dkim', (p) => html`<${DkimPage} id=${p.id} key=${p.id} />`],
];

/** Pages reached from an email or the sign-in page, signed in or not: their link is their proof. */
const publicPages: Record<string, (signedIn: (me: Me) => void) => unknown> = {
  '/accept-invitation': (signedIn) => html`<${AcceptInvitationPage} onSignedIn=${signedIn} />`,
  '/forgot-password': () => html`<${ForgotPasswordPage} />`,
  '/reset-password': () => html`<${ResetPasswordPage} />`,
  '/lead-action': () => html`<${LeadActionLinkPage} />`,
};

function NotFound() {
  return html`<h1 tabindex="-1">Not found</h1>
    <p>There is no page here. <a href="/">Back to the dashboard</a>.</p>`;
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [bootError, setBootError] = useState<string | null>(null);
  const { path } = useLocation();

  useEffect(() => {
    whenSignedOut(() => {
      forgetCached();
      setMe(null);
    });
    api<Me>('GET', '/me').then(setMe, (e) => {
      if ((e as { status?: number }).status === 401) setMe(null);
      else setBootError(errorText(e));
    });
  }, []);

  // Signed in on the sign-in address: go to the dashboard.
  useEffect(() => {
    if (me && path === '/login') navigate('/', { replace: true });
  }, [me, path]);

  // After a change of screen, focus its heading so keyboard and screen-reader users start there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    (document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main'))?.focus();
  }, [path]);

  if (bootError)
    return html`<main class="narrow"><h1>Nurture</h1><p role="alert" class="error">${bootError}</p></main>`;
  const publicPage = publicPages[path];
  if (publicPage)
    return publicPage((signedIn) => {
      forgetCached();
      setMe(signedIn);
      navigate('/', { replace: true });
    });
  if (me === undefined) return html`<p class="loading" aria-live="polite">Loading…</p>`;
  if (me === null) return html`<${LoginPage} onSignedIn=${setMe} />`;

  let page: unknown = path === '/login' ? null : html`<${NotFound} />`;
  for (const [pattern, view] of routes) {
    const params = match(pattern, path);
    if (params) {
      page = view(params);
      break;
    }
  }
  return html`<${MeContext.Provider} value=${me}>
    <${Shell}
      path=${path}
      onSignOut=${async () => {
        await api('POST', '/auth/logout').catch(() => {});
        forgetCached();
        setMe(null);
      }}
      >${page}</${Shell}
    >
  </${MeContext.Provider}>`;
}
