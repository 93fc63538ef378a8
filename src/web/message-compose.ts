import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { fromLocalInput } from './local-time-input.ts';

const textHint = "The assistant's sign-off and the message you answer are added below your words";

/**
 * Write to the lead as the assistant (POST /api/v1/leads/{id}/messages): in
 * the lead's thread, now or at a chosen time. A lead nothing went to yet
 * starts a thread, so it needs a subject.
 */
export function MessageCompose({
  leadId,
  assistantName,
  needsSubject,
  onSent,
}: {
  leadId: string;
  assistantName: string;
  needsSubject: boolean;
  onSent: (status: string) => void;
}) {
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const [when, setWhen] = useState('');
  const [busy, setBusy] = useState<'now' | 'later' | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const send = async (mode: 'now' | 'later') => {
    setErrors({});
    setError(null);
    if (mode === 'later' && !when) {
      setErrors({ sendAt: 'choose when it goes' });
      return;
    }
    setBusy(mode);
    try {
      await api('POST', `/leads/${leadId}/messages`, {
        text,
        ...(needsSubject ? { subject } : {}),
        ...(mode === 'later' ? { sendAt: fromLocalInput(when) } : {}),
      });
      setText('');
      setSubject('');
      setWhen('');
      onSent(mode === 'now' ? 'Message on its way' : 'Message scheduled');
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
      else setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const label = `Write as ${assistantName}`;
  return html`<form
    class="compose"
    aria-label="New message to the lead"
    onSubmit=${(e: Event) => {
      e.preventDefault();
      send('now');
    }}
  >
    ${
      needsSubject &&
      html`<${Field} id="message-subject" label="Subject" error=${errors.subject}>
        <input
          id="message-subject"
          value=${subject}
          onInput=${(e: Event) => setSubject(inputValue(e))}
          ...${described('message-subject', errors.subject)}
        />
      </${Field}>`
    }
    <${Field} id="message-text" label=${label} error=${errors.text} hint=${textHint}>
      <textarea
        id="message-text"
        rows="5"
        value=${text}
        onInput=${(e: Event) => setText(inputValue(e))}
        ...${described('message-text', errors.text, textHint)}
      ></textarea>
    </${Field}>
    <div class="compose-actions">
      <button type="submit" class="primary" disabled=${busy !== null}>${busy === 'now' ? 'Sending…' : 'Send now'}</button>
      <span class="compose-or">or</span>
      <${Field} id="message-send-at" label="Send at" error=${errors.sendAt}>
        <input
          id="message-send-at"
          type="datetime-local"
          value=${when}
          onInput=${(e: Event) => setWhen(inputValue(e))}
          ...${described('message-send-at', errors.sendAt)}
        />
      </${Field}>
      <button type="button" disabled=${busy !== null} onClick=${() => send('later')}>
        ${busy === 'later' ? 'Scheduling…' : 'Send at this time'}
      </button>
    </div>
    ${error && html`<p role="alert" class="error">${error}</p>`}
  </form>`;
}
