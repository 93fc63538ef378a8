import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { humanize, Time } from './format.ts';
import { html } from './html.ts';

type Unsent = {
  id: string;
  leadId: string;
  lead: { email: string; firstName: string | null; lastName: string | null; company: string | null };
  step: number | null;
  status: 'uncertain' | 'failed';
  error: string | null;
  at: string;
  attempts: number;
};
type Retry = { retried: { id: string }[] };

const why: Record<Unsent['status'], string> = {
  uncertain: 'A worker stopped while the mail server had it; whether it arrived is unknown',
  failed: 'Refused by the mail server, or it kept failing for days',
};

/**
 * Emails that did not go and will not go by themselves (SPEC §12): uncertain
 * and failed sends, with retry one or all. A retried email goes through the
 * send rules like any other, so a lead stopped since is not emailed.
 */
export function UnsentEmailsPage() {
  const [items, setItems] = useState<Unsent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = () =>
    api<{ items: Unsent[] }>('GET', '/unsent-emails?limit=500').then(
      (r) => setItems(r.items),
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    load();
  }, []);

  const retry = async (id: string | null) => {
    setBusy(id ?? 'all');
    setError(null);
    try {
      const r = await api<Retry>('POST', id ? `/unsent-emails/${id}/retry` : '/unsent-emails/retry-all');
      setNotice(
        `${r.retried.length} email${r.retried.length === 1 ? '' : 's'} sent again through the send rules; each lead's timeline shows what happened.`,
      );
      await load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const name = (u: Unsent) => [u.lead.firstName, u.lead.lastName].filter(Boolean).join(' ') || u.lead.email;

  return html`<h1 tabindex="-1">Unsent emails</h1>
    <p class="muted">
      Emails that did not go and will not go by themselves. Retrying one sends it again if the lead may still be emailed.
    </p>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${notice && html`<p class="ok" role="status">${notice}</p>`}
    ${
      items === null
        ? html`<p class="loading">Loading…</p>`
        : items.length === 0
          ? html`<p class="muted">Nothing unsent: every email went, or is still due.</p>`
          : html`<div class="actions">
                <button type="button" class="primary" disabled=${busy !== null} onClick=${() => retry(null)}>
                  ${busy === 'all' ? 'Retrying…' : `Retry all (${items.length})`}
                </button>
              </div>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Lead</th>
                      <th scope="col">Step</th>
                      <th scope="col">Status</th>
                      <th scope="col">Error</th>
                      <th scope="col">When</th>
                      <th scope="col"><span class="visually-hidden">Retry</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${items.map(
                      (u) => html`<tr>
                        <td>
                          <a href=${`/leads/${u.leadId}`}>${name(u)}</a>
                          ${u.lead.company ? html`<div class="muted">${u.lead.company}</div>` : null}
                        </td>
                        <td>${u.step === null ? 'Message' : `Step ${u.step + 1}`}</td>
                        <td title=${why[u.status]}>${humanize(u.status)}</td>
                        <td>${u.error ?? '—'}</td>
                        <td><${Time} iso=${u.at} /></td>
                        <td>
                          <button type="button" disabled=${busy !== null} onClick=${() => retry(u.id)}>
                            ${busy === u.id ? 'Retrying…' : 'Retry'}
                          </button>
                        </td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
    }`;
}
