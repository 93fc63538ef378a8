import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { AssistantSubnav, useAssistantName } from './assistant-subnav.ts';
import { useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import type { TemplateList } from './types.ts';

const maxPoints = 20;

/**
 * An assistant's proof points (SPEC §5.2): short success stories, each email
 * of a sequence closing with a different one as "PS:", in this order. Admins
 * add, remove and reorder them, and choose whether follow-ups quote the first
 * email under them. Members see them read-only.
 */
export function ProofPointsPage({ id }: { id: string }) {
  const admin = useMe().role === 'admin';
  const name = useAssistantName(id);
  const base = `/assistants/${encodeURIComponent(id)}`;
  const [points, setPoints] = useState<string[] | null>(null);
  const [quote, setQuote] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    api<TemplateList>('GET', `${base}/templates`).then(
      (r) => {
        setPoints(r.proofPoints);
        setQuote(r.quoteFirstEmail);
      },
      (e) => setFormError(errorText(e)),
    );
  }, [id]);

  const clear = () => {
    setErrors({});
    setFormError(null);
    setStatus(null);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    clear();
    try {
      const r = await api<{ proofPoints: string[] }>('PUT', `${base}/proof-points`, {
        proofPoints: (points ?? []).map((p) => p.trim()),
      });
      setPoints(r.proofPoints);
      setStatus(`Saved ${r.proofPoints.length} proof point${r.proofPoints.length === 1 ? '' : 's'}.`);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(errorText(err));
    }
  };
  const saveQuote = async (on: boolean) => {
    clear();
    try {
      const r = await api<{ quoteFirstEmail: boolean }>('PUT', `${base}/quote-first-email`, {
        quoteFirstEmail: on,
      });
      setQuote(r.quoteFirstEmail);
      setStatus(
        r.quoteFirstEmail
          ? 'Follow-ups now quote the first email.'
          : 'Follow-ups no longer quote the first email.',
      );
    } catch (err) {
      if (err instanceof ApiError && err.fields.quoteFirstEmail)
        setErrors({ quoteFirstEmail: err.fields.quoteFirstEmail });
      else setFormError(errorText(err));
    }
  };

  const list = points ?? [];
  const set = (i: number) => (e: Event) => setPoints(list.map((p, j) => (j === i ? inputValue(e) : p)));
  const move = (i: number, by: number) => {
    const next = [...list];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setPoints(next);
  };

  return html`<${AssistantSubnav} id=${id} current="proof-points" />
    <h1 tabindex="-1">Proof points${name ? ` of ${name}` : ''}</h1>
    <p class="muted">
      Short success stories, one line each. Every email of a sequence closes with a different one as “PS:”, starting
      from a different one per lead and never repeating.
    </p>
    <p role="status" aria-live="polite" class=${status ? 'ok' : undefined}>${status ?? ''}</p>
    ${formError ? html`<p role="alert" class="error">${formError}</p>` : null}
    ${
      points === null
        ? formError
          ? null
          : html`<p class="loading">Loading…</p>`
        : admin
          ? html`<form class="card" onSubmit=${save} novalidate>
              ${errors.proofPoints ? html`<p class="field-error" role="alert">${errors.proofPoints}</p>` : null}
              ${list.length === 0 ? html`<p class="muted">No proof points yet: the emails go without a PS.</p>` : null}
              <ol class="point-list">
                ${list.map((p, i) => {
                  const fid = `proof-point-${i}`;
                  const err = errors[`proofPoints.${i}`];
                  return html`<li key=${i}>
                    <${Field} id=${fid} label=${`Proof point ${i + 1}`} error=${err}>
                      <input id=${fid} value=${p} maxlength="300" onInput=${set(i)} ...${described(fid, err)} />
                    </${Field}>
                    <button type="button" onClick=${() => move(i, -1)} disabled=${i === 0}
                      aria-label=${`Move proof point ${i + 1} up`}>↑</button>
                    <button type="button" onClick=${() => move(i, 1)} disabled=${i === list.length - 1}
                      aria-label=${`Move proof point ${i + 1} down`}>↓</button>
                    <button type="button" onClick=${() => setPoints(list.filter((_, j) => j !== i))}
                      aria-label=${`Remove proof point ${i + 1}`}>Remove</button>
                  </li>`;
                })}
              </ol>
              <div class="actions">
                <button type="button" onClick=${() => setPoints([...list, ''])} disabled=${list.length >= maxPoints}>
                  Add a proof point
                </button>
                <button type="submit" class="primary">Save proof points</button>
              </div>
            </form>`
          : html`<div class="card">
              ${list.length ? html`<ol>${list.map((p) => html`<li>${p}</li>`)}</ol>` : html`<p class="muted">No proof points.</p>`}
              <p class="muted">Only admins change proof points.</p>
            </div>`
    }
    ${
      points === null
        ? null
        : html`<section class="card" aria-labelledby="quote-heading">
            <h2 id="quote-heading">Quoting the first email</h2>
            <${Field} id="quote-first-email" label="Follow-ups quote the first email under them" error=${errors.quoteFirstEmail}>
              <input id="quote-first-email" type="checkbox" checked=${quote} disabled=${!admin}
                onChange=${(e: Event) => saveQuote((e.target as HTMLInputElement).checked)}
                ...${described('quote-first-email', errors.quoteFirstEmail)} />
            </${Field}>
          </section>`
    }`;
}
