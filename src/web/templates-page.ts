import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { AssistantSubnav, useAssistantName } from './assistant-subnav.ts';
import { sourceLabels } from './format.ts';
import { html } from './html.ts';
import { TemplateEditor } from './template-editor.ts';
import type { Angle, Source, TemplateEntry, TemplateList } from './types.ts';

export const angleLabels: Record<Angle, string> = {
  introduction: 'Introduction (first email)',
  value: 'Value',
  proof: 'Proof',
  brochure: 'Brochure',
  question: 'Question',
  last_try: 'Last try',
};

/**
 * An assistant's email templates (SPEC §5.2), one source and step angle at a
 * time: the built-in wording, the assistant's own if it has one, an editor
 * with a live preview rendered by the server exactly as it would be sent, and
 * the placeholders a template may use.
 */
export function TemplatesPage({ id }: { id: string }) {
  const name = useAssistantName(id);
  const [list, setList] = useState<TemplateList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState<Source>('event');
  const [angle, setAngle] = useState<Angle>('introduction');

  useEffect(() => {
    api<TemplateList>('GET', `/assistants/${encodeURIComponent(id)}/templates`).then(setList, (e) =>
      setError(errorText(e)),
    );
  }, [id]);

  const entry = list?.items.find((e) => e.source === source && e.step === angle);
  const replace = (next: TemplateEntry) =>
    setList(
      (l) =>
        l && {
          ...l,
          items: l.items.map((e) => (e.source === next.source && e.step === next.step ? next : e)),
        },
    );
  const customCount = (s: Source) => list?.items.filter((e) => e.source === s && e.custom).length ?? 0;

  return html`<${AssistantSubnav} id=${id} current="templates" />
    <h1 tabindex="-1">Templates${name ? ` of ${name}` : ''}</h1>
    <p class="muted">
      Each source has its own first email and follow-ups, one per step angle, in several variants so leads don't all get
      the same words. Your own wording replaces the built-in one for that source and step; revert to go back.
    </p>
    ${error ? html`<p role="alert" class="error">${error}</p>` : null}
    ${
      list
        ? html`<div class="form-grid">
              <div class="field">
                <label for="template-source">Source</label>
                <select id="template-source" value=${source}
                  onChange=${(e: Event) => setSource((e.target as HTMLSelectElement).value as Source)}>
                  ${Object.entries(sourceLabels).map(
                    ([s, l]) =>
                      html`<option value=${s}>${l}${customCount(s as Source) ? ` (${customCount(s as Source)} own)` : ''}</option>`,
                  )}
                </select>
              </div>
              <div class="field">
                <label for="template-step">Step</label>
                <select id="template-step" value=${angle}
                  onChange=${(e: Event) => setAngle((e.target as HTMLSelectElement).value as Angle)}>
                  ${Object.entries(angleLabels).map(([a, l]) => {
                    const own = list.items.find((e) => e.source === source && e.step === a)?.custom;
                    return html`<option value=${a}>${l}${own ? ' (own)' : ''}</option>`;
                  })}
                </select>
              </div>
            </div>
            ${entry ? html`<${TemplateEditor} key=${`${source}/${angle}`} assistantId=${id} entry=${entry} onSaved=${replace} />` : null}
            <${PlaceholderHelp} placeholders=${list.placeholders} />`
        : error
          ? null
          : html`<p class="loading">Loading…</p>`
    }`;
}

function PlaceholderHelp({ placeholders }: { placeholders: string[] }) {
  return html`<details class="card">
    <summary>Placeholders</summary>
    <p>
      Write <code>{firstName}</code> for a lead's field, or <code>{company|your team}</code> with a default after
      “|”. A line whose placeholder has no value and no default is left out, so nothing unfilled is ever sent.
      A column of an imported list is <code>{custom.column_name}</code>; a referral's referrer is
      <code>{custom.referred_by}</code>.
    </p>
    <ul>
      ${placeholders.map((p) => html`<li><code>${p}</code></li>`)}
    </ul>
  </details>`;
}
