import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { takeLinkToken } from './link-token.ts';
import type { InvitationPreview, Me } from './types.ts';

/** The invitation email's link: choose a name and password, and be signed in (public page). */
export function AcceptInvitationPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [token] = useState(takeLinkToken);
  const [invitation, setInvitation] = useState<InvitationPreview | null>(null);
  const [dead, setDead] = useState<string | null>(
    token ? null : 'This page needs the link from your invitation email.',
  );
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (token)
      api<InvitationPreview>('POST', '/invitations/preview', { token }).then(setInvitation, (e) =>
        setDead(errorText(e)),
      );
  }, [token]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      onSignedIn(await api<Me>('POST', '/invitations/accept', { token, name: name.trim(), password }));
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      if (fields.token || fields.email) setDead(errorText(err));
      else setErrors(Object.keys(fields).length ? fields : { password: errorText(err) });
      setBusy(false);
    }
  };

  return html`<main id="main" class="login">
    <form class="card" onSubmit=${submit} aria-labelledby="accept-title" novalidate>
      <h1 id="accept-title">Join ${invitation?.orgName ?? 'your team'} on Nurture</h1>
      ${
        dead
          ? html`<p role="alert" class="error">${dead}</p>
              <p><a href="/login">Sign in</a></p>`
          : invitation &&
            html`<p>You were invited as <strong>${invitation.email}</strong> (${invitation.role === 'admin' ? 'admin' : 'member'}).</p>
              <${Field} id="accept-name" label="Your name" error=${errors.name}>
                <input id="accept-name" autocomplete="name" required value=${name} onInput=${(e: Event) => setName(inputValue(e))} ...${described('accept-name', errors.name)} />
              </${Field}>
              <${Field} id="accept-password" label="Choose a password" error=${errors.password} hint="At least 8 characters.">
                <input id="accept-password" type="password" autocomplete="new-password" required value=${password} onInput=${(e: Event) => setPassword(inputValue(e))} ...${described('accept-password', errors.password, 'hint')} />
              </${Field}>
              <button type="submit" class="primary" disabled=${busy}>${busy ? 'Joining…' : 'Join and sign in'}</button>`
      }
    </form>
  </main>`;
}
