import { useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';

/** Ask for a password reset link (public page). The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', '/password-resets', { email: email.trim() });
      setSent(true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return html`<main id="main" class="login">
    <form class="card" onSubmit=${submit} aria-labelledby="forgot-title" novalidate>
      <h1 id="forgot-title">Forgot your password?</h1>
      ${
        sent
          ? html`<p role="status" class="ok">
              If ${email.trim()} has a Nurture account, an email with a link to choose a new password is on its way. The link works once.
            </p>`
          : html`${error && html`<p role="alert" class="error">${error}</p>`}
              <${Field} id="forgot-email" label="Email">
                <input id="forgot-email" type="email" autocomplete="username" required value=${email} onInput=${(e: Event) => setEmail(inputValue(e))} />
              </${Field}>
              <button type="submit" class="primary">Email me a link</button>`
      }
      <p><a href="/login">Back to sign in</a></p>
    </form>
  </main>`;
}
