import { useEffect, useState } from 'preact/hooks';
import { api, errorText, query } from './api.ts';
import { humanize } from './format.ts';
import { html } from './html.ts';
import type { ImportRow, LeadImport } from './types.ts';

const pollMs = 1_000;
type Show = 'all' | 'refused' | 'added';

/** An import running (progress, read every second) and, once done, its per-row report. */
export function ImportReport({ initial }: { initial: LeadImport }) {
  const [imp, setImp] = useState(initial);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [show, setShow] = useState<Show>('all');
  const [error, setError] = useState<string | null>(null);
  const done = imp.status === 'done';

  useEffect(() => {
    if (done) return;
    const t = setInterval(
      () => api<LeadImport>('GET', `/imports/${imp.id}`).then(setImp, (e) => setError(errorText(e))),
      pollMs,
    );
    return () => clearInterval(t);
  }, [done]);

  useEffect(() => {
    if (!done) return;
    setRows(null);
    api<{ items: ImportRow[] }>(
      'GET',
      `/imports/${imp.id}/rows${query({ status: show === 'all' ? undefined : show, limit: 5000 })}`,
    ).then(
      (r) => setRows(r.items),
      (e) => setError(errorText(e)),
    );
  }, [done, show]);

  const handled = imp.added + imp.refused;
  return html`<h1 tabindex="-1">Import of ${imp.fileName}</h1>
    <section class="card" aria-labelledby="progress-title">
      <h2 id="progress-title">${done ? 'Done' : 'Adding the rows…'}</h2>
      <progress max=${imp.rowCount || 1} value=${handled} aria-labelledby="progress-title"></progress>
      <p aria-live="polite" data-testid="import-progress">
        ${handled} of ${imp.rowCount} rows: <strong>${imp.added} added</strong>, <strong>${imp.refused} refused</strong>.
      </p>
      ${
        done &&
        html`<p>
        <a class="button" href=${`/api/v1/imports/${imp.id}/report.csv`} download>Download report.csv</a>
        <span class="muted"> the file’s columns with each row’s outcome and reason, to fix and import again.</span>
      </p>`
      }
    </section>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${
      done &&
      html`<section aria-labelledby="report-title">
      <div class="section-head">
        <h2 id="report-title">Rows</h2>
        <div class="segmented" role="group" aria-label="Show rows">
          ${(['all', 'refused', 'added'] as Show[]).map(
            (s) =>
              html`<button type="button" aria-pressed=${show === s} onClick=${() => setShow(s)}>${humanize(s)}</button>`,
          )}
        </div>
      </div>
      ${
        rows === null
          ? html`<p class="loading">Loading…</p>`
          : rows.length === 0
            ? html`<p class="muted">No rows.</p>`
            : html`<div class="table-wrap">
              <table class="report">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Reason</th>
                    ${imp.columns.map((c) => html`<th scope="col">${c}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) => html`<tr class=${r.status}>
                      <td>${r.row}</td>
                      <td>
                        ${
                          r.leadId
                            ? html`<a href=${`/leads/${r.leadId}`}>${humanize(r.status)}</a>`
                            : humanize(r.status)
                        }
                      </td>
                      <td>${r.error ?? ''}</td>
                      ${imp.columns.map((_, i) => html`<td>${r.cells[i] ?? ''}</td>`)}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`
    }`;
}
