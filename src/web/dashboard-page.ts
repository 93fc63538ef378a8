import { useEffect, useState } from 'preact/hooks';
import { api, errorText, query } from './api.ts';
import { CapacityPanel } from './capacity-panel.ts';
import { dayStart, invalidSubStates, leadStates, localDay, stateLabels } from './format.ts';
import { html } from './html.ts';
import { filtersToQuery } from './lead-filters.ts';
import type { Lead, LeadPage } from './types.ts';

/** Most leads counted per figure: beyond it the dashboard says "1000+" (the API has no count yet). */
const cap = 1000;

async function allLeads(
  params: Record<string, string | undefined>,
): Promise<{ leads: Lead[]; more: boolean }> {
  const leads: Lead[] = [];
  let cursor: string | null = null;
  do {
    const page: LeadPage = await api<LeadPage>('GET', `/leads${query({ ...params, limit: 200, cursor })}`);
    leads.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && leads.length < cap);
  return { leads, more: cursor !== null };
}

type Counts = {
  total: number;
  valid: number;
  atRisk: number;
  byState: Record<string, number>;
  active: number;
  more: boolean;
  activeMore: boolean;
};

const periods: [string, number][] = [
  ['Last 7 days', 7],
  ['Last 30 days', 30],
  ['Last 90 days', 90],
  ['Last 365 days', 365],
];

/** SPEC §10.1: counts for a period (default the last 90 days), each opening the lead list filtered the same way. */
export function DashboardPage() {
  const [days, setDays] = useState(90);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = localDay(-days + 1);

  useEffect(() => {
    let live = true;
    setCounts(null);
    setError(null);
    Promise.all([
      allLeads({ createdFrom: dayStart(from) }),
      allLeads({ scheduledFrom: new Date().toISOString(), scheduledTo: dayStart(localDay(181)) }),
    ]).then(
      ([period, active]) => {
        if (!live) return;
        const byState: Record<string, number> = {};
        for (const l of period.leads) byState[l.state] = (byState[l.state] ?? 0) + 1;
        setCounts({
          total: period.leads.length,
          valid: period.leads.filter((l) => !invalidSubStates.includes(l.subState ?? '')).length,
          atRisk: period.leads.filter((l) => l.atRisk).length,
          byState,
          active: active.leads.length,
          more: period.more,
          activeMore: active.more,
        });
      },
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [days]);

  const n = (v: number, more: boolean) => (more ? `${v}+` : String(v));
  const tile = (label: string, value: string, href?: string, cls = '') =>
    html`<li class=${`tile ${cls}`}>
      ${
        href
          ? html`<a href=${href}><span class="value">${value}</span><span class="label">${label}</span></a>`
          : html`<div><span class="value">${value}</span><span class="label">${label}</span></div>`
      }
    </li>`;
  const list = (extra: Record<string, string>) => `/leads${filtersToQuery({ createdFrom: from, ...extra })}`;

  return html`<div class="page-head">
      <h1 tabindex="-1">Dashboard</h1>
      <div class="field inline">
        <label for="period">Period</label>
        <select id="period" value=${String(days)} onChange=${(e: Event) => setDays(Number((e.target as HTMLSelectElement).value))}>
          ${periods.map(([l, d]) => html`<option value=${String(d)}>${l}</option>`)}
        </select>
      </div>
    </div>
    <${CapacityPanel} />
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${!counts && !error && html`<p class="loading" aria-live="polite">Counting…</p>`}
    ${
      counts &&
      html`<ul class="tiles" aria-label="Lead counts">
        ${tile('Total leads', n(counts.total, counts.more), list({}))}
        ${tile('Valid leads', n(counts.valid, counts.more))}
        ${tile(
          'Active leads',
          n(counts.active, counts.activeMore),
          `/leads${filtersToQuery({ scheduledFrom: localDay(), scheduledTo: localDay(180) })}`,
        )}
        ${tile('Hot', n(counts.byState.hot ?? 0, counts.more), list({ state: 'hot' }), 'tile-hot')}
        ${tile('Responded', n(counts.byState.responded ?? 0, counts.more), list({ state: 'responded' }), 'tile-responded')}
        ${tile('At risk', n(counts.atRisk, counts.more), list({ atRisk: 'true' }), 'tile-risk')}
      </ul>
      <h2>By state</h2>
      <ul class="tiles small">
        ${leadStates.map((s) =>
          tile(stateLabels[s], n(counts.byState[s] ?? 0, counts.more), list({ state: s }), `tile-${s}`),
        )}
      </ul>`
    }`;
}
