import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { useMe } from './data.ts';
import { humanize, Time } from './format.ts';
import { html } from './html.ts';
import { InboundSecretPanel } from './inbound-secret-panel.ts';
import type { InboundProblem } from './types.ts';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Inbound messages that could not be processed (issue 8): they failed or
 * overran their time budget on every attempt, or their worker died on them.
 * Admins may process one again (after a fix, say) or dismiss it.
 */
export function InboundProblemsPage() {
  const me = useMe();
  const [items, setItems] = useState<InboundProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = () =>
    api<{ items: InboundProblem[] }>('GET', '/inbound-problems').then(
      (r) => setItems(r.items),
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    load();
  }, []);

  const act = async (p: InboundProblem, action: 'retry' | 'dismiss') => {
    setBusy(p.id);
    setError(null);
    try {
      await api('POST', `/inbound-problems/${p.id}/${action}`);
      setStatus(
        action === 'retry'
          ? `“${p.subject ?? p.id}” is queued again.`
          : `“${p.subject ?? p.id}” is dismissed; it won't be processed.`,
      );
      await load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return html`<h1 tabindex="-1">Inbound problems</h1>
    <p class="muted">
      Emails that reached Nurture but could not be read: each was tried a few times and then set aside, with the reason.
      Nothing else waits for them.
    </p>
    <p role="status" aria-live="polite">${status ?? ''}</p>
    ${error ? html`<p role="alert" class="error">${error}</p>` : null}
    ${
      items === null
        ? html`<p class="loading">Loading…</p>`
        : items.length === 0
          ? html`<p class="muted">No problems: every email that arrived was read.</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Size</th>
                    <th scope="col">Received</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Attempts</th>
                    ${me.role === 'admin' ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null}
                  </tr>
                </thead>
                <tbody>
                  ${items.map(
                    (p) => html`<tr>
                      <td>${p.from ?? '—'}</td>
                      <td>${p.subject ?? '—'}</td>
                      <td>${size(p.sizeBytes)}</td>
                      <td><${Time} iso=${p.receivedAt} /></td>
                      <td>${p.reason ?? humanize(p.status)}</td>
                      <td>${p.attempts}</td>
                      ${
                        me.role === 'admin'
                          ? html`<td class="actions">
                              <button type="button" disabled=${busy === p.id} onClick=${() => act(p, 'retry')}>
                                Try again
                              </button>
                              <button type="button" disabled=${busy === p.id} onClick=${() => act(p, 'dismiss')}>
                                Dismiss
                              </button>
                            </td>`
                          : null
                      }
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }
    ${me.role === 'admin' ? html`<${InboundSecretPanel} />` : null}`;
}
