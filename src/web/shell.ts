import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { useMe } from './data.ts';
import { html } from './html.ts';
import { NotificationsBell } from './notifications-bell.ts';
import type { SandboxMessage } from './types.ts';

const nav = [
  { href: '/', label: 'Dashboard', current: (p: string) => p === '/' },
  { href: '/leads', label: 'Leads', current: (p: string) => p.startsWith('/leads') },
  { href: '/add-lead', label: 'Add lead', current: (p: string) => p === '/add-lead' },
  { href: '/imports', label: 'Import', current: (p: string) => p.startsWith('/imports') },
  { href: '/review', label: 'Review', current: (p: string) => p === '/review' },
  { href: '/unsent-emails', label: 'Unsent emails', current: (p: string) => p === '/unsent-emails' },
  { href: '/inbound-problems', label: 'Inbound problems', current: (p: string) => p === '/inbound-problems' },
  { href: '/assistants', label: 'Assistants', current: (p: string) => p.startsWith('/assistants') },
  // Everyone reads the schedules; admins edit them.
  { href: '/schedules', label: 'Schedules', current: (p: string) => p.startsWith('/schedules') },
];

/**
 * The sandbox link shows once the sandbox has caught mail (no SMTP server is
 * configured, SPEC §10.1); the page itself is always there.
 */
function useSandboxInUse(path: string): boolean {
  const [inUse, setInUse] = useState(false);
  useEffect(() => {
    if (inUse) return;
    const look = () =>
      api<{ items: SandboxMessage[] }>('GET', '/sandbox/messages?limit=1').then(
        (r) => setInUse(r.items.length > 0),
        () => {},
      );
    look();
    const t = setInterval(() => document.visibilityState === 'visible' && look(), 10_000);
    return () => clearInterval(t);
  }, [path, inUse]);
  return inUse || path.startsWith('/sandbox');
}

export function Shell({
  path,
  onSignOut,
  children,
}: {
  path: string;
  onSignOut: () => void;
  children: ComponentChildren;
}) {
  const me = useMe();
  const sandbox = useSandboxInUse(path);
  const links = [
    ...nav,
    ...(sandbox
      ? [{ href: '/sandbox', label: 'Sandbox', current: (p: string) => p.startsWith('/sandbox') }]
      : []),
    // SPEC §10.1: Team is for the org's admins.
    ...(me.role === 'admin' ? [{ href: '/team', label: 'Team', current: (p: string) => p === '/team' }] : []),
  ];
  return html`<a class="skip" href="#main">Skip to content</a>
    <header class="topbar">
      <a class="brand" href="/">Nurture</a>
      <nav aria-label="Main">
        <ul>
          ${links.map(
            (l) =>
              html`<li>
                <a href=${l.href} aria-current=${l.current(path) ? 'page' : undefined}>${l.label}</a>
              </li>`,
          )}
        </ul>
      </nav>
      <div class="topbar-end">
        <${NotificationsBell} path=${path} />
        <span class="muted role" title=${`Signed in as ${me.role}`}>${me.role === 'admin' ? 'Admin' : 'Member'}</span>
        <a href="/me" aria-current=${path === '/me' ? 'page' : undefined}>My profile</a>
        <a href="/me/api-keys" aria-current=${path === '/me/api-keys' ? 'page' : undefined}>API keys</a>
        <button type="button" class="link" onClick=${onSignOut}>Sign out</button>
      </div>
    </header>
    <main id="main" tabindex="-1">${children}</main>`;
}
