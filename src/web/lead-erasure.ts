import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { navigate } from './router.ts';
import type { Lead } from './types.ts';

/**
 * The person's data (SPEC §12, GDPR): download everything Nurture holds
 * about them, or erase them. Erasing cannot be undone, so the user types the
 * address to confirm; afterwards the lead is gone and the list is shown.
 * Only the lead's owner and admins see this (the API's `lead-owner` rule).
 */
export function LeadErasure({ lead }: { lead: Lead }) {
  const me = useMe();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (me.role !== 'admin' && lead.ownerId !== me.userId) return null;

  const matches = typed.trim().toLowerCase() === lead.email.toLowerCase();
  const erase = async (e: Event) => {
    e.preventDefault();
    if (!matches) {
      setError('Type the address exactly as shown to confirm');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/leads/${lead.id}/erase`);
      navigate('/leads?erased=1');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : errorText(err));
      setBusy(false);
    }
  };

  return html`<section class="card" aria-labelledby="person-data-title">
    <h2 id="person-data-title">This person’s data</h2>
    <p class="muted">
      Everything Nurture holds about ${lead.email} (emails, replies, timeline, notes), as a file, or erased on request.
    </p>
    <div class="actions">
      <a class="button" href=${`/api/v1/leads/${lead.id}/export`} download=${`person-${lead.id}.json`}>Download data</a>
      ${
        !confirming &&
        html`<button type="button" class="danger-outline" onClick=${() => setConfirming(true)}>Erase this person…</button>`
      }
    </div>
    ${
      confirming &&
      html`<form onSubmit=${erase} aria-labelledby="erase-title">
        <h3 id="erase-title">Erase this person</h3>
        <p role="alert">
          This deletes every lead with this address, the emails to and from them, their timeline and raw mail. It
          cannot be undone. Only a hash of the address stays on the suppression list, so they are never emailed again.
          Download their data first if they asked for it.
        </p>
        <${Field} id="erase-confirm" label=${`Type ${lead.email} to confirm`} error=${error ?? undefined}>
          <input
            id="erase-confirm"
            autocomplete="off"
            spellcheck=${false}
            value=${typed}
            onInput=${(e: Event) => setTyped(inputValue(e))}
            ...${described('erase-confirm', error ?? undefined)}
          />
        </${Field}>
        <div class="actions">
          <button type="submit" class="danger" disabled=${busy || !matches}>
            ${busy ? 'Erasing…' : 'Erase this person'}
          </button>
          <button
            type="button"
            onClick=${() => {
              setConfirming(false);
              setTyped('');
              setError(null);
            }}
          >
            Cancel
          </button>
        </div>
      </form>`
    }
  </section>`;
}
