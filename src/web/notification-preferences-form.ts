import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import type { NotificationPreferences } from './types.ts';

type Kind = keyof NotificationPreferences['kinds'];
type Channel = keyof NotificationPreferences['kinds'][Kind];

const kinds: [Kind, string][] = [
  ['lead_hot', 'A lead became hot'],
  ['lead_responded', 'A lead responded'],
  ['lead_warm', 'A lead became warm'],
  ['lead_at_risk', 'A lead is at risk (reminders)'],
];
const channels: [Channel, string][] = [
  ['email', 'Email'],
  ['whatsapp', 'WhatsApp'],
  ['in_app', 'In the app'],
];

/**
 * What I am told about my leads, and how (SPEC §8): a switch per kind and
 * channel, saved as it is flipped; the digest of warm leads, likewise; my
 * phone for WhatsApp and the team addresses that get a copy, saved with
 * their button, each error under its field.
 */
export function NotificationPreferencesForm({ reloadKey }: { reloadKey: number }) {
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [copyTo, setCopyTo] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const loaded = (p: NotificationPreferences) => {
    setPrefs(p);
    setPhone(p.phone ?? '');
    setCopyTo(p.copyTo.join('\n'));
  };
  const reload = () =>
    api<NotificationPreferences>('GET', '/me/notification-preferences').then(loaded, (e) =>
      setError(errorText(e)),
    );
  useEffect(() => {
    reload();
  }, [reloadKey]);
  // A switch shows its new position at once: the form re-renders while the change is saved (its
  // messages are cleared), and a controlled box would otherwise spring back until the answer.
  const show = (p: NotificationPreferences) => setPrefs(p);

  const patch = async (body: Record<string, unknown>, what?: string) => {
    setError(null);
    setSaved(null);
    setFieldErrors({});
    try {
      loaded(await api<NotificationPreferences>('PATCH', '/me/notification-preferences', body));
      if (what) setSaved(what);
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : {};
      const copyError = Object.entries(fields).find(([k]) => k.startsWith('copyTo'))?.[1];
      if (fields.phone || copyError) setFieldErrors({ phone: fields.phone ?? '', copyTo: copyError ?? '' });
      else setError(errorText(e));
      // Not saved: the switches go back to what is stored.
      if (!what) reload();
    }
  };

  const saveContacts = (e: Event) => {
    e.preventDefault();
    patch(
      {
        phone: phone.trim() || null,
        copyTo: copyTo
          .split(/[\n,]/)
          .map((a) => a.trim())
          .filter(Boolean),
      },
      'Saved.',
    );
  };

  return html`<section class="card" aria-labelledby="prefs-title">
    <h2 id="prefs-title">Notifications</h2>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${
      prefs === null
        ? html`<p class="loading">Loading…</p>`
        : html`${!prefs.whatsappConfigured && html`<p class="muted">WhatsApp is not set up on this instance.</p>`}
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Tell me when</th>
                    ${channels.map(([, label]) => html`<th scope="col">${label}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${kinds.map(
                    ([kind, label]) => html`<tr>
                      <th scope="row">${label}</th>
                      ${channels.map(
                        ([channel, channelLabel]) => html`<td>
                          <input
                            type="checkbox"
                            aria-label=${`${label}: ${channelLabel}`}
                            checked=${prefs.kinds[kind][channel]}
                            onChange=${(e: Event) => {
                              const on = (e.target as HTMLInputElement).checked;
                              show({
                                ...prefs,
                                kinds: { ...prefs.kinds, [kind]: { ...prefs.kinds[kind], [channel]: on } },
                              });
                              patch({ kinds: { [kind]: { [channel]: on } } });
                            }}
                          />
                        </td>`,
                      )}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            <p>
              <label>
                <input
                  type="checkbox"
                  id="prefs-digest"
                  checked=${prefs.warmDigest}
                  onChange=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    show({ ...prefs, warmDigest: on });
                    patch({ warmDigest: on });
                  }}
                />
                ${' '}A daily email listing my warm leads
              </label>
            </p>
            <form onSubmit=${saveContacts} novalidate>
              <${Field} id="prefs-phone" label="My phone for WhatsApp" error=${fieldErrors.phone || undefined}
                hint="E.164, e.g. +447700900123. Empty: the phone of the lead's assistant.">
                <input id="prefs-phone" type="tel" autocomplete="tel" value=${phone}
                  onInput=${(e: Event) => setPhone(inputValue(e))}
                  ...${described('prefs-phone', fieldErrors.phone || undefined, 'hint')} />
              </${Field}>
              <${Field} id="prefs-copy" label="Send a copy of my lead emails to" error=${fieldErrors.copyTo || undefined}
                hint="Team addresses, one a line (at most 10). Copies go without the one-click links, which act as you.">
                <textarea id="prefs-copy" rows="3" value=${copyTo}
                  onInput=${(e: Event) => setCopyTo(inputValue(e))}
                  ...${described('prefs-copy', fieldErrors.copyTo || undefined, 'hint')}></textarea>
              </${Field}>
              <button type="submit">Save phone and copies</button>
              ${saved && html`<span role="status"> ${saved}</span>`}
            </form>`
    }
  </section>`;
}
