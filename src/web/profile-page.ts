import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { introductionHint } from './introduce-form.ts';
import { NotificationPreferencesForm } from './notification-preferences-form.ts';
import type { Profile } from './types.ts';

const fieldErrors = (e: unknown, fallback: string): Record<string, string> =>
  e instanceof ApiError && Object.keys(e.fields).length ? e.fields : { [fallback]: errorText(e) };

/** Me (SPEC §10.1): my name and phone, my password, what I am told and how. */
export function ProfilePage() {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [intro, setIntro] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);

  useEffect(() => {
    api<Profile>('GET', '/me/profile').then(
      (p) => {
        setProfile(p);
        setName(p.name);
        setPhone(p.phone ?? '');
        setIntro(p.introductionText);
      },
      (e) => setErrors({ form: errorText(e) }),
    );
  }, []);

  const save = async (e: Event, introductionText: string | null = intro) => {
    e.preventDefault();
    setErrors({});
    setNotice(null);
    try {
      const p = await api<Profile>('PATCH', '/me/profile', {
        name,
        phone: phone.trim() || null,
        introductionText,
      });
      setProfile(p);
      setPhone(p.phone ?? '');
      setIntro(p.introductionText);
      setNotice('Profile saved.');
      setSaved((n) => n + 1);
    } catch (err) {
      setErrors(fieldErrors(err, 'name'));
    }
  };

  return html`<h1 tabindex="-1">My profile</h1>
    ${errors.form && html`<p class="error" role="alert">${errors.form}</p>`}
    ${notice && html`<p class="ok" role="status">${notice}</p>`}
    ${
      profile &&
      html`<form class="card" onSubmit=${save} aria-labelledby="profile-title" novalidate>
        <h2 id="profile-title">${profile.email}</h2>
        <p class="muted">${profile.role === 'admin' ? 'Admin' : 'Member'} of ${profile.orgName}</p>
        <${Field} id="profile-name" label="Name" error=${errors.name}>
          <input id="profile-name" autocomplete="name" value=${name} onInput=${(e: Event) => setName(inputValue(e))} ...${described('profile-name', errors.name)} />
        </${Field}>
        <${Field} id="profile-phone" label="Phone" error=${errors.phone} hint="International form, e.g. +447700900123. WhatsApp notifications go here.">
          <input id="profile-phone" type="tel" autocomplete="tel" value=${phone} onInput=${(e: Event) => setPhone(inputValue(e))} ...${described('profile-phone', errors.phone, 'hint')} />
        </${Field}>
        <${Field} id="profile-introduction" label="Introduction text (Introduce Me)" error=${errors.introductionText} hint=${introductionHint}>
          <textarea id="profile-introduction" rows="7" value=${intro} onInput=${(e: Event) => setIntro(inputValue(e))} ...${described('profile-introduction', errors.introductionText, 'hint')}></textarea>
        </${Field}>
        <div class="action-buttons">
          <button type="submit" class="primary">Save profile</button>
          ${
            !profile.introductionTextIsDefault &&
            html`<button type="button" onClick=${(e: Event) => save(e, null)}>Use the default introduction</button>`
          }
        </div>
      </form>`
    }
    <${PasswordForm} />
    <${NotificationPreferencesForm} reloadKey=${saved} />
    <p><a href="/me/api-keys">My API keys</a></p>`;
}

/** A new password; my other sessions end, this one stays. */
function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setDone(false);
    try {
      await api('POST', '/me/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setErrors(fieldErrors(err, 'newPassword'));
    }
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="password-title" novalidate>
    <h2 id="password-title">Password</h2>
    ${done && html`<p class="ok" role="status">Password changed. You were signed out everywhere else.</p>`}
    <${Field} id="current-password" label="Current password" error=${errors.currentPassword}>
      <input id="current-password" type="password" autocomplete="current-password" value=${current} onInput=${(e: Event) => setCurrent(inputValue(e))} ...${described('current-password', errors.currentPassword)} />
    </${Field}>
    <${Field} id="new-password" label="New password" error=${errors.newPassword} hint="At least 8 characters.">
      <input id="new-password" type="password" autocomplete="new-password" value=${next} onInput=${(e: Event) => setNext(inputValue(e))} ...${described('new-password', errors.newPassword, 'hint')} />
    </${Field}>
    <button type="submit">Change password</button>
  </form>`;
}
