import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { AssistantSubnav, useAssistantName } from './assistant-subnav.ts';
import { useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import type { Dkim } from './types.ts';

const sourceText: Record<Dkim['source'], string> = {
  assistant: 'Signed with its own key.',
  instance:
    "Signed with this server's key (DKIM_SELECTOR); give the assistant its own to rotate it separately.",
  none: 'Not signed: receivers cannot check that its mail comes from its domain.',
};

const selectorHint =
  'Empty: nurture-<today’s date>, never the one in use, so the old record can stay published';

/**
 * An assistant's DKIM key (SPEC §7): whose key signs its mail, and the TXT
 * record to publish at `selector._domainkey.domain`, with a copy button.
 * Admins generate a key (the server makes it; the private half never leaves
 * it), rotate it (a new key under a new selector) or remove it.
 */
export function DkimPage({ id }: { id: string }) {
  const admin = useMe().role === 'admin';
  const name = useAssistantName(id);
  const path = `/deliverability/dkim/${encodeURIComponent(id)}`;
  const [dkim, setDkim] = useState<Dkim | null>(null);
  const [selector, setSelector] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Dkim>('GET', path).then(setDkim, (e) => setFormError(errorText(e)));
  }, [id]);

  const act = async (method: 'PUT' | 'DELETE', done: (d: Dkim) => string) => {
    setErrors({});
    setFormError(null);
    setStatus(null);
    setBusy(true);
    try {
      const d = await api<Dkim>(
        method,
        path,
        method === 'PUT' ? (selector.trim() ? { selector: selector.trim() } : {}) : undefined,
      );
      setDkim(d);
      setSelector('');
      setStatus(done(d));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(errorText(err));
    }
    setBusy(false);
  };
  const copy = async () => {
    if (!dkim?.dnsValue) return;
    try {
      await navigator.clipboard.writeText(dkim.dnsValue);
      setStatus('The record’s value is copied.');
    } catch {
      setStatus('Copying is not allowed here: select the value and copy it.');
    }
  };

  const own = dkim?.source === 'assistant';
  return html`<${AssistantSubnav} id=${id} current="dkim" />
    <h1 tabindex="-1">DKIM${name ? ` of ${name}` : ''}</h1>
    <p role="status" aria-live="polite" class=${status ? 'ok' : undefined}>${status ?? ''}</p>
    ${formError ? html`<p role="alert" class="error">${formError}</p>` : null}
    ${
      dkim === null
        ? formError
          ? null
          : html`<p class="loading">Loading…</p>`
        : html`<section class="card" aria-labelledby="dkim-state">
              <h2 id="dkim-state">Key</h2>
              <p>${sourceText[dkim.source]}</p>
              <p>Domain: <strong>${dkim.domain}</strong>${dkim.selector ? html`, selector <strong>${dkim.selector}</strong>` : null}</p>
              ${
                dkim.dnsName && dkim.dnsValue
                  ? html`<div class="dns-record">
                      <h3>The DNS record to publish</h3>
                      <p>Add a TXT record at the domain's DNS provider:</p>
                      <p>Name</p>
                      <code data-testid="dkim-dns-name">${dkim.dnsName}</code>
                      <p>Value</p>
                      <code data-testid="dkim-dns-value">${dkim.dnsValue}</code>
                      <button type="button" onClick=${copy}>Copy the value</button>
                    </div>`
                  : null
              }
            </section>
            ${
              admin
                ? html`<form class="card" novalidate onSubmit=${(e: Event) => {
                    e.preventDefault();
                    act('PUT', (d) =>
                      own
                        ? `Rotated: a new key under ${d.selector}. Publish its record; keep the old one a few days for mail already sent.`
                        : `Generated a key under ${d.selector}. Publish its record.`,
                    );
                  }}>
                    <h2>${own ? 'Rotate the key' : 'Generate a key'}</h2>
                    <${Field} id="dkim-selector" label="Selector" error=${errors.selector} hint=${selectorHint}>
                      <input id="dkim-selector" value=${selector} onInput=${(e: Event) => setSelector(inputValue(e))}
                        ...${described('dkim-selector', errors.selector, selectorHint)} />
                    </${Field}>
                    ${errors.privateKey ? html`<p class="field-error" role="alert">${errors.privateKey}</p>` : null}
                    <div class="actions">
                      <button type="submit" class="primary" disabled=${busy}>${own ? 'Rotate key' : 'Generate key'}</button>
                      ${
                        own
                          ? html`<button type="button" class="danger-outline" disabled=${busy}
                              onClick=${() => act('DELETE', () => 'Removed the assistant’s own key.')}>Remove key</button>`
                          : null
                      }
                    </div>
                  </form>`
                : html`<p class="muted">Only admins change the key.</p>`
            }`
    }`;
}
