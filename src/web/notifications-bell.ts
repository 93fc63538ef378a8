import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { Time } from './format.ts';
import { html } from './html.ts';
import { navigate } from './router.ts';
import type { Notification, NotificationList } from './types.ts';

const pollMs = 30_000;

/** Fired when a screen sees a lead move: a notification about it may have just been written. */
export const leadMovedEvent = 'nurture:lead-moved';

/**
 * The in-app notifications (SPEC §8): hot, responded and warm leads,
 * deliverability alerts. Read every 30 s, on every change of screen, and when
 * a screen saw a lead move.
 */
export function NotificationsBell({ path }: { path: string }) {
  const [list, setList] = useState<NotificationList | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [at, setAt] = useState({ top: 0, right: 0 });
  const root = useRef<HTMLDivElement>(null);

  const load = () =>
    api<NotificationList>('GET', '/notifications?channel=in_app&limit=20').then(
      (l) => {
        setList(l);
        setError(null);
      },
      (e) => setError(errorText(e)),
    );

  useEffect(() => {
    const t = setInterval(() => document.visibilityState === 'visible' && load(), pollMs);
    window.addEventListener(leadMovedEvent, load);
    return () => {
      clearInterval(t);
      window.removeEventListener(leadMovedEvent, load);
    };
  }, []);
  useEffect(() => {
    load();
  }, [path]);

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) {
        setOpen(false);
        if (e instanceof KeyboardEvent) root.current?.querySelector('button')?.focus();
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, [open]);

  const unread = list?.unreadCount ?? 0;
  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await api('POST', `/notifications/${n.id}/read`).catch(() => {});
    load();
    if (n.leadId) navigate(`/leads/${n.leadId}`);
  };
  const readAll = async () => {
    await api('POST', '/notifications/read-all').catch(() => {});
    load();
  };

  return html`<div class="bell" ref=${root}>
    <button
      type="button"
      class="bell-button"
      aria-expanded=${open}
      aria-controls="notifications-panel"
      aria-label=${`Notifications, ${unread} unread`}
      onClick=${(e: MouseEvent) => {
        if (!open) {
          load();
          // The panel hangs under the bell, kept inside the window however the header wrapped.
          const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
          const width = Math.min(384, window.innerWidth - 16);
          const right = Math.max(8, Math.min(window.innerWidth - r.right, window.innerWidth - 8 - width));
          setAt({ top: r.bottom + 6, right });
        }
        setOpen(!open);
      }}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor"
        stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>${unread > 0 && html`<span class="count" aria-hidden="true">${unread}</span>`}
    </button>
    ${
      open &&
      html`<div
      id="notifications-panel"
      class="bell-panel"
      role="region"
      aria-label="Notifications"
      style=${{ top: `${at.top}px`, right: `${at.right}px` }}
    >
      <div class="bell-head">
        <strong>Notifications</strong>
        ${unread > 0 && html`<button type="button" class="link" onClick=${readAll}>Mark all read</button>`}
      </div>
      ${error && html`<p class="error">${error}</p>`}
      ${list && list.items.length === 0 && html`<p class="muted">Nothing yet.</p>`}
      <ul>
        ${list?.items.map(
          (n) => html`<li class=${n.readAt ? 'read' : 'unread'}>
            <button type="button" class="notification" onClick=${() => openOne(n)}>
              <span class="subject">${n.subject}</span>
              <span class="muted"><${Time} iso=${n.createdAt} /></span>
            </button>
          </li>`,
        )}
      </ul>
    </div>`
    }
  </div>`;
}
