import { useEffect, useState } from 'preact/hooks';
import { api, errorText, query } from './api.ts';
import { ownerLabel, useAssistants, useMe, useTeam } from './data.ts';
import { leadName, StateBadge, sourceLabel, Time } from './format.ts';
import { html } from './html.ts';
import { LeadBulkEdit } from './lead-bulk-edit.ts';
import { apiParams, type Filters, filtersFromQuery, filtersToQuery, LeadFilters } from './lead-filters.ts';
import { navigate, useLocation } from './router.ts';
import type { Lead, LeadPage, TimelineItem } from './types.ts';

const pageSize = 50;
/** States whose sequence still has emails to send: the ones with a "next email". */
const scheduledStates = new Set(['pending', 'cold', 'engaged', 'warm', 'out_of_office']);

/**
 * When each listed lead's next email goes. The lead list API doesn't carry it
 * yet, so it is read from the timelines of the leads still being emailed, two
 * at a time, once per lead.
 */
function useNextEmails(leads: Lead[]): Map<string, string | null> {
  const [next, setNext] = useState(new Map<string, string | null>());
  useEffect(() => {
    let live = true;
    const todo = leads.filter((l) => scheduledStates.has(l.state) && !next.has(l.id));
    const worker = async () => {
      for (let l = todo.shift(); l && live; l = todo.shift()) {
        const lead = l;
        const items = await api<{ items: TimelineItem[] }>('GET', `/leads/${lead.id}/timeline`).then(
          (r) => r.items,
          () => [],
        );
        const due = items.find(
          (i) => i.kind === 'message' && i.direction === 'out' && i.status === 'scheduled',
        );
        if (live) setNext((m) => new Map(m).set(lead.id, due?.at ?? null));
      }
    };
    worker();
    worker();
    return () => {
      live = false;
    };
  }, [leads]);
  return next;
}

export function LeadListPage() {
  const { query: q } = useLocation();
  const filters = filtersFromQuery(q);
  const key = filtersToQuery(filters);
  const me = useMe();
  const team = useTeam();
  const assistants = useAssistants();
  const [leads, setLeads] = useState<Lead[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const nextEmails = useNextEmails(leads);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const load = async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api<LeadPage>(
        'GET',
        `/leads${query({ ...apiParams(filters), limit: pageSize, cursor: after })}`,
      );
      setLeads((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setLeads([]);
    setSelected(new Set());
    load(null);
  }, [key]);

  const assistantName = (id: string) => assistants.find((a) => a.id === id)?.name ?? '…';
  const apply = (f: Filters) => navigate(`/leads${filtersToQuery(f)}`);

  return html`<div class="page-head">
      <h1 tabindex="-1">Leads</h1>
      <a class="button primary" href="/add-lead">Add lead</a>
    </div>
    ${
      q.get('erased') &&
      html`<p role="status" class="ok">
        The person was erased: their leads, emails and timeline are gone, and their address is never emailed again.
      </p>`
    }
    <${LeadFilters} filters=${filters} onApply=${apply} />
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${selected.size > 0 && html`<${LeadBulkEdit} leadIds=${[...selected]} onDone=${() => load(null)} />`}
    <div class="table-wrap">
      <table class="leads">
        <caption class="visually-hidden">
          Leads, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all shown"
                checked=${leads.length > 0 && selected.size === leads.length}
                onChange=${() => setSelected(selected.size === leads.length ? new Set() : new Set(leads.map((l) => l.id)))}
              />
            </th>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Company</th>
            <th scope="col">State</th>
            <th scope="col">Source</th>
            <th scope="col">Assistant</th>
            <th scope="col">Owner</th>
            <th scope="col">Created</th>
            <th scope="col">Next email</th>
          </tr>
        </thead>
        <tbody>
          ${leads.map(
            (l) => html`<tr key=${l.id}>
              <td><input type="checkbox" aria-label=${`Select ${leadName(l)}`} checked=${selected.has(l.id)} onChange=${() => toggle(l.id)} /></td>
              <td><a href=${`/leads/${l.id}`}>${leadName(l)}</a>${l.atRisk && html` <span class="tag risk">At risk</span>`}</td>
              <td class="email">${l.email}</td>
              <td>${l.company ?? ''}</td>
              <td><${StateBadge} state=${l.state} subState=${l.subState} /></td>
              <td>${sourceLabel(l.source)}</td>
              <td>${assistantName(l.assistantId)}</td>
              <td>${ownerLabel(l.ownerId, me, team)}</td>
              <td><${Time} iso=${l.createdAt} withTime=${false} /></td>
              <td>
                ${
                  scheduledStates.has(l.state)
                    ? nextEmails.has(l.id)
                      ? html`<${Time} iso=${nextEmails.get(l.id)} />`
                      : html`<span class="muted">…</span>`
                    : html`<span class="muted">—</span>`
                }
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="list-foot" aria-live="polite">
      ${
        loading
          ? 'Loading…'
          : leads.length === 0
            ? key
              ? 'No lead matches these filters.'
              : html`No leads yet. <a href="/add-lead">Add one</a> or <a href="/imports">import a list</a>.`
            : `${leads.length} lead${leads.length === 1 ? '' : 's'} shown${cursor ? '' : ' (all)'}`
      }
    </p>
    ${cursor && !loading && html`<button type="button" class="more" onClick=${() => load(cursor)}>Load more</button>`}`;
}
