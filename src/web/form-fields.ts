import type { ComponentChildren } from 'preact';
import { html } from './html.ts';

/**
 * A labelled input whose error (from the API's 400, naming the field) sits
 * right under it, announced and linked with aria-describedby.
 */
export function Field({
  id,
  label,
  error,
  hint,
  required,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: ComponentChildren;
}) {
  return html`<div class=${`field ${error ? 'has-error' : ''}`}>
    <label for=${id}>${label}${required && html`<span class="req" aria-hidden="true"> *</span>`}</label>
    ${children}
    ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
    ${error && html`<p class="field-error" id=${`${id}-error`} role="alert">${error}</p>`}
  </div>`;
}

/** The aria attributes an input needs to point at its hint and error. */
export const described = (id: string, error?: string, hint?: string) => ({
  'aria-invalid': error ? 'true' : undefined,
  'aria-describedby': [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
});

export const inputValue = (e: Event) => (e.target as HTMLInputElement).value;
