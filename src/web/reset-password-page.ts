import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { takeLinkToken } from './link-token.ts';

/** The reset email's link: choose a new password; every session of the account ends (public page). */
export function ResetPasswordPage() {
  const [token] = useState(takeLinkToken);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [dead, setDead] = useState<string | null>(
    token ? null : 'This page needs the link from your reset email.',
  );
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('POST', '/password-resets/complete', { token, password });
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.fields.token) setDead(err.message);
      else setError(err instanceof ApiError ? (err.fields.password ?? err.message) : errorText(err));
    }
  };
  return html`<main id="main" class="login">
    <form class="card" onSubmit=${submit} aria-labelledby="reset-title" novalidate>
      <h1 id="reset-title">Choose a new password</h1>
      ${
        done
          ? html`<p role="status" class="ok">Your password is set, and you were signed out everywhere.</p>
              <p><a href="/login">Sign in with it</a></p>`
          : dead
            ? html`<p role="alert" class="error">${dead}</p>
                <p><a href="/forgot-password">Ask for a new link</a></p>`
            : html`<${Field} id="reset-password" label="New password" error=${error} hint="At least 8 characters.">
                  <input id="reset-password" type="password" autocomplete="new-password" required value=${password} onInput=${(e: Event) => setPassword(inputValue(e))} ...${described('reset-password', error, 'hint')} />
                </${Field}>
                <button type="submit" class="primary">Set password</button>`
      }
    </form>
  </main>`;
}
