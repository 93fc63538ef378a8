import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { html } from './html.ts';
import { SetupPage } from './setup-page.ts';
import type { Me } from './types.ts';

/**
 * Sign in with email and password; the API sets the session cookie every later
 * call carries. On an instance with no organisation yet, first-run setup
 * instead (nobody could sign in).
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  // Undefined until the server says: neither form flashes before the other.
  const [setupNeeded, setSetupNeeded] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    api<{ needed: boolean }>('GET', '/setup').then(
      (s) => setSetupNeeded(s.needed),
      () => setSetupNeeded(false),
    );
  }, []);
  if (setupNeeded === undefined) return html`<p class="loading" aria-live="polite">Loading…</p>`;
  if (setupNeeded) return html`<${SetupPage} onSignedIn=${onSignedIn} />`;
  return html`<${SignInForm} onSignedIn=${onSignedIn} />`;
}

function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api<Me>('POST', '/auth/login', { email: email.trim(), password }));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return html`<main id="main" class="login">
    <form class="card" onSubmit=${submit} aria-labelledby="login-title" novalidate>
      <h1 id="login-title">Sign in to Nurture</h1>
      ${error && html`<p role="alert" class="error" id="login-error">${error}</p>`}
      <label for="login-email">Email</label>
      <input
        id="login-email"
        type="email"
        name="email"
        autocomplete="username"
        required
        value=${email}
        onInput=${(e: Event) => setEmail((e.target as HTMLInputElement).value)}
        aria-describedby=${error ? 'login-error' : undefined}
      />
      <label for="login-password">Password</label>
      <input
        id="login-password"
        type="password"
        name="password"
        autocomplete="current-password"
        required
        value=${password}
        onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="primary" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
      <p><a href="/forgot-password">Forgot your password?</a></p>
    </form>
  </main>`;
}
