import { useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { useMe } from './data.ts';
import { html } from './html.ts';
import { IntroduceForm } from './introduce-form.ts';
import type { Lead } from './types.ts';

/** The actions of SPEC §6.4 a user takes on one lead (POST /api/v1/leads/{id}/actions/{action}). */
type Action =
  | 'hot'
  | 'deactivate'
  | 'continue'
  | 'restart'
  | 'handled-outside'
  | 'not-at-risk'
  | 'unsubscribe'
  | 'activate'
  | 'force-send';

const labels: Record<Action, string> = {
  hot: 'Mark hot',
  deactivate: 'Deactivate',
  continue: 'Continue follow-up',
  restart: 'Restart from step 1',
  'handled-outside': 'Handled outside',
  'not-at-risk': 'Not at risk',
  unsubscribe: 'Unsubscribe',
  activate: 'Activate',
  'force-send': 'Force send',
};

const hints: Record<Action, string> = {
  hot: 'You spoke with them elsewhere and they are keen: stop the sequence and mark the lead hot',
  deactivate: 'Stop emailing this lead',
  continue: 'Send the remaining emails of the sequence, from where it stopped',
  restart: 'Send the whole sequence again from its first email, in a new thread',
  'handled-outside': 'You are handling this lead outside Nurture: no at-risk reminders',
  'not-at-risk': 'The lead is in hand: clear "at risk" and stop its reminders',
  unsubscribe: 'Never email this address again, from any assistant of the organisation',
  activate: 'Start this waiting lead now, if the plan has room for it',
  'force-send':
    'You vouch for this address, which could not be verified: it is emailed at the normal rate, not the slow one',
};

/** Asked twice: these cannot be undone, or start a whole sequence again. */
const confirmFirst = new Set<Action>(['unsubscribe', 'restart', 'force-send']);

/**
 * The actions this lead's state allows — the same rules as the state machine
 * (src/leads/lead-states.ts); should they ever differ, the API's refusal is shown.
 */
export function allowedActions(lead: Lead, admin: boolean): Action[] {
  const s = lead.state;
  const out: Action[] = [];
  // SPEC §9: a lead waiting for plan capacity; admins may start it by hand when there is room.
  if (s === 'new' && admin) out.push('activate');
  // SPEC §4: an address that could not be verified goes slowly, unless a user vouches for it.
  if (s === 'pending' && (lead.subState === 'CatchAll' || lead.subState === 'Unverifiable'))
    out.push('force-send');
  if (s !== 'hot' && s !== 'unsubscribed') out.push('hot');
  if (s !== 'deactivated' && s !== 'unsubscribed') out.push('deactivate');
  const resumable = ['hot', 'responded', 'processed', 'deactivated'].includes(s);
  if (resumable && (s !== 'deactivated' || lead.subState === 'ManualStop' || lead.subState === 'Excluded'))
    out.push('continue', 'restart');
  if ((s === 'hot' || s === 'responded' || lead.atRisk) && !lead.handledOutsideAt)
    out.push('handled-outside');
  if (lead.atRisk) out.push('not-at-risk');
  if (s !== 'unsubscribed') out.push('unsubscribe');
  return out;
}

/** Introduce Me (SPEC §6.3) as the state machine allows it: not to a stopped or waiting lead. */
export const mayIntroduce = (lead: Lead): boolean =>
  !['new', 'deactivated', 'unsubscribed'].includes(lead.state);

export function LeadActions({ lead, onChanged }: { lead: Lead; onChanged: (lead: Lead) => void }) {
  const [introducing, setIntroducing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);

  const act = async (action: Action | 'note', body?: unknown) => {
    setBusy(action);
    setError(null);
    setNoteError(null);
    try {
      onChanged(await api<Lead>('POST', `/leads/${lead.id}/actions/${action}`, body));
      setConfirming(null);
      if (action === 'note') setNote('');
    } catch (e) {
      if (action === 'note') setNoteError(errorText(e));
      else setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const actions = allowedActions(lead, useMe().role === 'admin');
  return html`<section class="lead-actions" aria-labelledby="actions-title">
    <h2 id="actions-title" class="visually-hidden">Actions</h2>
    <div class="action-buttons">
      ${
        mayIntroduce(lead) &&
        html`<button
          type="button"
          class="primary"
          title="The assistant emails the lead copying you, in their thread; the lead is yours from then on"
          aria-expanded=${introducing}
          disabled=${busy !== null}
          onClick=${() => setIntroducing(!introducing)}
        >
          Introduce me
        </button>`
      }
      ${actions.map((a) =>
        confirming === a
          ? html`<span class="confirm" role="group" aria-label=${`Confirm ${labels[a]}`}>
              <span>${hints[a]}?</span>
              <button type="button" class="danger" disabled=${busy !== null} onClick=${() => act(a)}>
                ${labels[a]}
              </button>
              <button type="button" onClick=${() => setConfirming(null)}>Cancel</button>
            </span>`
          : html`<button
              type="button"
              class=${a === 'unsubscribe' || a === 'deactivate' ? 'danger-outline' : ''}
              title=${hints[a]}
              disabled=${busy !== null}
              onClick=${() => (confirmFirst.has(a) ? setConfirming(a) : act(a))}
            >
              ${busy === a ? '…' : labels[a]}
            </button>`,
      )}
    </div>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${
      introducing &&
      html`<${IntroduceForm}
        lead=${lead}
        onDone=${(l: Lead) => {
          setIntroducing(false);
          onChanged(l);
        }}
        onCancel=${() => setIntroducing(false)}
      />`
    }
    <form
      class="note-form"
      onSubmit=${(e: Event) => {
        e.preventDefault();
        act('note', { text: note });
      }}
    >
      <label for="note-text">Add a note</label>
      <textarea
        id="note-text"
        rows="2"
        value=${note}
        aria-invalid=${noteError ? 'true' : undefined}
        aria-describedby=${noteError ? 'note-error' : undefined}
        onInput=${(e: Event) => setNote((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${noteError && html`<p id="note-error" class="field-error">${noteError}</p>`}
      <button type="submit" disabled=${busy !== null}>Add note</button>
    </form>
  </section>`;
}
