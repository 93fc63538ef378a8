import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { Time } from './format.ts';
import { html } from './html.ts';

type Status = { set: boolean; setAt: string | null };

/**
 * The org's inbound secret (issue 9), for admins: whether one is set, and a
 * new one on demand, shown this once (the old one stops working at once).
 * Mail providers' webhooks send it as X-Nurture-Inbound-Secret.
 */
export function InboundSecretPanel() {
  const [status, setStatus] = useState<Status | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Status>('GET', '/inbound-secret').then(setStatus, (e) => setError(errorText(e)));
  }, []);

  const rotate = async () => {
    if (status?.set && !confirm('Make a new inbound secret? The current one stops working at once.')) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ inboundSecret: string; setAt: string }>('POST', '/inbound-secret/rotate');
      setFresh(r.inboundSecret);
      setStatus({ set: true, setAt: r.setAt });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return html`<section aria-labelledby="inbound-secret-title">
    <h2 id="inbound-secret-title">Inbound secret</h2>
    <p class="muted">
      A mail provider's webhook hands replies to <code>POST /api/v1/inbound/raw</code> with this secret in the
      <code>X-Nurture-Inbound-Secret</code> header; they only ever reach this organisation's leads.
    </p>
    ${error ? html`<p role="alert" class="error">${error}</p>` : null}
    ${
      status === null
        ? error
          ? null
          : html`<p class="loading">Loading…</p>`
        : html`<p>
            ${status.set ? html`Set${status.setAt ? html` on <${Time} iso=${status.setAt} />` : null}.` : 'None set.'}
          </p>`
    }
    ${
      fresh
        ? html`<p role="status">
            New secret (shown this once, copy it now): <code class="secret">${fresh}</code>
          </p>`
        : null
    }
    <button type="button" disabled=${busy || status === null} onClick=${rotate}>
      ${status?.set ? 'Make a new secret' : 'Make a secret'}
    </button>
  </section>`;
}
