import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { ConversationView } from './conversation-view.ts';
import { html } from './html.ts';
import { MessageCompose } from './message-compose.ts';
import type { Conversation } from './types.ts';
import { UpcomingEmails } from './upcoming-emails.ts';

/**
 * A reply to a lead already hot or responded may not move the lead, so the
 * lead's own refresh would not show it: the conversation looks again itself.
 */
const pollMs = 5_000;

/**
 * Message (SPEC §6.4) on the lead page: the exchange as a conversation, the
 * emails still to go with Edit and Skip, and a box to write as the assistant.
 * `onChanged` tells the page (its timeline) that something was written,
 * edited or skipped.
 */
export function ConversationPanel({
  leadId,
  emailed,
  onChanged,
}: {
  leadId: string;
  /** False when the lead is not emailed any more (deactivated, unsubscribed): no compose box. */
  emailed: boolean;
  onChanged: () => void;
}) {
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = () =>
    api<Conversation>('GET', `/leads/${leadId}/conversation`).then(
      (c) => {
        setConversation(c);
        setError(null);
      },
      (e) => setError(errorText(e)),
    );

  useEffect(() => {
    load();
    const t = setInterval(() => document.visibilityState === 'visible' && load(), pollMs);
    return () => clearInterval(t);
  }, [leadId]);

  const changed = (what?: string) => {
    setStatus(what ?? null);
    load();
    onChanged();
  };

  if (!conversation)
    return html`<section aria-labelledby="conversation-title">
      <h2 id="conversation-title">Conversation</h2>
      ${error ? html`<p role="alert" class="error">${error}</p>` : html`<p class="loading">Loading…</p>`}
    </section>`;

  const name = conversation.assistant.name;
  return html`<section class="conversation-panel" aria-labelledby="conversation-title">
    <h2 id="conversation-title">Conversation</h2>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <${ConversationView} items=${conversation.items} assistantName=${name} />
    <h3>Scheduled emails</h3>
    <${UpcomingEmails} leadId=${leadId} emails=${conversation.upcoming} onChanged=${() => changed()} />
    ${
      emailed
        ? html`<${MessageCompose}
            leadId=${leadId}
            assistantName=${name}
            needsSubject=${!conversation.items.some((i) => i.direction === 'out' || i.kind === 'reply')}
            onSent=${(s: string) => changed(s)}
          />`
        : html`<p class="muted">This lead is not emailed any more.</p>`
    }
    ${status && html`<p role="status" class="ok">${status}</p>`}
  </section>`;
}
