import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field } from './form-fields.ts';
import { humanize, Time } from './format.ts';
import { html } from './html.ts';
import { navigate } from './router.ts';
import type { LeadImport, Upload } from './types.ts';

/** The upload's answer (suggested mapping, preview) is only given once: keep it for a reload of the next screen. */
export const uploadKey = (id: string) => `nurture.import.${id}`;

/** Upload a lead list (SPEC §2): CSV or XLSX; nothing is added before the mapping is confirmed. */
export function ImportsPage() {
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<LeadImport[] | null>(null);

  useEffect(() => {
    api<{ items: LeadImport[] }>('GET', '/imports').then(
      (r) => setRecent(r.items),
      () => setRecent([]),
    );
  }, []);

  const upload = async (e: Event) => {
    e.preventDefault();
    const f = file.current?.files?.[0];
    if (!f) {
      setError('Choose a .csv or .xlsx file first');
      file.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('file', f, f.name);
    try {
      const uploaded = await api<Upload>('POST', '/imports', form);
      sessionStorage.setItem(uploadKey(uploaded.id), JSON.stringify(uploaded));
      navigate(`/imports/${uploaded.id}`);
    } catch (err) {
      setBusy(false);
      setError(err instanceof ApiError && err.fields.file ? err.fields.file : errorText(err));
      file.current?.focus();
    }
  };

  return html`<h1 tabindex="-1">Import leads</h1>
    <form class="card" onSubmit=${upload}>
      <p class="muted">
        A spreadsheet whose first row names the columns: CSV (comma, semicolon or tab) or Excel (.xlsx). Next you check
        which column is what, see a preview, and start; every row then gets an outcome.
      </p>
      <${Field} id="import-file" label="Lead list" error=${error ?? undefined} hint="CSV or XLSX">
        <input
          id="import-file"
          ref=${file}
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          ...${described('import-file', error ?? undefined, 'CSV or XLSX')}
        />
      </${Field}>
      <div class="actions">
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Reading the file…' : 'Upload'}</button>
      </div>
    </form>
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">Recent imports</h2>
      ${
        recent === null
          ? html`<p class="loading">Loading…</p>`
          : recent.length === 0
            ? html`<p class="muted">No imports yet.</p>`
            : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Status</th>
                    <th scope="col">Rows</th>
                    <th scope="col">Added</th>
                    <th scope="col">Refused</th>
                    <th scope="col">Uploaded</th>
                  </tr>
                </thead>
                <tbody>
                  ${recent.map(
                    (i) => html`<tr>
                      <td><a href=${`/imports/${i.id}`}>${i.fileName}</a></td>
                      <td>${humanize(i.status)}</td>
                      <td>${i.rowCount}</td>
                      <td>${i.added}</td>
                      <td>${i.refused}</td>
                      <td><${Time} iso=${i.createdAt} /></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
}
