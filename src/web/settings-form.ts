import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';

/**
 * One section of a settings screen as a form: its fields start from the saved
 * values, Save sends them, and the API's 400 shows next to the field it names.
 * Read-only (members) shows the same values, disabled, without Save.
 */
export type FieldSpec = {
  name: string;
  label: string;
  kind?: 'text' | 'email' | 'url' | 'tel' | 'number' | 'textarea' | 'checkbox' | 'select' | 'time' | 'days';
  hint?: string;
  required?: boolean;
  options?: [string, string][];
  min?: number;
  max?: number;
};

export type FormValues = Record<string, string | boolean | number[]>;

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function SettingsForm({
  id,
  title,
  fields,
  initial,
  readOnly,
  save,
  submitLabel = 'Save',
  intro,
}: {
  id: string;
  title: string;
  fields: FieldSpec[];
  initial: FormValues;
  readOnly: boolean;
  /** Sends the values; resolves to a line for the status, throws the API's error. */
  save: (values: FormValues) => Promise<string>;
  submitLabel?: string;
  intro?: string;
}) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(initial), [JSON.stringify(initial)]);

  const fieldId = (name: string) => `${id}-${name}`;
  const set = (name: string, v: string | boolean | number[]) => setValues((old) => ({ ...old, [name]: v }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    setNotice(null);
    try {
      setNotice(await save(values));
    } catch (err) {
      const known =
        err instanceof ApiError
          ? Object.keys(err.fields).filter((k) => fields.some((f) => f.name === k.split('.')[0]))
          : [];
      if (err instanceof ApiError && known.length) {
        setErrors(Object.fromEntries(known.map((k) => [k.split('.')[0]!, err.fields[k]!])));
        document.getElementById(fieldId(known[0]!.split('.')[0]!))?.focus();
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const control = (f: FieldSpec) => {
    const fid = fieldId(f.name);
    const err = errors[f.name];
    const aria = described(fid, err, f.hint);
    const v = values[f.name];
    switch (f.kind) {
      case 'textarea':
        return html`<textarea id=${fid} name=${f.name} rows="4" value=${String(v ?? '')} disabled=${readOnly}
          onInput=${(e: Event) => set(f.name, inputValue(e))} ...${aria}></textarea>`;
      case 'checkbox':
        return html`<input id=${fid} name=${f.name} type="checkbox" checked=${Boolean(v)} disabled=${readOnly}
          onChange=${(e: Event) => set(f.name, (e.target as HTMLInputElement).checked)} ...${aria} />`;
      case 'select':
        return html`<select id=${fid} name=${f.name} value=${String(v ?? '')} disabled=${readOnly}
          onChange=${(e: Event) => set(f.name, inputValue(e))} ...${aria}>
          ${(f.options ?? []).map(([ov, ol]) => html`<option value=${ov}>${ol}</option>`)}
        </select>`;
      case 'days': {
        const days = (v as number[]) ?? [];
        return html`<div id=${fid} role="group" aria-label=${f.label} tabindex="-1" ...${aria}>
          ${dayNames.map(
            (d, i) => html`<label class="check">
              <input type="checkbox" checked=${days.includes(i)} disabled=${readOnly}
                onChange=${(e: Event) =>
                  set(
                    f.name,
                    (e.target as HTMLInputElement).checked
                      ? [...days, i].sort()
                      : days.filter((x) => x !== i),
                  )} />
              ${d}
            </label>`,
          )}
        </div>`;
      }
      default:
        return html`<input id=${fid} name=${f.name} type=${f.kind ?? 'text'} value=${String(v ?? '')}
          min=${f.min} max=${f.max} required=${f.required} disabled=${readOnly}
          onInput=${(e: Event) => set(f.name, inputValue(e))} ...${aria} />`;
    }
  };

  const titleId = `${id}-title`;
  return html`<form class="card" id=${id} onSubmit=${submit} aria-labelledby=${titleId} novalidate>
    <h2 id=${titleId}>${title}</h2>
    ${intro && html`<p class="muted">${intro}</p>`}
    ${formError && html`<p role="alert" class="error">${formError}</p>`}
    ${notice && html`<p class="ok" role="status">${notice}</p>`}
    ${fields.map(
      (
        f,
      ) => html`<${Field} id=${fieldId(f.name)} label=${f.label} error=${errors[f.name]} hint=${f.hint} required=${f.required}>
        ${control(f)}
      </${Field}>`,
    )}
    ${!readOnly && html`<div class="actions"><button type="submit" class="primary" disabled=${busy}>${submitLabel}</button></div>`}
  </form>`;
}

/** minutes after midnight ↔ "HH:MM" for a time input. */
export const minutesToTime = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const timeToMinutes = (t: string): number => {
  const [h, m] = t.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
