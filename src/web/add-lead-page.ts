import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { useAssistants, useSchedules } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { manualSources, sourceLabels } from './format.ts';
import { html } from './html.ts';
import { navigate } from './router.ts';
import type { Lead } from './types.ts';

type Form = Record<string, string>;

const referredByHint = 'Who referred them: the emails name this person (else “a mutual contact”)';

const text = (f: Form, k: string) => f[k]?.trim() || undefined;

/** The body of POST /api/v1/leads from the form: empty fields left out, the first-send time as an instant. */
function body(f: Form) {
  const local = text(f, 'firstSendAt');
  return {
    email: f.email ?? '',
    firstName: text(f, 'firstName'),
    lastName: text(f, 'lastName'),
    company: text(f, 'company'),
    title: text(f, 'title'),
    phone: text(f, 'phone'),
    country: text(f, 'country'),
    source: f.source,
    context: text(f, 'context'),
    additionalInformation: text(f, 'additionalInformation'),
    assistantId: text(f, 'assistantId'),
    scheduleId: text(f, 'scheduleId'),
    firstSendAt: local ? new Date(local).toISOString() : undefined,
    // A referral's emails name who referred the lead (compose/lead-source-templates.ts).
    customFields:
      f.source === 'reference' && text(f, 'referredBy') ? { referred_by: text(f, 'referredBy')! } : undefined,
  };
}

/** Add one lead (SPEC §2): its first email is planned at once, inside the assistant's send window. */
export function AddLeadPage() {
  const assistants = useAssistants();
  const schedules = useSchedules();
  const [form, setForm] = useState<Form>({ source: 'event' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!form.assistantId && assistants[0]) setForm((f) => ({ ...f, assistantId: assistants[0]!.id }));
  }, [assistants]);

  const set = (k: string) => (e: Event) => setForm({ ...form, [k]: inputValue(e) });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const lead = await api<Lead>('POST', '/leads', body(form));
      navigate(`/leads/${lead.id}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).some((k) => k in body(form))) {
        setErrors(err.fields);
        document.getElementById(`lead-${Object.keys(err.fields)[0]}`)?.focus();
      } else setFormError(errorText(err));
    }
  };

  const input = (k: string, label: string, opts: { type?: string; required?: boolean; hint?: string } = {}) =>
    html`<${Field} id=${`lead-${k}`} label=${label} error=${errors[k]} hint=${opts.hint} required=${opts.required}>
      <input
        id=${`lead-${k}`}
        name=${k}
        type=${opts.type ?? 'text'}
        value=${form[k] ?? ''}
        onInput=${set(k)}
        required=${opts.required}
        ...${described(`lead-${k}`, errors[k], opts.hint)}
      />
    </${Field}>`;

  const area = (k: string, label: string, hint: string) =>
    html`<${Field} id=${`lead-${k}`} label=${label} error=${errors[k]} hint=${hint}>
      <textarea id=${`lead-${k}`} name=${k} rows="3" value=${form[k] ?? ''} onInput=${set(k)}
        ...${described(`lead-${k}`, errors[k], hint)}></textarea>
    </${Field}>`;

  const select = (k: string, label: string, options: [string, string][], hint?: string) =>
    html`<${Field} id=${`lead-${k}`} label=${label} error=${errors[k]} hint=${hint}>
      <select id=${`lead-${k}`} name=${k} value=${form[k] ?? ''} onChange=${set(k)}
        ...${described(`lead-${k}`, errors[k], hint)}>
        ${options.map(([v, l]) => html`<option value=${v}>${l}</option>`)}
      </select>
    </${Field}>`;

  return html`<h1 tabindex="-1">Add a lead</h1>
    <form class="card form-grid" onSubmit=${submit} novalidate aria-describedby="add-lead-intro">
      <p id="add-lead-intro" class="muted wide">
        The assistant writes to the lead from its own mailbox, shaped by the source and context. Fields marked * are needed.
      </p>
      ${formError && html`<p role="alert" class="error wide">${formError}</p>`}
      ${input('email', 'Email', { type: 'email', required: true })}
      ${input('firstName', 'First name')} ${input('lastName', 'Last name')} ${input('company', 'Company')}
      ${input('title', 'Title')} ${input('phone', 'Phone', { type: 'tel' })}
      ${input('country', 'Country', { hint: 'Helps guess the time zone and holidays' })}
      ${select(
        'source',
        'Source',
        manualSources.map((s) => [s, sourceLabels[s]]),
        'Where the lead came from',
      )}
      ${
        form.source === 'reference'
          ? html`<${Field}
              id="lead-referredBy"
              label="Referred by"
              error=${errors['customFields.referred_by']}
              hint=${referredByHint}
            >
              <input
                id="lead-referredBy"
                name="referredBy"
                value=${form.referredBy ?? ''}
                onInput=${set('referredBy')}
                ...${described('lead-referredBy', errors['customFields.referred_by'], referredByHint)}
              />
            </${Field}>`
          : null
      }
      ${area('context', 'Context', 'The event’s name, the product they looked at, what you discussed… Empty: the assistant’s More Context')}
      ${area('additionalInformation', 'Additional information', 'A line or two the assistant keeps as written. Empty: the assistant’s More Information')}
      ${select(
        'assistantId',
        'Assistant',
        assistants.map((a) => [a.id, `${a.name} <${a.email}>`]),
      )}
      ${select('scheduleId', 'Schedule', [
        ['', 'The assistant’s default'],
        ...schedules.map((s): [string, string] => [s.id, `${s.name} (days ${s.steps.join(', ')})`]),
      ])}
      ${input('firstSendAt', 'First email at', { type: 'datetime-local', hint: 'Empty: as soon as the send window allows' })}
      <div class="actions wide">
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Adding…' : 'Add lead'}</button>
        <a href="/leads" class="button">Cancel</a>
      </div>
    </form>`;
}
