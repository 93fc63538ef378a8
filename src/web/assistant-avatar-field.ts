import { useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { html } from './html.ts';
import type { Assistant } from './types.ts';

const maxBytes = 512 * 1024;

/**
 * The assistant's picture: a preview of the chosen file before it is sent,
 * the upload (PNG, JPEG, WebP or GIF, at most 512 KB; the server judges the
 * bytes), and removal. Errors sit under the file input.
 */
export function AssistantAvatarField({
  assistant,
  readOnly,
  onChange,
}: {
  assistant: Assistant;
  readOnly: boolean;
  onChange: (a: Assistant) => void;
}) {
  const [preview, setPreview] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const choose = (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0] ?? null;
    setError(null);
    setNotice(null);
    if (preview) URL.revokeObjectURL(preview);
    setFile(f);
    setPreview(f ? URL.createObjectURL(f) : null);
    if (f && f.size > maxBytes)
      setError(`larger than 512 KB (${Math.ceil(f.size / 1024)} KB); choose a smaller picture`);
  };
  const upload = async (e: Event) => {
    e.preventDefault();
    if (!file) return setError('choose a picture first');
    const form = new FormData();
    form.append('file', file);
    try {
      onChange(await api<Assistant>('PUT', `/assistants/${assistant.id}/avatar`, form));
      setNotice('Avatar saved.');
      setFile(null);
      setPreview(null);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const remove = async () => {
    try {
      onChange(await api<Assistant>('DELETE', `/assistants/${assistant.id}/avatar`));
      setNotice('Avatar removed.');
    } catch (err) {
      setError(errorText(err));
    }
  };

  const shown = preview ?? assistant.avatarUrl;
  return html`<form class="card" onSubmit=${upload} aria-labelledby="avatar-title" novalidate>
    <h2 id="avatar-title">Avatar</h2>
    ${notice && html`<p class="ok" role="status">${notice}</p>`}
    ${shown ? html`<img class="avatar" src=${shown} alt=${preview ? 'Preview of the chosen picture' : `${assistant.name}'s avatar`} width="96" height="96" />` : html`<p class="muted">No avatar.</p>`}
    ${
      !readOnly &&
      html`<div class=${`field ${error ? 'has-error' : ''}`}>
        <label for="avatar-file">Picture</label>
        <input id="avatar-file" type="file" accept="image/png,image/jpeg,image/webp,image/gif" onChange=${choose}
          aria-invalid=${error ? 'true' : undefined} aria-describedby=${error ? 'avatar-file-error avatar-file-hint' : 'avatar-file-hint'} />
        <p class="hint" id="avatar-file-hint">PNG, JPEG, WebP or GIF, at most 512 KB</p>
        ${error && html`<p class="field-error" id="avatar-file-error" role="alert">${error}</p>`}
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled=${!file}>Upload</button>
        ${assistant.avatarUrl && html`<button type="button" onClick=${remove}>Remove</button>`}
      </div>`
    }
  </form>`;
}
