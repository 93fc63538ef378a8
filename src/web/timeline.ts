import { humanize, StateBadge, stateLabels, Time } from './format.ts';
import { html } from './html.ts';
import type { LeadState, TimelineItem } from './types.ts';

/** One value of an event's evidence, as a person reads it. */
function EvidenceValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return html`<span class="muted">—</span>`;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return html`<ul class="plain">
      ${value.map((v) => html`<li>${String(v)}</li>`)}
    </ul>`;
  if (typeof value === 'object') return html`<pre>${JSON.stringify(value, null, 2)}</pre>`;
  return html`<span>${String(value)}</span>`;
}

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const entries = Object.entries(evidence);
  if (entries.length === 0) return null;
  return html`<details class="evidence">
    <summary>Evidence</summary>
    <dl>
      ${entries.map(([k, v]) => html`<dt>${humanize(k)}</dt><dd><${EvidenceValue} value=${v} /></dd>`)}
    </dl>
  </details>`;
}

const stateName = (s: string | null) => (s ? (stateLabels[s as LeadState] ?? s) : '');

function actorLabel(actor: { type: string; id: string | null }, me: string): string {
  if (actor.type === 'user') return actor.id === me ? 'by you' : 'by a user';
  if (actor.type === 'lead') return 'by the lead';
  if (actor.type === 'assistant') return 'by the assistant';
  return `by ${actor.type === 'system' ? 'Nurture' : actor.type}`;
}

function EventItem({ item, me }: { item: Extract<TimelineItem, { kind: 'event' }>; me: string }) {
  const changed = item.toState && (item.toState !== item.fromState || item.toSubState !== item.fromSubState);
  return html`<li class=${`tl tl-event tl-${item.type}`}>
    <div class="tl-head">
      <strong>${humanize(item.type)}</strong>
      <span class="muted">${actorLabel(item.actor, me)} · <${Time} iso=${item.at} /></span>
    </div>
    ${
      changed &&
      html`<p class="tl-change">
      ${item.fromState && html`${stateName(item.fromState)} → `}<${StateBadge}
        state=${item.toState}
        subState=${item.toSubState}
      />
    </p>`
    }
    ${item.reason && html`<p class="tl-reason">${item.reason}</p>`}
    ${item.evidence && html`<${Evidence} evidence=${item.evidence} />`}
  </li>`;
}

/** What became of an email out (messages.status). */
const outLabels: Record<string, string> = {
  scheduled: 'Scheduled email',
  sending: 'Email being sent',
  sent: 'Email sent',
  failed: 'Email failed',
  cancelled: 'Email cancelled',
  uncertain: 'Email: delivery uncertain',
};

function OutItem({ item }: { item: Extract<TimelineItem, { kind: 'message'; direction: 'out' }> }) {
  const scheduled = item.status === 'scheduled';
  return html`<li class=${`tl tl-out tl-${item.status}`}>
    <details>
      <summary>
        <span class="tl-head">
          <strong>${outLabels[item.status] ?? humanize(item.status)}${item.step !== null ? ` · step ${item.step + 1}` : ''}</strong>
          <span class="muted">${scheduled ? 'goes ' : ''}<${Time} iso=${item.at} /></span>
        </span>
        <span class="tl-subject">${item.subject ?? 'A follow-up in the same thread'}</span>
      </summary>
      ${item.preview && html`<p class="muted small">What the assistant will send (the text is written again when it goes).</p>`}
      <pre class="mail-text">${item.text ?? ''}</pre>
    </details>
  </li>`;
}

function InItem({ item }: { item: Extract<TimelineItem, { kind: 'message'; direction: 'in' }> }) {
  return html`<li class="tl tl-in">
    <details open>
      <summary>
        <span class="tl-head">
          <strong>Reply${item.from ? ` from ${item.from}` : ''}</strong>
          <span class="muted"><${Time} iso=${item.at} /></span>
        </span>
        <span class="tl-subject">${item.subject ?? '(no subject)'}</span>
      </summary>
      <pre class="mail-text">${item.text ?? ''}</pre>
    </details>
  </li>`;
}

/** The lead's story, oldest first (GET /api/v1/leads/{id}/timeline): events, emails out, replies in. */
export function Timeline({ items, me }: { items: TimelineItem[]; me: string }) {
  if (items.length === 0) return html`<p class="muted">Nothing on the timeline yet.</p>`;
  return html`<ol class="timeline">
    ${items.map((item) =>
      item.kind === 'event'
        ? html`<${EventItem} item=${item} me=${me} />`
        : item.direction === 'out'
          ? html`<${OutItem} item=${item} />`
          : html`<${InItem} item=${item} />`,
    )}
  </ol>`;
}
