import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import type { Preview, TemplateEntry } from './types.ts';

type Draft = { subject: string; body: string };

/** The sample lead the preview is written to; its fields are the editor's to change. */
type Sample = { firstName: string; company: string; context: string; referredBy: string };

const previewDelayMs = 350;

const draftsOf = (entry: TemplateEntry): Draft[] =>
  entry.variants.map((v) => ({ subject: v.subject ?? '', body: v.body }));

/**
 * One source × angle: its built-in variants, the variants in use (the
 * assistant's own or the built-ins) to edit, and a live preview of the
 * variant being edited. The preview is the server's renderer, the one that
 * sends (POST …/preview with the unsaved draft), asked again a moment after
 * each keystroke; a draft the API refuses shows its error next to the field.
 */
export function TemplateEditor({
  assistantId,
  entry,
  onSaved,
}: {
  assistantId: string;
  entry: TemplateEntry;
  onSaved: (e: TemplateEntry) => void;
}) {
  const admin = useMe().role === 'admin';
  const base = `/assistants/${encodeURIComponent(assistantId)}`;
  const pair = `${base}/templates/${entry.source}/${entry.step}`;
  const intro = entry.step === 'introduction';
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsOf(entry));
  const [shown, setShown] = useState(0);
  const [sample, setSample] = useState<Sample>({
    firstName: 'Jane',
    company: 'Initech',
    context: '',
    referredBy: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const asked = useRef(0);

  const current = drafts[Math.min(shown, drafts.length - 1)]!;

  // The live preview: the variant on screen, rendered by the server a moment after the last change.
  useEffect(() => {
    const n = ++asked.current;
    const t = setTimeout(async () => {
      try {
        const p = await api<Preview>('POST', `${base}/preview`, {
          source: entry.source,
          step: entry.step,
          lead: {
            firstName: sample.firstName.trim() || null,
            company: sample.company.trim() || null,
            context: sample.context.trim() || null,
            customFields: sample.referredBy.trim() ? { referred_by: sample.referredBy.trim() } : {},
          },
          ...(admin
            ? { template: { subject: intro ? current.subject : null, body: current.body } }
            : { variant: Math.min(shown, drafts.length - 1) }),
        });
        if (n !== asked.current) return;
        setPreview(p);
        setPreviewError(null);
      } catch (err) {
        if (n !== asked.current) return;
        setPreview(null);
        setPreviewError(errorText(err));
      }
    }, previewDelayMs);
    return () => clearTimeout(t);
  }, [current.subject, current.body, shown, sample, entry.source, entry.step]);

  const setDraft = (i: number, k: keyof Draft) => (e: Event) =>
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, [k]: inputValue(e) } : d)));

  const done = (next: TemplateEntry, message: string) => {
    onSaved(next);
    setDrafts(draftsOf(next));
    setShown(0);
    setStatus(message);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    setStatus(null);
    try {
      const next = await api<TemplateEntry>('PUT', pair, {
        variants: drafts.map((d) => ({ subject: intro ? d.subject : null, body: d.body })),
      });
      done(next, 'Saved: this source and step now use your wording.');
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(errorText(err));
    }
  };
  const revert = async () => {
    setErrors({});
    setFormError(null);
    try {
      done(await api<TemplateEntry>('DELETE', pair), 'Reverted to the built-in wording.');
    } catch (err) {
      setFormError(errorText(err));
    }
  };

  const sampleField = (k: keyof Sample, label: string) =>
    html`<div class="field">
      <label for=${`sample-${k}`}>${label}</label>
      <input id=${`sample-${k}`} value=${sample[k]} onInput=${(e: Event) => setSample({ ...sample, [k]: inputValue(e) })} />
    </div>`;

  const variantEditor = (d: Draft, i: number) => {
    const subjectId = `variant-${i}-subject`;
    const bodyId = `variant-${i}-body`;
    // A save names `variants.<i>.<part>`; the preview of the variant on screen names `template.<part>`.
    const err = (part: string) =>
      errors[`variants.${i}.${part}`] || (i === shown && previewError ? previewFieldError(part) : undefined);
    return html`<fieldset key=${i} class="variant">
      <legend>Variant ${i + 1}</legend>
      ${
        intro
          ? html`<${Field} id=${subjectId} label="Subject" error=${err('subject')}>
              <input id=${subjectId} value=${d.subject} onInput=${setDraft(i, 'subject')}
                onFocus=${() => setShown(i)} ...${described(subjectId, err('subject'))} />
            </${Field}>`
          : null
      }
      <${Field} id=${bodyId} label="Body" error=${err('body')}>
        <textarea id=${bodyId} rows="10" value=${d.body} onInput=${setDraft(i, 'body')}
          onFocus=${() => setShown(i)} ...${described(bodyId, err('body'))}></textarea>
      </${Field}>
      <div class="actions">
        <button type="button" onClick=${() => setShown(i)} aria-pressed=${i === shown}>Preview this variant</button>
        ${
          drafts.length > 1
            ? html`<button type="button" onClick=${() => {
                setDrafts(drafts.filter((_, j) => j !== i));
                setShown(0);
              }}>Remove variant ${i + 1}</button>`
            : null
        }
      </div>
    </fieldset>`;
  };

  // The preview's error names `template.body` etc.; it belongs under the variant on screen.
  const previewFieldError = (part: string) =>
    previewError?.startsWith(`template.${part}: `)
      ? previewError.slice(`template.${part}: `.length)
      : undefined;

  return html`<section class="card" aria-labelledby="template-heading">
    <h2 id="template-heading">${entry.custom ? 'Your own wording' : 'Built-in wording'}${
      entry.updatedAt
        ? html` <span class="muted small">saved ${new Date(entry.updatedAt).toLocaleString()}</span>`
        : null
    }</h2>
    <p role="status" aria-live="polite" class=${status ? 'ok' : undefined}>${status ?? ''}</p>
    ${formError ? html`<p role="alert" class="error">${formError}</p>` : null}
    <div class="template-editor">
      <div>
        ${
          admin
            ? html`<form onSubmit=${save} novalidate>
                ${drafts.map(variantEditor)}
                <div class="actions">
                  <button type="button" onClick=${() => {
                    setDrafts([...drafts, { subject: current.subject, body: current.body }]);
                    setShown(drafts.length);
                  }} disabled=${drafts.length >= 10}>Add a variant</button>
                  <button type="submit" class="primary">Save template</button>
                  ${entry.custom ? html`<button type="button" onClick=${revert}>Revert to built-in</button>` : null}
                </div>
              </form>`
            : html`${drafts.map(
                (d, i) => html`<h3>Variant ${i + 1}</h3>
                  ${intro ? html`<p><strong>Subject:</strong> ${d.subject}</p>` : null}
                  <pre class="builtin-text">${d.body}</pre>
                  <button type="button" onClick=${() => setShown(i)} aria-pressed=${i === shown}>Preview this variant</button>`,
              )}
              <p class="muted">Only admins change templates.</p>`
        }
        ${
          entry.custom
            ? html`<details>
                <summary>The built-in wording</summary>
                ${entry.builtIn.map(
                  (v) =>
                    html`<pre class="builtin-text">${v.subject ? `Subject: ${v.subject}\n\n` : ''}${v.body}</pre>`,
                )}
              </details>`
            : null
        }
      </div>
      <div>
        <h3 id="preview-heading">Preview of variant ${Math.min(shown, drafts.length - 1) + 1}</h3>
        <div class="form-grid">
          ${sampleField('firstName', 'First name')} ${sampleField('company', 'Company')}
          ${sampleField('context', 'Context')}
          ${entry.source === 'reference' ? sampleField('referredBy', 'Referred by') : null}
        </div>
        <div aria-live="polite" aria-labelledby="preview-heading" data-testid="template-preview">
          ${
            previewError
              ? html`<p class="error">${previewError}</p>`
              : preview
                ? html`<p><strong>Subject:</strong> <span class="preview-subject">${preview.subject}</span></p>
                    <pre class="preview-text">${preview.text}</pre>`
                : html`<p class="loading">Rendering…</p>`
          }
        </div>
      </div>
    </div>
  </section>`;
}
