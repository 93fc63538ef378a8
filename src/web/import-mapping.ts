import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { useAssistants, useSchedules } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { manualSources, sourceLabels } from './format.ts';
import { html } from './html.ts';
import type { LeadImport, Upload } from './types.ts';

/** The lead fields a column may fill (src/imports/column-mapping.ts), as a person reads them. */
const fieldLabels: Record<string, string> = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name (split in two)',
  company: 'Company',
  title: 'Title',
  industry: 'Industry',
  phone: 'Phone',
  country: 'Country',
  timeZone: 'Time zone',
  context: 'Context',
  additionalInformation: 'Additional information',
  tags: 'Tags',
};

/** A column kept as a custom field, usable in templates as {custom.<name>} (as the server names it). */
const customTarget = (column: string) =>
  `custom.${
    column
      .trim()
      .replace(/[^\w .-]/g, '_')
      .replace(/^[^A-Za-z0-9_]+/, '')
      .slice(0, 64) || 'field'
  }`;

function targetOptions(column: string, suggested: string | undefined): [string, string][] {
  const custom = suggested?.startsWith('custom.') ? suggested : customTarget(column);
  return [
    ['ignore', 'Ignore this column'],
    ...Object.entries(fieldLabels),
    [custom, `Custom field “${custom.slice(7)}”`],
  ];
}

/** What the preview shows of a mapped lead: its fields in the usual order, then its custom fields. */
function previewColumns(upload: Upload): string[] {
  const seen = new Set<string>();
  for (const p of upload.preview) for (const k of Object.keys(p.lead)) seen.add(k);
  const fields = Object.keys(fieldLabels).filter((f) => seen.has(f));
  const custom = new Set<string>();
  for (const p of upload.preview)
    for (const k of Object.keys((p.lead.customFields as Record<string, string> | undefined) ?? {}))
      custom.add(k);
  return [...fields, ...[...custom].map((c) => `custom.${c}`)];
}

const cell = (lead: Record<string, unknown>, col: string) => {
  const v = col.startsWith('custom.')
    ? (lead.customFields as Record<string, string> | undefined)?.[col.slice(7)]
    : lead[col];
  return Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v);
};

export function ImportMapping({
  imp,
  upload,
  onStarted,
}: {
  imp: LeadImport;
  upload: Upload | null;
  onStarted: (started: LeadImport) => void;
}) {
  const assistants = useAssistants();
  const schedules = useSchedules();
  const [mapping, setMapping] = useState<Record<string, string>>(
    () => upload?.suggestedMapping ?? Object.fromEntries(imp.columns.map((c) => [c, 'ignore'])),
  );
  const [options, setOptions] = useState<Record<string, string>>({ source: 'import' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edited = upload ? JSON.stringify(mapping) !== JSON.stringify(upload.suggestedMapping) : true;

  useEffect(() => {
    if (!options.assistantId && assistants[0]) setOptions((o) => ({ ...o, assistantId: assistants[0]!.id }));
  }, [assistants]);

  const start = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      onStarted(
        await api<LeadImport>('POST', `/imports/${imp.id}/start`, {
          mapping,
          source: options.source,
          assistantId: options.assistantId || undefined,
          scheduleId: options.scheduleId || undefined,
        }),
      );
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setErrors(err.fields);
        if (!Object.keys(err.fields).some((f) => f.startsWith('mapping'))) setFormError(err.message);
      } else setFormError(errorText(err));
    }
  };

  const option = (k: string) => (e: Event) => setOptions({ ...options, [k]: inputValue(e) });
  const cols = upload ? previewColumns(upload) : [];

  return html`<h1 tabindex="-1">Map the columns of ${imp.fileName}</h1>
    <p class="muted">${imp.rowCount} row${imp.rowCount === 1 ? '' : 's'}. Say what each column holds; one must be the email.</p>
    <form onSubmit=${start}>
      ${formError && html`<p role="alert" class="error">${formError}</p>`}
      ${errors.mapping && html`<p role="alert" class="error">${errors.mapping}</p>`}
      <div class="table-wrap">
        <table class="mapping">
          <thead>
            <tr><th scope="col">Column in the file</th><th scope="col">Becomes</th></tr>
          </thead>
          <tbody>
            ${imp.columns.map((c, i) => {
              const id = `map-${i}`;
              const err = errors[`mapping.${c}`];
              return html`<tr class=${err ? 'has-error' : ''}>
                <th scope="row"><label for=${id}>${c}</label></th>
                <td>
                  <select
                    id=${id}
                    value=${mapping[c] ?? 'ignore'}
                    onChange=${(e: Event) => setMapping({ ...mapping, [c]: inputValue(e) })}
                    ...${described(id, err)}
                  >
                    ${targetOptions(c, upload?.suggestedMapping[c]).map(([v, l]) => html`<option value=${v}>${l}</option>`)}
                  </select>
                  ${err && html`<p class="field-error" id=${`${id}-error`} role="alert">${err}</p>`}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="form-grid">
        <${Field} id="import-source" label="Source" error=${errors.source}>
          <select id="import-source" value=${options.source} onChange=${option('source')}>
            ${['import', ...manualSources].map((s) => html`<option value=${s}>${sourceLabels[s as 'import']}</option>`)}
          </select>
        </${Field}>
        <${Field} id="import-assistant" label="Assistant" error=${errors.assistantId}>
          <select id="import-assistant" value=${options.assistantId ?? ''} onChange=${option('assistantId')}>
            ${assistants.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
          </select>
        </${Field}>
        <${Field} id="import-schedule" label="Schedule" error=${errors.scheduleId}>
          <select id="import-schedule" value=${options.scheduleId ?? ''} onChange=${option('scheduleId')}>
            <option value="">The assistant’s default</option>
            ${schedules.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
          </select>
        </${Field}>
      </div>
      ${
        upload &&
        html`<section aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <p class="muted">
          The first ${upload.preview.length} rows as leads under the suggested mapping${edited ? ' (before your changes)' : ''};
          ${
            upload.rowsWithIssues === 0
              ? ' no row has a problem.'
              : ` ${upload.rowsWithIssues} row${upload.rowsWithIssues === 1 ? '' : 's'} of the file would be refused.`
          }
        </p>
        <div class="table-wrap">
          <table class="preview">
            <thead>
              <tr>
                <th scope="col">Row</th>
                ${cols.map((c) => html`<th scope="col">${fieldLabels[c] ?? c.slice(7)}</th>`)}
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              ${upload.preview.map(
                (p) => html`<tr class=${p.issues.length ? 'refused' : ''}>
                  <td>${p.row}</td>
                  ${cols.map((c) => html`<td>${cell(p.lead, c)}</td>`)}
                  <td>${p.issues.join('; ')}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>`
      }
      <div class="actions">
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Starting…' : `Start: add ${imp.rowCount} row${imp.rowCount === 1 ? '' : 's'}`}</button>
      </div>
    </form>`;
}
