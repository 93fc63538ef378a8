import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { useMe } from './data.ts';
import { html } from './html.ts';
import type { CapacityView } from './types.ts';

/**
 * SPEC §9, for admins: the plan's active-lead cap and how much of it is used
 * (a bar), the EmailCC reserve, the leads waiting as `new`, and when the daily
 * activation next runs. Members see nothing (the API answers them 403).
 */
export function CapacityPanel() {
  const me = useMe();
  const [view, setView] = useState<CapacityView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (me.role !== 'admin') return;
    let live = true;
    api<CapacityView>('GET', '/capacity').then(
      (v) => live && setView(v),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [me.role]);
  if (me.role !== 'admin') return null;
  const next = view ? new Date(view.nextActivationAt).toLocaleString() : '';
  return html`<section class="capacity" aria-labelledby="capacity-title">
    <h2 id="capacity-title">Plan</h2>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${!view && !error && html`<p class="loading" aria-live="polite">Reading the plan…</p>`}
    ${
      view &&
      html`${
        view.cap === null
          ? html`<p data-testid="capacity-used"><strong>${view.active}</strong> active leads; the plan has no cap.</p>`
          : html`<p data-testid="capacity-used">
                <strong>${view.active}</strong> of <strong>${view.cap}</strong> active leads used
              </p>
              <div class="capacity-bar" aria-hidden="true">
                <span
                  class="used"
                  style=${{ width: `${Math.min(100, view.cap ? (view.active / view.cap) * 100 : 100)}%` }}
                ></span>
                <span
                  class="reserve"
                  style=${{ width: `${view.cap ? Math.min(100, (((view.usableByEmailcc ?? 0) - (view.usableByOthers ?? 0)) / view.cap) * 100) : 0}%` }}
                ></span>
              </div>
              <p class="hint">
                ${view.reservePercent} % of the cap is kept for EmailCC leads: other sources stop at
                ${' '}${view.usableByOthers}.
              </p>`
      }
      <p data-testid="capacity-waiting">
        ${view.waitingNew} lead${view.waitingNew === 1 ? '' : 's'} waiting as new
        ${view.waitingNew > view.waitingAutoActivate ? ` (${view.waitingNew - view.waitingAutoActivate} on assistants that don't auto-activate: activate them by hand)` : ''}.
        Next activation: <time datetime=${view.nextActivationAt}>${next}</time>.
      </p>`
    }
  </section>`;
}
