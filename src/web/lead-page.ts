import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { ConversationPanel } from './conversation-panel.ts';
import { ownerLabel, useAssistants, useMe, useTeam } from './data.ts';
import { leadName, StateBadge, sourceLabel, Time } from './format.ts';
import { html } from './html.ts';
import { LeadActions } from './lead-actions.ts';
import { LeadEditForm } from './lead-edit-form.ts';
import { LeadErasure } from './lead-erasure.ts';
import { leadMovedEvent } from './notifications-bell.ts';
import { Timeline } from './timeline.ts';
import type { Lead, TimelineItem } from './types.ts';

/** While the page is open a reply may arrive and move the lead: look again this often. */
const pollMs = 5_000;

export function LeadPage({ id }: { id: string }) {
  const me = useMe();
  const team = useTeam();
  const assistants = useAssistants();
  const [lead, setLead] = useState<Lead | null>(null);
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const seen = useRef('');

  const loadTimeline = () =>
    api<{ items: TimelineItem[] }>('GET', `/leads/${id}/timeline`).then(
      (r) => setItems(r.items),
      (e) => setError(errorText(e)),
    );

  const loadLead = async () => {
    try {
      const l = await api<Lead>('GET', `/leads/${id}`);
      setLead(l);
      // The timeline is heavier (it renders the scheduled emails): read it again only when the lead moved.
      const version = `${l.state}|${l.subState}|${l.updatedAt}|${l.atRisk}`;
      if (version !== seen.current) {
        if (seen.current) window.dispatchEvent(new Event(leadMovedEvent));
        seen.current = version;
        await loadTimeline();
      }
    } catch (e) {
      setError(errorText(e));
    }
  };

  useEffect(() => {
    loadLead();
    const t = setInterval(() => document.visibilityState === 'visible' && loadLead(), pollMs);
    return () => clearInterval(t);
  }, [id]);

  if (error && !lead)
    return html`<h1 tabindex="-1">Lead</h1>
      <p role="alert" class="error">${error}</p>
      <p><a href="/leads">Back to the leads</a></p>`;
  if (!lead) return html`<p class="loading" aria-live="polite">Loading…</p>`;

  const assistant = assistants.find((a) => a.id === lead.assistantId);
  const changed = (l: Lead) => {
    setLead(l);
    loadTimeline();
  };

  return html`<p class="crumbs"><a href="/leads">Leads</a> › ${leadName(lead)}</p>
    <header class="lead-head">
      <div>
        <h1 tabindex="-1">${leadName(lead)}</h1>
        <p class="lead-sub">
          <span class="email">${lead.email}</span>
          ${lead.title || lead.company ? html` · ${[lead.title, lead.company].filter(Boolean).join(', ')}` : ''}
        </p>
      </div>
      <div class="lead-state" aria-live="polite" data-testid="lead-state">
        <${StateBadge} state=${lead.state} subState=${lead.subState} />
        ${lead.atRisk && html`<span class="tag risk">At risk</span>`}
        <button type="button" aria-expanded=${editing} onClick=${() => setEditing(!editing)}>Edit lead</button>
      </div>
    </header>
    <dl class="facts">
      <div><dt>Source</dt><dd>${sourceLabel(lead.source)}</dd></div>
      ${lead.context && html`<div><dt>Context</dt><dd>${lead.context}</dd></div>`}
      <div><dt>Assistant</dt><dd>${assistant?.name ?? '…'}</dd></div>
      <div><dt>Owner</dt><dd>${ownerLabel(lead.ownerId, me, team)}</dd></div>
      <div><dt>Added</dt><dd><${Time} iso=${lead.createdAt} /></dd></div>
      ${lead.phone && html`<div><dt>Phone</dt><dd>${lead.phone}</dd></div>`}
      ${lead.timeZone && html`<div><dt>Time zone</dt><dd>${lead.timeZone}</dd></div>`}
      ${
        lead.tags.length > 0 &&
        html`<div><dt>Tags</dt><dd>${lead.tags.map((t) => html`<a class="tag" href=${`/leads?tag=${encodeURIComponent(t)}`}>${t}</a> `)}</dd></div>`
      }
      ${lead.introducedAt && html`<div><dt>Introduced</dt><dd><${Time} iso=${lead.introducedAt} /></dd></div>`}
      ${
        lead.handledOutsideAt &&
        html`<div><dt>Handled outside</dt><dd><${Time} iso=${lead.handledOutsideAt} /></dd></div>`
      }
    </dl>
    ${
      editing &&
      html`<${LeadEditForm}
        lead=${lead}
        onSaved=${(l: Lead) => {
          setEditing(false);
          changed(l);
        }}
        onCancel=${() => setEditing(false)}
      />`
    }
    <${LeadActions} lead=${lead} onChanged=${changed} />
    <${ConversationPanel}
      leadId=${lead.id}
      emailed=${lead.state !== 'deactivated' && lead.state !== 'unsubscribed'}
      onChanged=${loadTimeline}
    />
    <section aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">Timeline</h2>
        <button
          type="button"
          class="link"
          onClick=${() => {
            seen.current = '';
            loadLead();
          }}
        >
          Refresh
        </button>
      </div>
      ${error && html`<p role="alert" class="error">${error}</p>`}
      ${items ? html`<${Timeline} items=${items} me=${me.userId} />` : html`<p class="loading">Loading…</p>`}
    </section>
    <${LeadErasure} lead=${lead} />`;
}
