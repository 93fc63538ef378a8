import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { forgetSchedules, useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import { navigate } from './router.ts';
import { daysText } from './schedules-page.ts';
import type { Schedule } from './types.ts';

type Updated = Schedule & { replannedLeads: number };

/** A day as typed: a whole number goes as a number, anything else as typed for the API to name. */
const dayValue = (d: string): unknown => (/^\s*\d+\s*$/.test(d) ? Number(d) : d);

/**
 * One schedule (SPEC §5.1). Admins rename it, add, remove and reorder its
 * days (each day's error from the API sits next to it), choose the step it
 * starts at, clone or delete it; saving re-plans the leads still on it and
 * says how many. Members see it read-only.
 */
export function SchedulePage({ id }: { id: string }) {
  const admin = useMe().role === 'admin';
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [days, setDays] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (s: Schedule) => {
    setSchedule(s);
    setName(s.name);
    setDays(s.steps.map(String));
    setStartsAt(s.startsAtStep);
  };
  useEffect(() => {
    api<Schedule>('GET', `/schedules/${encodeURIComponent(id)}`).then(show, (e) =>
      setLoadError(errorText(e)),
    );
  }, [id]);

  const failed = (err: unknown) => {
    setBusy(false);
    if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
    else setFormError(errorText(err));
  };
  const clear = () => {
    setErrors({});
    setFormError(null);
    setStatus(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      const r = await api<Updated>('PATCH', `/schedules/${encodeURIComponent(id)}`, {
        name: name.trim(),
        steps: days.map(dayValue),
        startsAtStep: startsAt,
      });
      forgetSchedules();
      show(r);
      setBusy(false);
      setStatus(
        `Saved. ${r.replannedLeads === 1 ? '1 lead was' : `${r.replannedLeads} leads were`} re-planned.`,
      );
    } catch (err) {
      failed(err);
    }
  };
  const clone = async () => {
    clear();
    try {
      const copy = await api<Schedule>('POST', `/schedules/${encodeURIComponent(id)}/clone`, {});
      forgetSchedules();
      navigate(`/schedules/${copy.id}`);
    } catch (err) {
      failed(err);
    }
  };
  const remove = async () => {
    clear();
    if (!confirm(`Delete the schedule “${schedule?.name}”?`)) return;
    try {
      await api('DELETE', `/schedules/${encodeURIComponent(id)}`);
      forgetSchedules();
      navigate('/schedules');
    } catch (err) {
      // In use: the API's message says by how many leads and assistants.
      failed(err);
    }
  };

  const setDay = (i: number) => (e: Event) => setDays(days.map((d, j) => (j === i ? inputValue(e) : d)));
  const move = (i: number, by: number) => {
    const next = [...days];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setDays(next);
  };
  const removeDay = (i: number) => {
    setDays(days.filter((_, j) => j !== i));
    if (startsAt >= days.length - 1) setStartsAt(Math.max(0, days.length - 2));
  };
  const addDay = () => {
    const last = Number(days.at(-1) ?? -7);
    setDays([...days, String(Number.isFinite(last) ? last + 7 : 0)]);
  };

  if (loadError)
    return html`<h1 tabindex="-1">Schedule</h1>
      <p role="alert" class="error">${loadError}</p>
      <p><a href="/schedules">All schedules</a></p>`;
  if (!schedule) return html`<p class="loading">Loading…</p>`;

  const crumbs = html`<p class="crumbs"><a href="/schedules">Schedules</a> › ${schedule.name}</p>`;
  const used = `Used by ${schedule.usedBy.assistants} assistant${schedule.usedBy.assistants === 1 ? '' : 's'} and ${schedule.usedBy.leads} lead${schedule.usedBy.leads === 1 ? '' : 's'} (${schedule.usedBy.activeLeads} running).`;
  if (!admin)
    return html`${crumbs}<h1 tabindex="-1">${schedule.name}</h1>
      <p>Days: ${daysText(schedule)}. Starts at step ${schedule.startsAtStep + 1}.</p>
      <p class="muted">${used} Only admins change schedules.</p>`;

  const stepsError = errors.steps;
  return html`${crumbs}<h1 tabindex="-1">${schedule.name}</h1>
    <p class="muted">${used}</p>
    <p role="status" aria-live="polite" class=${status ? 'ok' : undefined}>${status ?? ''}</p>
    ${formError ? html`<p role="alert" class="error">${formError}</p>` : null}
    <form class="card" onSubmit=${save} novalidate>
      <${Field} id="schedule-name" label="Name" error=${errors.name} required>
        <input id="schedule-name" value=${name} onInput=${(e: Event) => setName(inputValue(e))}
          ...${described('schedule-name', errors.name)} />
      </${Field}>
      <fieldset>
        <legend>Steps: days from the first email</legend>
        ${stepsError ? html`<p class="field-error" id="schedule-steps-error" role="alert">${stepsError}</p>` : null}
        <ol class="step-list">
          ${days.map((d, i) => {
            const fid = `schedule-step-${i}`;
            const err = errors[`steps.${i}`];
            return html`<li key=${i}>
              <${Field} id=${fid} label=${`Step ${i + 1}, day`} error=${err}>
                <input id=${fid} type="number" min="0" inputmode="numeric" value=${d} onInput=${setDay(i)}
                  ...${described(fid, err)} />
              </${Field}>
              <button type="button" onClick=${() => move(i, -1)} disabled=${i === 0}
                aria-label=${`Move step ${i + 1} up`}>↑</button>
              <button type="button" onClick=${() => move(i, 1)} disabled=${i === days.length - 1}
                aria-label=${`Move step ${i + 1} down`}>↓</button>
              <button type="button" onClick=${() => removeDay(i)} disabled=${days.length === 1}
                aria-label=${`Remove step ${i + 1}`}>Remove</button>
            </li>`;
          })}
        </ol>
        <button type="button" onClick=${addDay}>Add a step</button>
      </fieldset>
      <${Field} id="schedule-starts-at" label="Starts at step" error=${errors.startsAtStep}
        hint="The first step the assistant sends: step 2 for EmailCC, where the user’s own email is the first">
        <select id="schedule-starts-at" value=${String(startsAt)}
          onChange=${(e: Event) => setStartsAt(Number(inputValue(e)))}
          ...${described('schedule-starts-at', errors.startsAtStep, 'hint')}>
          ${days.map((d, i) => html`<option value=${String(i)}>Step ${i + 1} (day ${d})</option>`)}
        </select>
      </${Field}>
      <div class="actions">
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Saving…' : 'Save'}</button>
        <button type="button" onClick=${clone}>Clone</button>
        <button type="button" class="danger-outline" onClick=${remove}>Delete</button>
      </div>
    </form>`;
}
