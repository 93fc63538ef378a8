import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { html } from './html.ts';
import type { NotificationPreferences } from './types.ts';

type Kind = keyof NotificationPreferences['kinds'];
type Channel = keyof NotificationPreferences['kinds'][Kind];

const kinds: [Kind, string][] = [
  ['lead_hot', 'A lead became hot'],
  ['lead_responded', 'A lead responded'],
  ['lead_warm', 'A lead became warm'],
];
const channels: [Channel, string][] = [
  ['email', 'Email'],
  ['whatsapp', 'WhatsApp'],
  ['in_app', 'In the app'],
];

/**
 * What I am told about my leads, and how (SPEC §8): a switch per kind and
 * channel, saved as it is flipped. The phone WhatsApp uses is the profile's.
 */
export function NotificationPreferencesForm({ reloadKey }: { reloadKey: number }) {
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<NotificationPreferences>('GET', '/me/notification-preferences').then(setPrefs, (e) =>
      setError(errorText(e)),
    );
  }, [reloadKey]);

  const flip = async (kind: Kind, channel: Channel, on: boolean) => {
    setError(null);
    try {
      setPrefs(
        await api<NotificationPreferences>('PATCH', '/me/notification-preferences', {
          kinds: { [kind]: { [channel]: on } },
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
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
                            onChange=${(e: Event) => flip(kind, channel, (e.target as HTMLInputElement).checked)}
                          />
                        </td>`,
                      )}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }
  </section>`;
}
