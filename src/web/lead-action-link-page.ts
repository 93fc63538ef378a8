import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { html } from './html.ts';
import { takeLinkToken } from './link-token.ts';
import type { LeadLinkView } from './types.ts';

const stateWords = (v: LeadLinkView['lead']) =>
  `${v.state}${v.subState ? ` (${v.subState})` : ''}${v.atRisk ? ', at risk' : ''}`;

/**
 * A signed one-click link of a notification email (issue 11), signed in or
 * not: it shows what the link does and to which lead, and acts only when the
 * button is pressed (a link scanner that opens the page changes nothing).
 */
export function LeadActionLinkPage() {
  const [token] = useState(takeLinkToken);
  const [leadId] = useState(() => new URLSearchParams(location.search).get('lead') ?? '');
  const [view, setView] = useState<LeadLinkView | null>(null);
  const [done, setDone] = useState<LeadLinkView | null>(null);
  const [error, setError] = useState<string | null>(
    token && leadId ? null : 'This page needs the link from your notification email.',
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (token && leadId)
      api<LeadLinkView>('POST', `/lead-links/${encodeURIComponent(leadId)}/preview`, { token }).then(
        setView,
        (e) => setError(errorText(e)),
      );
  }, [token, leadId]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await api<LeadLinkView>('POST', `/lead-links/${encodeURIComponent(leadId)}/use`, { token }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return html`<main id="main" class="login">
    <section class="card" aria-labelledby="link-title">
      <h1 id="link-title">${done ? 'Done' : (view?.label ?? 'One-click action')}</h1>
      ${error && html`<p role="alert" class="error">${error}</p>`}
      ${
        done
          ? html`<p role="status">${done.label}: <strong>${done.lead.name}</strong> is now ${stateWords(done.lead)}.</p>`
          : view &&
            html`<p>
                <strong>${view.lead.name}</strong>${view.lead.company ? ` (${view.lead.company})` : ''} is
                ${stateWords(view.lead)}.
              </p>
              <p>This link does one thing, once, as ${view.user.name || view.user.email}: <strong>${view.label}</strong>.</p>
              <button type="button" class="primary" disabled=${busy} onClick=${confirm}>
                ${busy ? 'Working…' : `Confirm: ${view.label}`}
              </button>`
      }
      ${leadId && html`<p><a href=${`/leads/${encodeURIComponent(leadId)}`}>Open the lead in Nurture</a> (you may need to sign in).</p>`}
    </section>
  </main>`;
}
