import { useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { forgetAssistants } from './data.ts';
import { html } from './html.ts';
import type { Assistant } from './types.ts';

/** Archive (with a confirm) or bring back an assistant. Nothing is deleted. */
export function AssistantArchivePanel({
  assistant,
  onChange,
}: {
  assistant: Assistant;
  onChange: (a: Assistant) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const act = async (what: 'archive' | 'unarchive') => {
    setError(null);
    try {
      const next = await api<Assistant & { stoppedLeads?: number }>(
        'POST',
        `/assistants/${assistant.id}/${what}`,
      );
      forgetAssistants();
      onChange(next);
      setConfirming(false);
      setNotice(
        what === 'archive'
          ? `${assistant.name} is archived; ${next.stoppedLeads ?? 0} running lead(s) stopped.`
          : `${assistant.name} is back. Its stopped leads stay stopped until a user continues them.`,
      );
    } catch (e) {
      setError(errorText(e));
    }
  };

  return html`<section class="card" aria-labelledby="archive-title">
    <h2 id="archive-title">Archive</h2>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${notice && html`<p role="status" class="ok">${notice}</p>`}
    ${
      assistant.archivedAt
        ? html`<p>Archived on ${assistant.archivedAt.slice(0, 10)}.</p>
            <button type="button" onClick=${() => act('unarchive')}>Bring it back</button>`
        : confirming
          ? html`<p role="alert">
                Archive ${assistant.name}? Its running leads stop (their scheduled emails are cancelled), it takes no new
                lead, reads no mailbox and sends nothing. Its leads and history are kept.
              </p>
              <div class="actions">
                <button type="button" class="danger" onClick=${() => act('archive')}>Yes, archive ${assistant.name}</button>
                <button type="button" onClick=${() => setConfirming(false)}>Cancel</button>
              </div>`
          : html`<p class="muted">Stops its running leads; nothing is deleted.</p>
              <button type="button" class="danger-outline" onClick=${() => setConfirming(true)}>Archive…</button>`
    }
  </section>`;
}
