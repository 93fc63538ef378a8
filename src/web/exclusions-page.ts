import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { AssistantSubnav, useAssistantName } from './assistant-subnav.ts';
import { useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { dateOnly } from './format.ts';
import { html } from './html.ts';
import type { Exclusion } from './types.ts';

type Added = { added: Exclusion[]; alreadyExcluded: string[]; matchingLeads: number };

const entriesHint =
  'One per line: an address (ceo@acme.com) or a domain (acme.com), which covers its subdomains';

/**
 * An assistant's exclusion list: addresses and domains it never emails. New
 * leads matching an entry are refused; leads already on the assistant get no
 * further email. Admins add (a bad entry is named next to the field, and
 * nothing is added) and remove; members see the list.
 */
export function ExclusionsPage({ id }: { id: string }) {
  const admin = useMe().role === 'admin';
  const name = useAssistantName(id);
  const base = `/assistants/${encodeURIComponent(id)}/exclusions`;
  const [items, setItems] = useState<Exclusion[] | null>(null);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = () =>
    api<{ items: Exclusion[] }>('GET', base).then(
      (r) => setItems(r.items),
      (e) => setFormError(errorText(e)),
    );
  useEffect(() => {
    load();
  }, [id]);

  const clear = () => {
    setFieldError(undefined);
    setFormError(null);
    setStatus(null);
  };
  const add = async (e: Event) => {
    e.preventDefault();
    clear();
    const entries = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      const r = await api<Added>('POST', base, { entries });
      setText('');
      const parts = [
        r.added.length ? `Added ${r.added.map((x) => x.pattern).join(', ')}.` : '',
        r.alreadyExcluded.length ? `Already listed: ${r.alreadyExcluded.join(', ')}.` : '',
        r.matchingLeads
          ? `${r.matchingLeads} running lead${r.matchingLeads === 1 ? '' : 's'} will get no further email.`
          : '',
      ];
      setStatus(parts.filter(Boolean).join(' '));
      await load();
    } catch (err) {
      // "entries[2]: …" (a bad entry) or "entries: …" (none, too many): all about this one field.
      if (err instanceof ApiError && err.field?.startsWith('entries'))
        setFieldError(err.message.replace(/^entries(\[\d+\])?: /, ''));
      else setFormError(errorText(err));
    }
  };
  const remove = async (x: Exclusion) => {
    clear();
    try {
      await api('DELETE', `${base}/${encodeURIComponent(x.pattern)}`);
      setStatus(`Removed ${x.pattern}: matching leads' next emails go again.`);
      await load();
    } catch (err) {
      setFormError(errorText(err));
    }
  };

  return html`<${AssistantSubnav} id=${id} current="exclusions" />
    <h1 tabindex="-1">Exclusions${name ? ` of ${name}` : ''}</h1>
    <p class="muted">Addresses and domains this assistant never emails: a new lead matching one is refused, and leads already on it get no further email.</p>
    <p role="status" aria-live="polite" class=${status ? 'ok' : undefined}>${status ?? ''}</p>
    ${formError ? html`<p role="alert" class="error">${formError}</p>` : null}
    ${
      admin
        ? html`<form class="card" onSubmit=${add} novalidate>
            <${Field} id="exclusion-entries" label="Address or domain" error=${fieldError} hint=${entriesHint}>
              <textarea id="exclusion-entries" rows="3" value=${text} onInput=${(e: Event) => setText(inputValue(e))}
                ...${described('exclusion-entries', fieldError, entriesHint)}></textarea>
            </${Field}>
            <div class="actions"><button type="submit" class="primary">Add to the exclusion list</button></div>
          </form>`
        : null
    }
    ${
      items === null
        ? formError
          ? null
          : html`<p class="loading">Loading…</p>`
        : items.length === 0
          ? html`<p class="muted">Nothing is excluded.</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Entry</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Added</th>
                    ${admin ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null}
                  </tr>
                </thead>
                <tbody>
                  ${items.map(
                    (x) => html`<tr>
                      <td>${x.pattern}</td>
                      <td>${x.kind === 'domain' ? 'Domain and its subdomains' : 'Address'}</td>
                      <td>${dateOnly(x.createdAt)}</td>
                      ${
                        admin
                          ? html`<td class="actions">
                              <button type="button" onClick=${() => remove(x)} aria-label=${`Remove ${x.pattern}`}>Remove</button>
                            </td>`
                          : null
                      }
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }`;
}
