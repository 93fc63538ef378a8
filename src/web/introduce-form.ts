import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field } from './form-fields.ts';
import { html } from './html.ts';
import type { IntroductionDraft as Draft, Lead, Profile } from './types.ts';

export const introductionHint =
  'Placeholders: {firstName}, {lastName}, {company}, {title}, {context}, {assistantName}, {userName}, {userFirstName}, {userEmail}, {userPhone}, {custom.<column>}; a default goes after "|", e.g. {company|your team}. The assistant’s sign-off is added.';

/**
 * Introduce Me (SPEC §6.3): the text prefilled from my introduction text
 * (profile), editable for this one email, a preview of the email as it would
 * go (to, Cc me, subject in the lead's thread, text), then Send.
 */
export function IntroduceForm({
  lead,
  onDone,
  onCancel,
}: {
  lead: Lead;
  onDone: (lead: Lead) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Profile>('GET', '/me/profile').then(
      (p) => setText(p.introductionText),
      (e) => setError(errorText(e)),
    );
  }, []);

  const call = async <T>(path: string): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await api<T>('POST', `/leads/${lead.id}/${path}`, { text: text ?? '' });
    } catch (e) {
      setError(e instanceof ApiError && e.fields.text ? e.fields.text : errorText(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const showPreview = async () => {
    const d = await call<Draft>('introduce/preview');
    if (d) setPreview(d);
  };
  const send = async (e: Event) => {
    e.preventDefault();
    const r = await call<{ lead: Lead }>('introduce');
    if (r) onDone(r.lead);
  };

  if (text === null)
    return error
      ? html`<p role="alert" class="error">${error}</p>`
      : html`<p class="loading" aria-live="polite">Loading…</p>`;
  return html`<form class="card introduce-form" onSubmit=${send} aria-labelledby="introduce-title" novalidate>
    <h2 id="introduce-title">Introduce me</h2>
    <p class="muted">
      The assistant emails ${lead.email} in their thread, copying you. Their replies are yours: the assistant stays out
      of this lead from then on, and its follow-ups stop.
    </p>
    <${Field} id="introduce-text" label="Introduction" error=${error ?? undefined} hint=${introductionHint}>
      <textarea
        id="introduce-text"
        rows="7"
        value=${text}
        onInput=${(e: Event) => {
          setText((e.target as HTMLTextAreaElement).value);
          setPreview(null);
        }}
        ...${described('introduce-text', error ?? undefined, 'hint')}
      ></textarea>
    </${Field}>
    ${
      preview &&
      html`<section aria-label="Preview" data-testid="introduce-preview">
        <p class="muted">
          To ${preview.to.address} · Cc ${preview.cc.map((a) => a.address).join(', ')} · ${preview.subject}
        </p>
        <pre class="preview-text">${preview.text}</pre>
      </section>`
    }
    <div class="action-buttons">
      <button type="button" disabled=${busy} onClick=${showPreview}>Preview</button>
      <button type="submit" class="primary" disabled=${busy}>${busy ? '…' : 'Send introduction'}</button>
      <button type="button" onClick=${onCancel}>Cancel</button>
    </div>
  </form>`;
}
