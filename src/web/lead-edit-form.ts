import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { useAssistants, useSchedules, useTeam } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import type { Lead } from './types.ts';

type Draft = {
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  phone: string;
  timeZone: string;
  tags: string;
  customFields: string;
  scheduleId: string;
  assistantId: string;
  ownerId: string;
  nextFollowUpAt: string;
};

const text = ['firstName', 'lastName', 'company', 'title', 'phone', 'timeZone'] as const;
const labels: Record<(typeof text)[number], string> = {
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  title: 'Title',
  phone: 'Phone',
  timeZone: 'Time zone',
};

const fieldsText = (f: Record<string, string>) =>
  Object.entries(f)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
const parseFields = (s: string): Record<string, string> =>
  Object.fromEntries(
    s
      .split('\n')
      .map((line) => line.split(/:(.*)/s, 2).map((x) => x.trim()))
      .filter(([k]) => k)
      .map(([k, v]) => [k!, v ?? '']),
  );
const parseTags = (s: string) =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

function draftOf(lead: Lead): Draft {
  return {
    firstName: lead.firstName ?? '',
    lastName: lead.lastName ?? '',
    company: lead.company ?? '',
    title: lead.title ?? '',
    phone: lead.phone ?? '',
    timeZone: lead.timeZone ?? '',
    tags: lead.tags.join(', '),
    customFields: fieldsText(lead.customFields),
    scheduleId: lead.scheduleId,
    assistantId: lead.assistantId,
    ownerId: lead.ownerId,
    nextFollowUpAt: '',
  };
}

/** Only what the user changed goes to PATCH /api/v1/leads/{id}: each change is on the timeline. */
function changesOf(lead: Lead, d: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const before = draftOf(lead);
  for (const k of text) if (d[k].trim() !== before[k]) out[k] = d[k].trim() || null;
  if (JSON.stringify(parseTags(d.tags)) !== JSON.stringify(lead.tags)) out.tags = parseTags(d.tags);
  if (JSON.stringify(parseFields(d.customFields)) !== JSON.stringify(lead.customFields))
    out.customFields = parseFields(d.customFields);
  for (const k of ['scheduleId', 'assistantId', 'ownerId'] as const) if (d[k] !== before[k]) out[k] = d[k];
  if (d.nextFollowUpAt) out.nextFollowUpAt = new Date(d.nextFollowUpAt).toISOString();
  return out;
}

/**
 * Edit a lead (issue 11): details, tags, custom fields, schedule (the unsent
 * steps are re-planned), the next follow-up, assistant and owner. The API's
 * refusal shows next to the field it names.
 */
export function LeadEditForm({
  lead,
  onSaved,
  onCancel,
}: {
  lead: Lead;
  onSaved: (lead: Lead) => void;
  onCancel: () => void;
}) {
  const assistants = useAssistants();
  const schedules = useSchedules();
  const team = useTeam();
  const [d, setD] = useState<Draft>(draftOf(lead));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft) => (e: Event) => setD({ ...d, [k]: inputValue(e) });
  // A list's field error (tags.3) belongs next to the list.
  const errorOf = (k: string) =>
    errors[k] ?? Object.entries(errors).find(([f]) => f.startsWith(`${k}.`))?.[1] ?? undefined;

  const save = async (e: Event) => {
    e.preventDefault();
    const changes = changesOf(lead, d);
    if (!Object.keys(changes).length) return onCancel();
    setBusy(true);
    setErrors({});
    try {
      onSaved(await api<Lead>('PATCH', `/leads/${lead.id}`, changes));
    } catch (err) {
      setErrors(
        err instanceof ApiError && Object.keys(err.fields).length ? err.fields : { form: errorText(err) },
      );
    } finally {
      setBusy(false);
    }
  };

  const select = (
    k: 'scheduleId' | 'assistantId' | 'ownerId',
    label: string,
    options: { id: string; label: string }[],
  ) =>
    html`<${Field} id=${`edit-${k}`} label=${label} error=${errorOf(k)}>
      <select id=${`edit-${k}`} value=${d[k]} onChange=${set(k)} ...${described(`edit-${k}`, errorOf(k))}>
        ${options.map((o) => html`<option value=${o.id}>${o.label}</option>`)}
      </select>
    </${Field}>`;

  return html`<form class="card lead-edit" onSubmit=${save} aria-labelledby="edit-title" novalidate>
    <h2 id="edit-title">Edit lead</h2>
    ${errors.form && html`<p class="error" role="alert">${errors.form}</p>`}
    <div class="filter-row">
      ${text.map(
        (k) => html`<${Field} id=${`edit-${k}`} label=${labels[k]} error=${errorOf(k)}
          hint=${k === 'timeZone' ? 'IANA, e.g. Europe/Paris' : undefined}>
          <input id=${`edit-${k}`} value=${d[k]} onInput=${set(k)} ...${described(`edit-${k}`, errorOf(k), k === 'timeZone' ? 'hint' : undefined)} />
        </${Field}>`,
      )}
    </div>
    <${Field} id="edit-tags" label="Tags" error=${errorOf('tags')} hint="Comma-separated, e.g. vip, emea">
      <input id="edit-tags" value=${d.tags} onInput=${set('tags')} ...${described('edit-tags', errorOf('tags'), 'hint')} />
    </${Field}>
    <${Field} id="edit-customFields" label="Custom fields" error=${errorOf('customFields')} hint="One per line: name: value">
      <textarea id="edit-customFields" rows="3" value=${d.customFields} onInput=${set('customFields')} ...${described('edit-customFields', errorOf('customFields'), 'hint')}></textarea>
    </${Field}>
    <div class="filter-row">
      ${select(
        'scheduleId',
        'Schedule',
        schedules.map((s) => ({ id: s.id, label: s.name })),
      )}
      <${Field} id="edit-nextFollowUpAt" label="Next follow-up" error=${errorOf('nextFollowUpAt')} hint="Leave empty to keep it">
        <input id="edit-nextFollowUpAt" type="datetime-local" value=${d.nextFollowUpAt} onInput=${set('nextFollowUpAt')} ...${described('edit-nextFollowUpAt', errorOf('nextFollowUpAt'), 'hint')} />
      </${Field}>
      ${select(
        'assistantId',
        'Assistant',
        assistants.map((a) => ({ id: a.id, label: a.name })),
      )}
      ${select(
        'ownerId',
        'Owner',
        (team.some((u) => u.id === lead.ownerId)
          ? team
          : [...team, { id: lead.ownerId, name: '', email: lead.ownerId }]
        ).map((u) => ({ id: u.id, label: u.name || u.email })),
      )}
    </div>
    <div class="action-buttons">
      <button type="submit" class="primary" disabled=${busy}>${busy ? '…' : 'Save changes'}</button>
      <button type="button" onClick=${onCancel}>Cancel</button>
    </div>
  </form>`;
}
