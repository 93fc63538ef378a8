import { useAssistants } from './data.ts';
import { html } from './html.ts';

/** The pages of one assistant, in the order the sub-navigation lists them. */
const pages = [
  { key: 'settings', label: 'Settings', path: '' },
  { key: 'users', label: 'Users', path: '/users' },
  { key: 'templates', label: 'Templates', path: '/templates' },
  { key: 'proof-points', label: 'Proof points', path: '/proof-points' },
  { key: 'exclusions', label: 'Exclusions', path: '/exclusions' },
  { key: 'dkim', label: 'DKIM', path: '/dkim' },
] as const;

export type AssistantPage = (typeof pages)[number]['key'];

/**
 * The sub-navigation at the top of every page of one assistant (SPEC §10.1):
 * its name, and its settings, users, templates, proof points, exclusions and
 * DKIM, the current one marked for the eye and for screen readers.
 */
export function AssistantSubnav({ id, current }: { id: string; current: AssistantPage }) {
  const assistant = useAssistants().find((a) => a.id === id);
  const base = `/assistants/${encodeURIComponent(id)}`;
  return html`<div class="assistant-head">
    <p class="crumbs">
      <a href="/assistants">Assistants</a>${' › '}<span>${assistant ? html`${assistant.name} <span class="muted">${assistant.email}</span>` : 'Assistant'}</span>
    </p>
    <nav class="subnav" aria-label="Assistant">
      <ul>
        ${pages.map(
          (p) =>
            html`<li>
              <a href=${base + p.path} aria-current=${p.key === current ? 'page' : undefined}>${p.label}</a>
            </li>`,
        )}
      </ul>
    </nav>
  </div>`;
}

/** The assistant's name for a page heading, once the list has loaded. */
export function useAssistantName(id: string): string {
  return useAssistants().find((a) => a.id === id)?.name ?? '';
}
