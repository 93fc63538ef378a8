import { useEffect, useState } from 'preact/hooks';
import { useAssistants } from './data.ts';
import { dayStart, leadStates, sourceLabels, stateLabels } from './format.ts';
import { html } from './html.ts';

/**
 * The lead list's filters, kept in the address bar as people read them
 * (`/leads?state=hot,responded&createdFrom=2026-01-01`), and turned into the
 * API's query (`GET /api/v1/leads`: ISO instants, the "to" day included).
 */
export const filterKeys = [
  'q',
  'state',
  'subState',
  'source',
  'assistantId',
  'atRisk',
  'createdFrom',
  'createdTo',
  'scheduledFrom',
  'scheduledTo',
  'tag',
  'notTag',
] as const;
export type Filters = Partial<Record<(typeof filterKeys)[number], string>>;

export function filtersFromQuery(q: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of filterKeys) {
    const v = q.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function filtersToQuery(f: Filters): string {
  const q = new URLSearchParams();
  for (const k of filterKeys) if (f[k]) q.set(k, f[k]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The API's parameters for these filters. */
export function apiParams(f: Filters): Record<string, string | undefined> {
  return {
    q: f.q,
    state: f.state,
    subState: f.subState,
    source: f.source,
    assistantId: f.assistantId,
    atRisk: f.atRisk,
    createdFrom: f.createdFrom && dayStart(f.createdFrom),
    createdTo: f.createdTo && dayStart(f.createdTo, 1),
    scheduledFrom: f.scheduledFrom && dayStart(f.scheduledFrom),
    scheduledTo: f.scheduledTo && dayStart(f.scheduledTo, 1),
    tag: f.tag,
    notTag: f.notTag,
  };
}

const value = (e: Event) => (e.target as HTMLInputElement).value;
/** On a phone the filters start folded, so the list is what one sees first. */
const wide = window.matchMedia('(min-width: 721px)').matches;

export function LeadFilters({ filters, onApply }: { filters: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState<Filters>(filters);
  const assistants = useAssistants();
  useEffect(() => setDraft(filters), [filtersToQuery(filters)]);
  const set = (k: keyof Filters) => (e: Event) => setDraft({ ...draft, [k]: value(e) || undefined });
  const states = new Set(draft.state?.split(',') ?? []);
  const toggleState = (s: string) => {
    const next = new Set(states);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setDraft({ ...draft, state: leadStates.filter((x) => next.has(x)).join(',') || undefined });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    onApply(draft);
  };
  const input = (k: keyof Filters, label: string, type = 'text', extra = {}) =>
    html`<div class="field">
      <label for=${`f-${k}`}>${label}</label>
      <input id=${`f-${k}`} type=${type} value=${draft[k] ?? ''} onInput=${set(k)} ...${extra} />
    </div>`;

  const active = filterKeys.filter((k) => filters[k]).length;
  return html`<details class="filters" open=${wide || active > 0}>
    <summary>Filters${active ? ` (${active} on)` : ''}</summary>
    <form role="search" aria-label="Filter leads" onSubmit=${submit}>
    <div class="filter-row">
      ${input('q', 'Search', 'search', { placeholder: 'Name, email or company' })}
      <div class="field">
        <label for="f-source">Source</label>
        <select id="f-source" value=${draft.source ?? ''} onChange=${set('source')}>
          <option value="">Any</option>
          ${Object.entries(sourceLabels).map(([v, l]) => html`<option value=${v}>${l}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-assistant">Assistant</label>
        <select id="f-assistant" value=${draft.assistantId ?? ''} onChange=${set('assistantId')}>
          <option value="">Any</option>
          ${assistants.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-atRisk">At risk</label>
        <select id="f-atRisk" value=${draft.atRisk ?? ''} onChange=${set('atRisk')}>
          <option value="">Any</option>
          <option value="true">At risk</option>
          <option value="false">Not at risk</option>
        </select>
      </div>
      ${input('subState', 'Sub-state', 'text', { placeholder: 'e.g. MeetingAccepted' })}
      ${input('tag', 'Having tags', 'text', { placeholder: 'e.g. vip, emea' })}
      ${input('notTag', 'Not having tags', 'text', { placeholder: 'e.g. customer' })}
    </div>
    <div class="filter-row">
      ${input('createdFrom', 'Created from', 'date')} ${input('createdTo', 'Created to', 'date')}
      ${input('scheduledFrom', 'Email scheduled from', 'date')} ${input('scheduledTo', 'Email scheduled to', 'date')}
    </div>
    <fieldset class="states">
      <legend>State</legend>
      ${leadStates.map(
        (s) => html`<label class="check">
          <input type="checkbox" checked=${states.has(s)} onChange=${() => toggleState(s)} />
          ${stateLabels[s]}
        </label>`,
      )}
    </fieldset>
    <div class="actions">
      <button type="submit" class="primary">Apply filters</button>
      <button type="button" onClick=${() => onApply({})}>Clear</button>
    </div>
  </form>
  </details>`;
}
