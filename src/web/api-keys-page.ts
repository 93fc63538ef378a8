import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { dateTime } from './format.ts';
import { html } from './html.ts';
import type { ApiKey, NewApiKey } from './types.ts';

/**
 * My API keys (SPEC §10.1 "Me"): make a named key (shown this once, with a
 * copy hint), see when each was last used, revoke one (it stops at once).
 */
export function ApiKeysPage() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [made, setMade] = useState<NewApiKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  const load = () =>
    api<{ items: ApiKey[] }>('GET', '/me/api-keys').then(
      (r) => setKeys(r.items),
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    load();
  }, []);

  const create = async (e: Event) => {
    e.preventDefault();
    setNameError(undefined);
    setNotice(null);
    try {
      setMade(await api<NewApiKey>('POST', '/me/api-keys', { name }));
      setName('');
      await load();
    } catch (err) {
      setNameError(err instanceof ApiError ? (err.fields.name ?? err.message) : errorText(err));
    }
  };

  const revoke = async (k: ApiKey) => {
    setError(null);
    try {
      await api('POST', `/me/api-keys/${k.id}/revoke`);
      setNotice(`Key "${k.name}" revoked: it no longer works.`);
      if (made?.id === k.id) setMade(null);
      await load();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return html`<h1 tabindex="-1">API keys</h1>
    <p class="muted">Scripts and integrations call the API with <code>${'Authorization: Bearer <key>'}</code>, acting as you.</p>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${notice && html`<p class="ok" role="status">${notice}</p>`}
    <form class="card" onSubmit=${create} aria-labelledby="new-key-title" novalidate>
      <h2 id="new-key-title">New key</h2>
      <${Field} id="key-name" label="Name" error=${nameError} hint="What it is for, e.g. CRM sync">
        <input id="key-name" value=${name} onInput=${(e: Event) => setName(inputValue(e))} ...${described('key-name', nameError, 'hint')} />
      </${Field}>
      <button type="submit" class="primary">Create key</button>
    </form>
    ${
      made &&
      html`<section class="card" role="status" aria-labelledby="made-title">
        <h2 id="made-title">Key "${made.name}" created</h2>
        <p>Copy it now: it is shown this once and cannot be seen again.</p>
        <label for="new-key-value">Your new key</label>
        <input id="new-key-value" readonly value=${made.key} onFocus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <div class="actions">
          <button type="button" onClick=${() =>
            navigator.clipboard?.writeText(made.key).then(
              () => setNotice('Copied.'),
              () => {},
            )}>Copy</button>
          <button type="button" onClick=${() => setMade(null)}>Done</button>
        </div>
      </section>`
    }
    <h2>My keys</h2>
    ${
      keys === null
        ? html`<p class="loading">Loading…</p>`
        : keys.length === 0
          ? html`<p class="muted">No keys yet.</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  ${keys.map(
                    (k) => html`<tr>
                      <td>${k.name}</td>
                      <td><code>${k.prefix}…</code></td>
                      <td>${dateTime(k.createdAt)}</td>
                      <td>${k.lastUsedAt ? dateTime(k.lastUsedAt) : 'Never'}</td>
                      <td>
                        ${
                          k.revokedAt
                            ? `Revoked ${dateTime(k.revokedAt)}`
                            : html`<button type="button" class="danger-outline" aria-label=${`Revoke key ${k.name}`} onClick=${() => revoke(k)}>Revoke</button>`
                        }
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }`;
}
