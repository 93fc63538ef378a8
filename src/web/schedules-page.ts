import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { forgetSchedules, useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { navigate } from './router.ts';
import type { Schedule } from './types.ts';

/** "0, 2, 5" → [0, 2, 5]; what is not a number goes to the API as is, which names it. */
export const parseDays = (text: string): unknown[] =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((d) => (/^\d+$/.test(d) ? Number(d) : d));

export const daysText = (s: Pick<Schedule, 'steps'>) => s.steps.join(', ');

/**
 * The org's schedules (SPEC §5.1): each one's days, the step it starts at and
 * who uses it; admins create one here and edit it on its own page.
 */
export function SchedulesPage() {
  const me = useMe();
  const admin = me.role === 'admin';
  const [items, setItems] = useState<Schedule[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ items: Schedule[] }>('GET', '/schedules').then(
      (r) => setItems(r.items),
      (e) => setError(errorText(e)),
    );
  }, []);

  return html`<h1 tabindex="-1">Schedules</h1>
    <p class="muted">
      A schedule is the days, counted from the first email, on which an assistant writes to a lead.
      ${admin ? ' Editing one re-plans the leads still on it.' : ' Only admins change them.'}
    </p>
    ${error ? html`<p role="alert" class="error">${error}</p>` : null}
    ${
      items === null
        ? error
          ? null
          : html`<p class="loading">Loading…</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Days</th>
                  <th scope="col">Starts at step</th>
                  <th scope="col">Assistants</th>
                  <th scope="col">Leads (running)</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (s) => html`<tr>
                    <td><a href=${`/schedules/${s.id}`}>${s.name}</a></td>
                    <td>${daysText(s)}</td>
                    <td>${s.startsAtStep + 1}</td>
                    <td>${s.usedBy.assistants}</td>
                    <td>${s.usedBy.leads} (${s.usedBy.activeLeads})</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${admin ? html`<${NewSchedule} />` : null}`;
}

function NewSchedule() {
  const [name, setName] = useState('');
  const [days, setDays] = useState('0, 3, 7, 14');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const created = await api<Schedule>('POST', '/schedules', {
        name: name.trim(),
        steps: parseDays(days),
      });
      forgetSchedules();
      navigate(`/schedules/${created.id}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        // A step's own error ("steps.2: …") belongs to the days field here.
        const mapped: Record<string, string> = {};
        for (const [f, m] of Object.entries(err.fields)) {
          const key = f.startsWith('steps') ? 'steps' : f;
          mapped[key] ??= f.startsWith('steps.') ? `step ${Number(f.slice(6)) + 1}: ${m}` : m;
        }
        setErrors(mapped);
      } else setFormError(errorText(err));
    }
  };

  const daysHint = 'Days from the first email, separated by commas; the first is 0';
  return html`<section aria-labelledby="new-schedule" class="card">
    <h2 id="new-schedule">New schedule</h2>
    <form class="form-grid" onSubmit=${submit} novalidate>
      ${formError ? html`<p role="alert" class="error wide">${formError}</p>` : null}
      <${Field} id="schedule-name" label="Name" error=${errors.name} required>
        <input id="schedule-name" value=${name} onInput=${(e: Event) => setName(inputValue(e))}
          ...${described('schedule-name', errors.name)} />
      </${Field}>
      <${Field} id="schedule-steps" label="Days" error=${errors.steps} hint=${daysHint} required>
        <input id="schedule-steps" value=${days} onInput=${(e: Event) => setDays(inputValue(e))}
          ...${described('schedule-steps', errors.steps, daysHint)} />
      </${Field}>
      <div class="actions wide">
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Creating…' : 'Create schedule'}</button>
      </div>
    </form>
  </section>`;
}
