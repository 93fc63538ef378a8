import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { html } from './html.ts';
import { ImportMapping } from './import-mapping.ts';
import { ImportReport } from './import-report.ts';
import { uploadKey } from './imports-page.ts';
import type { LeadImport, Upload } from './types.ts';

/** One import: its mapping while uploaded, then its progress and per-row report. */
export function ImportPage({ id }: { id: string }) {
  const [imp, setImp] = useState<LeadImport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<LeadImport>('GET', `/imports/${id}`).then(setImp, (e) => setError(errorText(e)));
  }, [id]);

  if (error)
    return html`<h1 tabindex="-1">Import</h1>
      <p role="alert" class="error">${error}</p>
      <p><a href="/imports">Back to the imports</a></p>`;
  if (!imp) return html`<p class="loading" aria-live="polite">Loading…</p>`;

  const stored = sessionStorage.getItem(uploadKey(id));
  const upload: Upload | null = stored ? JSON.parse(stored) : null;
  return html`<p class="crumbs"><a href="/imports">Imports</a> › ${imp.fileName}</p>
    ${
      imp.status === 'uploaded'
        ? html`<${ImportMapping}
          imp=${imp}
          upload=${upload}
          onStarted=${(started: LeadImport) => {
            sessionStorage.removeItem(uploadKey(id));
            setImp(started);
          }}
        />`
        : html`<${ImportReport} initial=${imp} />`
    }`;
}
