import { Time } from './format.ts';
import { html } from './html.ts';
import type { ConversationItem } from './types.ts';

/** Who an email is from, as the list says it: the lead's reply, the assistant, or a user writing as it. */
function whoLabel(item: ConversationItem, assistantName: string): string {
  if (item.direction === 'in')
    return item.kind === 'auto_reply' ? `Automatic reply from ${item.from}` : item.from;
  if (item.kind === 'manual' && item.writtenBy) return `${assistantName} (written by ${item.writtenBy})`;
  if (item.kind === 'sequence' && item.writtenBy) return item.writtenBy;
  return assistantName;
}

function Message({ item, assistantName }: { item: ConversationItem; assistantName: string }) {
  return html`<li class=${`msg msg-${item.direction}`} data-testid="conversation-message">
    <div class="msg-head">
      <strong class="msg-from">${whoLabel(item, assistantName)}</strong>
      <span class="muted"
        >${item.direction === 'out' && item.step !== null ? `Step ${item.step + 1} · ` : ''}<${Time} iso=${item.at}
      /></span>
    </div>
    ${item.subject && html`<p class="msg-subject">${item.subject}</p>`}
    <pre class="mail-text">${item.text || '(no text)'}</pre>
    ${
      item.quoted &&
      html`<details class="msg-quoted">
        <summary>Quoted text</summary>
        <pre class="mail-text quoted">${item.quoted}</pre>
      </details>`
    }
  </li>`;
}

/** The exchange, oldest first: emails sent and replies received, each with who and when, quotes folded. */
export function ConversationView({
  items,
  assistantName,
}: {
  items: ConversationItem[];
  assistantName: string;
}) {
  if (!items.length) return html`<p class="muted">No email has gone to this lead yet.</p>`;
  return html`<ol class="conversation" aria-label="Emails with the lead">
    ${items.map((item) => html`<${Message} key=${item.id} item=${item} assistantName=${assistantName} />`)}
  </ol>`;
}
