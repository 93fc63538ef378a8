import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { AssistantArchivePanel } from './assistant-archive-panel.ts';
import { AssistantAvatarField } from './assistant-avatar-field.ts';
import { AssistantMailboxPanel } from './assistant-mailbox-panel.ts';
import { AssistantSubnav } from './assistant-subnav.ts';
import { forgetAssistants, useMe, useSchedules } from './data.ts';
import { html } from './html.ts';
import { type FormValues, minutesToTime, SettingsForm, timeToMinutes } from './settings-form.ts';
import type { Assistant } from './types.ts';

/** An empty text field means "none" for the nullable settings. */
const orNull = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);

/**
 * SPEC §3, §10.1: one assistant's settings — Profile, Defaults, Preferences,
 * Mailbox, Archive — each section its own form with errors next to the
 * field. Admins change them; members see them read-only.
 */
export function AssistantSettingsPage({ id }: { id: string }) {
  const me = useMe();
  const readOnly = me.role !== 'admin';
  const schedules = useSchedules();
  const [a, setA] = useState<Assistant | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Assistant>('GET', `/assistants/${encodeURIComponent(id)}`).then(setA, (e) => setError(errorText(e)));
  }, [id]);

  if (error) return html`<h1 tabindex="-1">Assistant</h1><p role="alert" class="error">${error}</p>`;
  if (!a) return html`<h1 tabindex="-1">Assistant</h1><p class="loading">Loading…</p>`;

  const patch = async (body: Record<string, unknown>, done: string) => {
    const next = await api<Assistant>('PATCH', `/assistants/${a.id}`, body);
    setA(next);
    forgetAssistants();
    return done;
  };
  const scheduleOptions = (none: string): [string, string][] => [
    ['', none],
    ...schedules.map((s): [string, string] => [s.id, `${s.name} (days ${s.steps.join(', ')})`]),
  ];

  return html`<${AssistantSubnav} id=${a.id} current="settings" />
    <h1 tabindex="-1">${a.name} <span class="muted small">${a.email}</span></h1>
    ${a.archivedAt && html`<p class="error" role="status">Archived on ${a.archivedAt.slice(0, 10)}: it takes no lead, reads no mailbox and sends nothing.</p>`}
    <p><a href="/schedules">Schedules</a> are shared by the whole organisation.</p>
    ${readOnly && html`<p class="muted">Only admins change an assistant's settings.</p>`}

    <${AssistantAvatarField} assistant=${a} readOnly=${readOnly} onChange=${setA} />
    <${SettingsForm}
      id="profile"
      title="Profile"
      readOnly=${readOnly}
      initial=${{ name: a.name, email: a.email, phone: a.phone ?? '', signature: a.signature }}
      fields=${[
        { name: 'name', label: 'Name', required: true },
        {
          name: 'email',
          label: 'Sending email',
          kind: 'email',
          required: true,
          hint: 'The address it sends from; no other assistant may use it',
        },
        { name: 'phone', label: 'Phone', kind: 'tel', hint: 'International form, e.g. +447700900123' },
        { name: 'signature', label: 'Signature', kind: 'textarea' },
      ]}
      save=${(v: FormValues) =>
        patch(
          { name: v.name, email: v.email, phone: orNull(v.phone), signature: v.signature },
          'Profile saved.',
        )}
    />
    <${SettingsForm}
      id="defaults"
      title="Defaults"
      readOnly=${readOnly}
      initial=${{
        brochureUrl: a.brochureUrl ?? '',
        moreContext: a.moreContext,
        moreInformation: a.moreInformation,
        calendarUrl: a.calendarUrl ?? '',
        riskReminderEveryDays: String(a.riskReminderEveryDays),
        riskReminderTimes: String(a.riskReminderTimes),
        defaultScheduleId: a.defaultScheduleId ?? '',
        defaultEmailccScheduleId: a.defaultEmailccScheduleId ?? '',
      }}
      fields=${[
        {
          name: 'brochureUrl',
          label: 'Brochure URL',
          kind: 'url',
          hint: 'Sent when a lead asks for the brochure or deck',
        },
        {
          name: 'moreContext',
          label: 'More Context',
          kind: 'textarea',
          hint: 'Used for a lead added without context',
        },
        {
          name: 'moreInformation',
          label: 'More Information',
          kind: 'textarea',
          hint: 'Kept as written in its emails',
        },
        {
          name: 'calendarUrl',
          label: 'Shared Calendar URL',
          kind: 'url',
          hint: 'Behind "Book a Meeting" in its emails',
        },
        {
          name: 'riskReminderEveryDays',
          label: 'At-risk reminder every (days)',
          kind: 'number',
          min: 1,
          max: 30,
        },
        { name: 'riskReminderTimes', label: 'At-risk reminder times', kind: 'number', min: 0, max: 20 },
        {
          name: 'defaultScheduleId',
          label: 'Default schedule',
          kind: 'select',
          options: scheduleOptions('None'),
        },
        {
          name: 'defaultEmailccScheduleId',
          label: 'Default EmailCC schedule',
          kind: 'select',
          options: scheduleOptions('None'),
        },
      ]}
      save=${(v: FormValues) =>
        patch(
          {
            brochureUrl: orNull(v.brochureUrl),
            moreContext: v.moreContext,
            moreInformation: v.moreInformation,
            calendarUrl: orNull(v.calendarUrl),
            riskReminderEveryDays: num(v.riskReminderEveryDays),
            riskReminderTimes: num(v.riskReminderTimes),
            defaultScheduleId: orNull(v.defaultScheduleId),
            defaultEmailccScheduleId: orNull(v.defaultEmailccScheduleId),
          },
          'Defaults saved.',
        )}
    />
    <${SettingsForm}
      id="preferences"
      title="Preferences"
      readOnly=${readOnly}
      initial=${{
        autoActivate: a.autoActivate,
        defaultLeadName: a.defaultLeadName,
        emailccReservePercent: String(a.emailccReservePercent),
      }}
      fields=${[
        {
          name: 'autoActivate',
          label: 'Activate new leads automatically',
          kind: 'checkbox',
          hint: 'Every day at 10:00 GMT, as the plan has room',
        },
        {
          name: 'defaultLeadName',
          label: 'Default lead name for EmailCC',
          hint: 'For a lead copied without a name. Empty: the part of the address before @, capitalised (jane.doe@… → Jane.doe)',
        },
        {
          name: 'emailccReservePercent',
          label: 'EmailCC reserve (%)',
          kind: 'number',
          min: 0,
          max: 50,
          hint: 'Share of the plan only EmailCC leads may use',
        },
      ]}
      save=${(v: FormValues) =>
        patch(
          {
            autoActivate: v.autoActivate,
            defaultLeadName: v.defaultLeadName,
            emailccReservePercent: num(v.emailccReservePercent),
          },
          'Preferences saved.',
        )}
    />
    <${SettingsForm}
      id="sending"
      title="Sending"
      readOnly=${readOnly}
      initial=${{
        sendDays: a.sendDays,
        sendStart: minutesToTime(a.sendStartMinute),
        sendEnd: minutesToTime(a.sendEndMinute % 1440),
        dailyCap: String(a.dailyCap),
        trackOpens: a.trackOpens,
        trackClicks: a.trackClicks,
      }}
      fields=${[
        { name: 'sendDays', label: 'Send on', kind: 'days' },
        { name: 'sendStart', label: 'From', kind: 'time' },
        {
          name: 'sendEnd',
          label: 'Until',
          kind: 'time',
          hint: "In the lead's time zone; 00:00 is the day's end",
        },
        { name: 'dailyCap', label: 'Daily cap (emails)', kind: 'number', min: 1 },
        { name: 'trackOpens', label: 'Track opens', kind: 'checkbox' },
        { name: 'trackClicks', label: 'Track clicks', kind: 'checkbox' },
      ]}
      save=${async (v: FormValues) => {
        const end = timeToMinutes(String(v.sendEnd));
        try {
          await api('PATCH', `/assistants/${a.id}/sending`, {
            sendDays: v.sendDays,
            sendStartMinute: timeToMinutes(String(v.sendStart)),
            sendEndMinute: end === 0 ? 1440 : end,
            dailyCap: num(v.dailyCap),
            trackOpens: v.trackOpens,
            trackClicks: v.trackClicks,
          });
        } catch (e) {
          // The API names its own fields; the form's time inputs stand for two of them.
          const err = e as { fields?: Record<string, string> };
          if (err.fields?.sendStartMinute) err.fields.sendStart = err.fields.sendStartMinute;
          if (err.fields?.sendEndMinute) err.fields.sendEnd = err.fields.sendEndMinute;
          throw e;
        }
        setA(await api<Assistant>('GET', `/assistants/${a.id}`));
        return 'Sending saved.';
      }}
    />
    <${AssistantMailboxPanel} assistant=${a} readOnly=${readOnly} onChange=${setA} />
    ${!readOnly && html`<${AssistantArchivePanel} assistant=${a} onChange=${setA} />`}`;
}
