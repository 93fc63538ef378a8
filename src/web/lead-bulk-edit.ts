import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { useAssistants, useTeam } from './data.ts';
import { html } from './html.ts';

type BulkResult = {
  results: { leadId: string; ok: boolean; error?: { message: string } }[];
  succeeded: number;
  failed: number;
};

const tagsOf = (s: string) =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The same edit on the selected leads (POST /api/v1/leads/edit): add or
 * take off tags, give them an owner or an assistant. Each lead succeeds or
 * fails alone; the failures are listed with their reason.
 */
export function LeadBulkEdit({ leadIds, onDone }: { leadIds: string[]; onDone: () => void }) {
  const assistants = useAssistants();
  const team = useTeam();
  const [addTags, setAddTags] = useState('');
  const [removeTags, setRemoveTags] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [assistantId, setAssistantId] = useState('');
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (e: Event) => {
    e.preventDefault();
    const changes: Record<string, unknown> = {};
    if (tagsOf(addTags).length) changes.addTags = tagsOf(addTags);
    if (tagsOf(removeTags).length) changes.removeTags = tagsOf(removeTags);
    if (ownerId) changes.ownerId = ownerId;
    if (assistantId) changes.assistantId = assistantId;
    setBusy(true);
    setError(null);
    try {
      const r = await api<BulkResult>('POST', '/leads/edit', { leadIds, changes });
      setResult(r);
      onDone();
    } catch (err) {
      setError({ field: err instanceof ApiError ? err.field : undefined, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return html`<form class="card bulk-edit" onSubmit=${apply} aria-label="Edit the selected leads">
    <p><strong>${leadIds.length}</strong> selected</p>
    <div class="filter-row">
      <div class="field">
        <label for="bulk-add-tags">Add tags</label>
        <input id="bulk-add-tags" value=${addTags} placeholder="vip, emea" onInput=${(e: Event) => setAddTags((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="bulk-remove-tags">Remove tags</label>
        <input id="bulk-remove-tags" value=${removeTags} onInput=${(e: Event) => setRemoveTags((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="bulk-owner">Owner</label>
        <select id="bulk-owner" value=${ownerId} onChange=${(e: Event) => setOwnerId((e.target as HTMLSelectElement).value)}>
          <option value="">Unchanged</option>
          ${team.map((u) => html`<option value=${u.id}>${u.name || u.email}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="bulk-assistant">Assistant</label>
        <select id="bulk-assistant" value=${assistantId} onChange=${(e: Event) => setAssistantId((e.target as HTMLSelectElement).value)}>
          <option value="">Unchanged</option>
          ${assistants.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
        </select>
      </div>
    </div>
    ${error && html`<p role="alert" class="error">${error.text}</p>`}
    ${
      result &&
      html`<div role="status">
        <p class="ok">${result.succeeded} edited${result.failed ? `, ${result.failed} not` : ''}.</p>
        ${
          result.failed > 0 &&
          html`<ul>
            ${result.results
              .filter((r) => !r.ok)
              .map(
                (r) =>
                  html`<li><a href=${`/leads/${r.leadId}`}>${r.leadId.slice(0, 8)}</a>: ${r.error?.message}</li>`,
              )}
          </ul>`
        }
      </div>`
    }
    <button type="submit" class="primary" disabled=${busy}>${busy ? '…' : 'Apply to selected'}</button>
  </form>`;
}
