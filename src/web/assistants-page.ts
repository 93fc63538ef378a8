import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { forgetAssistants, useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { navigate } from './router.ts';
import type { Assistant } from './types.ts';

/**
 * SPEC §10.1 "Assistants": the org's assistants (archived ones on request),
 * each linking to its settings; admins create new ones here.
 */
export function AssistantsPage() {
  const me = useMe();
  const [archived, setArchived] = useState(false);
  const [items, setItems] = useState<Assistant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    setItems(null);
    api<{ items: Assistant[] }>('GET', `/assistants${archived ? '?archived=true' : ''}`).then(
      (r) => setItems(r.items),
      (e) => setError(errorText(e)),
    );
  }, [archived]);

  return html`<h1 tabindex="-1">Assistants</h1>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <div class="actions">
      ${me.role === 'admin' && !creating && html`<button type="button" class="primary" onClick=${() => setCreating(true)}>New assistant</button>`}
      <label class="check"><input type="checkbox" checked=${archived} onChange=${(e: Event) => setArchived((e.target as HTMLInputElement).checked)} /> Show archived</label>
    </div>
    ${creating && html`<${NewAssistantForm} onCancel=${() => setCreating(false)} />`}
    ${
      items === null
        ? html`<p class="loading">Loading…</p>`
        : items.length === 0
          ? html`<p class="muted">${archived ? 'No archived assistant.' : 'No assistant yet.'}</p>`
          : html`<table>
              <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">State</th><th scope="col">Mailbox</th></tr></thead>
              <tbody>
                ${items.map(
                  (a) => html`<tr key=${a.id}>
                    <td><a href=${`/assistants/${a.id}`}>${a.name}</a></td>
                    <td>${a.email}</td>
                    <td>${a.archivedAt ? `Archived ${a.archivedAt.slice(0, 10)}` : 'Active'}</td>
                    <td>${a.mailbox ? (a.mailbox.error ? 'Failing' : 'Read') : 'Not set'}${a.ownSmtp ? ' · own SMTP' : ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
    }`;
}

const fields: [string, string, string, string?][] = [
  ['name', 'Name', 'text'],
  ['email', 'Sending email', 'email', 'The address it sends from; no other assistant may use it'],
  ['signature', 'Signature', 'textarea'],
  ['brochureUrl', 'Brochure URL', 'url', 'Sent when a lead asks for the brochure or deck'],
  ['calendarUrl', 'Shared Calendar URL', 'url', 'Behind "Book a Meeting" in its emails'],
  ['moreContext', 'More Context', 'textarea'],
  ['moreInformation', 'More Information', 'textarea'],
];

function NewAssistantForm({ onCancel }: { onCancel: () => void }) {
  const [form, setForm] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== ''));
    try {
      const a = await api<Assistant>('POST', '/assistants', { name: '', email: '', ...body });
      forgetAssistants();
      navigate(`/assistants/${a.id}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).some((k) => fields.some(([f]) => f === k))) {
        setErrors(err.fields);
        document.getElementById(`new-assistant-${Object.keys(err.fields)[0]}`)?.focus();
      } else setFormError(errorText(err));
    }
  };

  return html`<form class="card" onSubmit=${submit} aria-labelledby="new-assistant-title" novalidate>
    <h2 id="new-assistant-title">New assistant</h2>
    ${formError && html`<p role="alert" class="error">${formError}</p>`}
    ${fields.map(([k, label, type, hint]) => {
      const id = `new-assistant-${k}`;
      const attrs = {
        id,
        name: k,
        value: form[k] ?? '',
        onInput: (e: Event) => setForm({ ...form, [k]: inputValue(e) }),
        ...described(id, errors[k], hint),
      };
      return html`<${Field} id=${id} label=${label} error=${errors[k]} hint=${hint} required=${k === 'name' || k === 'email'}>
        ${type === 'textarea' ? html`<textarea rows="3" ...${attrs}></textarea>` : html`<input type=${type} ...${attrs} />`}
      </${Field}>`;
    })}
    <div class="actions">
      <button type="submit" class="primary" disabled=${busy}>Create assistant</button>
      <button type="button" onClick=${onCancel}>Cancel</button>
    </div>
  </form>`;
}
