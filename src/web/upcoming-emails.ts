import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { Time } from './format.ts';
import { html } from './html.ts';
import { fromLocalInput, toLocalInput } from './local-time-input.ts';
import type { UpcomingEmail } from './types.ts';

const title = (e: UpcomingEmail) => (e.step === null ? 'Message' : `Step ${e.step + 1}`);

/**
 * One scheduled email changed before it goes (PATCH /api/v1/leads/{id}/messages/{messageId}):
 * its subject, its whole text (sent as written) and its time; each error under its field.
 */
function EmailEditor({
  leadId,
  email,
  onDone,
  onCancel,
}: {
  leadId: string;
  email: UpcomingEmail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [subject, setSubject] = useState(email.subject ?? '');
  const [text, setText] = useState(email.text);
  const [when, setWhen] = useState(toLocalInput(email.dueAt));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const id = `edit-${email.id}`;

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    const moved = when !== toLocalInput(email.dueAt);
    const rewritten = subject !== (email.subject ?? '') || text !== email.text;
    // Nothing changed: nothing to write (a step not yet written stays so).
    if (!moved && !rewritten) {
      setBusy(false);
      onCancel();
      return;
    }
    try {
      await api('PATCH', `/leads/${leadId}/messages/${email.id}`, {
        ...(rewritten ? { subject, text } : {}),
        ...(moved ? { sendAt: fromLocalInput(when) ?? '' } : {}),
      });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return html`<form class="email-editor" onSubmit=${save} aria-label=${`Edit ${title(email)}`}>
    <${Field} id=${`${id}-subject`} label="Subject" error=${errors.subject}>
      <input
        id=${`${id}-subject`}
        value=${subject}
        onInput=${(e: Event) => setSubject(inputValue(e))}
        ...${described(`${id}-subject`, errors.subject)}
      />
    </${Field}>
    <${Field} id=${`${id}-text`} label="Text" error=${errors.text} hint="Sent exactly as written here">
      <textarea
        id=${`${id}-text`}
        rows="10"
        value=${text}
        onInput=${(e: Event) => setText(inputValue(e))}
        ...${described(`${id}-text`, errors.text, 'Sent exactly as written here')}
      ></textarea>
    </${Field}>
    <${Field} id=${`${id}-when`} label="Send at" error=${errors.sendAt}>
      <input
        id=${`${id}-when`}
        type="datetime-local"
        value=${when}
        onInput=${(e: Event) => setWhen(inputValue(e))}
        ...${described(`${id}-when`, errors.sendAt)}
      />
    </${Field}>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <div class="action-buttons">
      <button type="submit" class="primary" disabled=${busy}>${busy ? 'Saving…' : 'Save changes'}</button>
      <button type="button" onClick=${onCancel}>Cancel</button>
    </div>
  </form>`;
}

function Upcoming({
  leadId,
  email,
  onChanged,
}: {
  leadId: string;
  email: UpcomingEmail;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-skip'>('view');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const skip = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/leads/${leadId}/messages/${email.id}/skip`);
      onChanged();
    } catch (e) {
      setError(errorText(e));
      setMode('view');
    } finally {
      setBusy(false);
    }
  };

  return html`<li class="upcoming" data-testid="upcoming-email">
    <div class="msg-head">
      <strong>${title(email)}${email.writtenBy ? ` · written by ${email.writtenBy}` : ''}</strong>
      <span class="muted">${email.status === 'sending' ? 'going now' : html`goes <${Time} iso=${email.dueAt} />`}</span>
    </div>
    ${
      mode === 'edit'
        ? html`<${EmailEditor}
            leadId=${leadId}
            email=${email}
            onDone=${() => {
              setMode('view');
              onChanged();
            }}
            onCancel=${() => setMode('view')}
          />`
        : html`<details>
              <summary>${email.subject ?? 'A follow-up in the same thread'}</summary>
              ${!email.written && html`<p class="muted small">What it would say now; the words are written when it goes, unless you edit it.</p>`}
              <pre class="mail-text">${email.text}</pre>
            </details>
            ${
              email.editable &&
              (mode === 'confirm-skip'
                ? html`<span class="confirm" role="group" aria-label=${`Confirm skipping ${title(email)}`}>
                    <span>Skip this email? It will not be sent.</span>
                    <button type="button" class="danger" disabled=${busy} onClick=${skip}>Skip email</button>
                    <button type="button" onClick=${() => setMode('view')}>Keep it</button>
                  </span>`
                : html`<div class="action-buttons">
                    <button type="button" onClick=${() => setMode('edit')}>Edit</button>
                    <button type="button" class="danger-outline" onClick=${() => setMode('confirm-skip')}>Skip</button>
                  </div>`)
            }`
    }
    ${error && html`<p role="alert" class="error">${error}</p>`}
  </li>`;
}

/** The emails still to go, soonest first, each editable or skippable until a worker takes it. */
export function UpcomingEmails({
  leadId,
  emails,
  onChanged,
}: {
  leadId: string;
  emails: UpcomingEmail[];
  onChanged: () => void;
}) {
  if (!emails.length) return html`<p class="muted">Nothing is scheduled.</p>`;
  const sorted = [...emails].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return html`<ol class="upcoming-list" aria-label="Scheduled emails">
    ${sorted.map((e) => html`<${Upcoming} key=${e.id} leadId=${leadId} email=${e} onChanged=${onChanged} />`)}
  </ol>`;
}
