import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import type { Me } from './types.ts';

/**
 * First run (SPEC §10.1): an instance with no organisation. Whoever holds the
 * setup token from the server's log creates the organisation and its first
 * admin, and is signed in as them.
 */
export function SetupPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [values, setValues] = useState({ setupToken: '', orgName: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (e: Event) => setValues({ ...values, [k]: inputValue(e) });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const me = await api<Me>('POST', '/setup', {
        setupToken: values.setupToken.trim(),
        orgName: values.orgName.trim(),
        email: values.email.trim(),
        password: values.password,
      });
      onSignedIn({ orgId: me.orgId, userId: me.userId, role: me.role });
    } catch (err) {
      setError(errorText(err));
      if (err instanceof ApiError) setFields(err.fields);
      setBusy(false);
    }
  };

  const input = (id: keyof typeof values, label: string, type: string, autocomplete: string, hint?: string) =>
    html`<${Field} id=${`setup-${id}`} label=${label} hint=${hint} error=${fields[id]} required>
      <input
        id=${`setup-${id}`}
        type=${type}
        autocomplete=${autocomplete}
        required
        value=${values[id]}
        onInput=${set(id)}
        ...${described(`setup-${id}`, fields[id], hint)}
      />
    </${Field}>`;

  return html`<main id="main" class="login">
    <form class="card" onSubmit=${submit} aria-labelledby="setup-title" novalidate>
      <h1 id="setup-title">Set up Nurture</h1>
      <p>
        This Nurture has no organisation yet. Create yours and its first admin; you are signed in as
        them.
      </p>
      ${error && html`<p role="alert" class="error" id="setup-error">${error}</p>`}
      ${input(
        'setupToken',
        'Setup token',
        'text',
        'off',
        'Printed in the server’s log when it started ("No organisation yet: … setup token setup_…").',
      )}
      ${input('orgName', 'Organisation name', 'text', 'organization')}
      ${input('email', 'Your email', 'email', 'username')}
      ${input('password', 'Password', 'password', 'new-password', 'At least 8 characters.')}
      <button type="submit" class="primary" disabled=${busy}>${busy ? 'Setting up…' : 'Set up Nurture'}</button>
    </form>
  </main>`;
}
