import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { forgetTeam, useAssistants, useMe } from './data.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { dateTime } from './format.ts';
import { html } from './html.ts';
import type { Invitation, Team, TeamMember } from './types.ts';

/**
 * Team (SPEC §10.1, org admins): the users and their roles, the open
 * invitations (resend, cancel), inviting someone by email, and removing a
 * user with their leads handed to another (all to one, or per assistant).
 */
export function TeamPage() {
  const me = useMe();
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);

  const load = () => {
    forgetTeam();
    return api<Team>('GET', '/users').then(
      (t) => setTeam(t),
      (e) => setError(errorText(e)),
    );
  };
  useEffect(() => {
    load();
  }, []);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      await what();
      setNotice(done);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (me.role !== 'admin')
    return html`<h1 tabindex="-1">Team</h1>
      <p>Only the organisation's admins manage the team.</p>`;

  return html`<h1 tabindex="-1">Team</h1>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${notice && html`<p class="ok" role="status">${notice}</p>`}
    <${InviteForm} onInvited=${(email: string) => act(async () => {}, `Invitation sent to ${email}.`)} />
    <h2>Users</h2>
    ${
      team === null
        ? html`<p class="loading">Loading…</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col"><span class="visually-hidden">Remove</span></th>
                </tr>
              </thead>
              <tbody>
                ${team.users.map(
                  (u) => html`<tr>
                    <td>${u.name || '—'}${u.id === me.userId ? html` <span class="muted">(you)</span>` : null}</td>
                    <td>${u.email}</td>
                    <td>
                      <label class="visually-hidden" for=${`role-${u.id}`}>Role of ${u.email}</label>
                      <select
                        id=${`role-${u.id}`}
                        value=${u.role}
                        onChange=${(e: Event) => {
                          const role = inputValue(e);
                          act(
                            () => api('PATCH', `/users/${u.id}`, { role }),
                            `${u.email} is now ${role === 'admin' ? 'an admin' : 'a member'}.`,
                          );
                        }}
                      >
                        <option value="member">Member</option>
                        <option value="admin">Admin</option>
                      </select>
                    </td>
                    <td>
                      <button type="button" class="danger-outline" onClick=${() => setRemoving(u)}>Remove…</button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${
      removing &&
      team &&
      html`<${RemoveUser}
        user=${removing}
        others=${team.users.filter((u) => u.id !== removing.id)}
        onCancel=${() => setRemoving(null)}
        onRemoved=${(text: string) => {
          setRemoving(null);
          act(async () => {}, text);
        }}
      />`
    }
    <h2>Invitations</h2>
    ${
      team?.invitations?.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Link works until</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                ${team.invitations.map(
                  (i: Invitation) => html`<tr>
                    <td>${i.email}</td>
                    <td>${i.role === 'admin' ? 'Admin' : 'Member'}</td>
                    <td>${dateTime(i.sentAt)}</td>
                    <td>${i.expired ? html`<strong>Expired</strong>` : dateTime(i.expiresAt)}</td>
                    <td class="action-buttons">
                      <button
                        type="button"
                        aria-label=${`Resend the invitation to ${i.email}`}
                        onClick=${() => act(() => api('POST', `/invitations/${i.id}/resend`), `Invitation sent again to ${i.email}; the earlier link no longer works.`)}
                      >
                        Resend
                      </button>
                      <button
                        type="button"
                        class="danger-outline"
                        aria-label=${`Cancel the invitation to ${i.email}`}
                        onClick=${() => act(() => api('DELETE', `/invitations/${i.id}`), `Invitation to ${i.email} cancelled.`)}
                      >
                        Cancel
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">No open invitations.</p>`
    }`;
}

function InviteForm({ onInvited }: { onInvited: (email: string) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'member' | 'admin'>('member');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await api('POST', '/invitations', { email: email.trim(), role });
      onInvited(email.trim());
      setEmail('');
    } catch (err) {
      setErrors(
        err instanceof ApiError && Object.keys(err.fields).length ? err.fields : { email: errorText(err) },
      );
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="invite-title" novalidate>
    <h2 id="invite-title">Invite someone</h2>
    <p class="muted">They get an email with a link to choose their name and password. The link works once.</p>
    <div class="form-grid">
      <${Field} id="invite-email" label="Email" error=${errors.email} required>
        <input
          id="invite-email"
          type="email"
          required
          value=${email}
          onInput=${(e: Event) => setEmail(inputValue(e))}
          ...${described('invite-email', errors.email)}
        />
      </${Field}>
      <${Field} id="invite-role" label="Role" error=${errors.role}>
        <select id="invite-role" value=${role} onChange=${(e: Event) => setRole(inputValue(e) as 'member' | 'admin')}>
          <option value="member">Member: sees their own leads</option>
          <option value="admin">Admin: sees and manages everything</option>
        </select>
      </${Field}>
    </div>
    <button type="submit" class="primary" disabled=${busy}>${busy ? 'Sending…' : 'Send invitation'}</button>
  </form>`;
}

/** Who gets the leads: one person for all, or one per assistant. */
function RemoveUser({
  user,
  others,
  onCancel,
  onRemoved,
}: {
  user: TeamMember;
  others: TeamMember[];
  onCancel: () => void;
  onRemoved: (text: string) => void;
}) {
  const assistants = useAssistants();
  const [handTo, setHandTo] = useState(others[0]?.id ?? '');
  const [perAssistant, setPerAssistant] = useState(false);
  const [byAssistant, setByAssistant] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (u: TeamMember) => (u.name ? `${u.name} (${u.email})` : u.email);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const map = perAssistant
        ? Object.fromEntries(Object.entries(byAssistant).filter(([, v]) => v))
        : undefined;
      const r = await api<{ leadsHandedOver: number }>('POST', `/users/${user.id}/remove`, {
        handTo: handTo || undefined,
        ...(map && Object.keys(map).length ? { handToByAssistant: map } : {}),
      });
      onRemoved(
        `${user.email} was removed; ${r.leadsHandedOver} lead${r.leadsHandedOver === 1 ? '' : 's'} handed over.`,
      );
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  const picker = (id: string, value: string, set: (v: string) => void, blank?: string) =>
    html`<select id=${id} value=${value} onChange=${(e: Event) => set(inputValue(e))}>
      ${blank !== undefined && html`<option value="">${blank}</option>`}
      ${others.map((o) => html`<option value=${o.id}>${label(o)}</option>`)}
    </select>`;

  return html`<form class="card" onSubmit=${submit} aria-labelledby="remove-title">
    <h2 id="remove-title">Remove ${label(user)}</h2>
    <p>Their sessions and API keys stop working at once. Their leads go to someone else; each lead's timeline says so.</p>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${!others.length && html`<p class="error" role="alert">There is no one to hand their leads to: invite someone first.</p>`}
    <${Field} id="hand-to" label=${perAssistant ? 'Everything else goes to' : 'Hand their leads to'}>
      ${picker('hand-to', handTo, setHandTo)}
    </${Field}>
    <label>
      <input type="checkbox" checked=${perAssistant} onChange=${(e: Event) => setPerAssistant((e.target as HTMLInputElement).checked)} />
      Hand over per assistant
    </label>
    ${
      perAssistant &&
      assistants.map(
        (a) => html`<${Field} id=${`hand-to-${a.id}`} label=${`Leads of ${a.name} go to`}>
          ${picker(`hand-to-${a.id}`, byAssistant[a.id] ?? '', (v) => setByAssistant({ ...byAssistant, [a.id]: v }), 'The person above')}
        </${Field}>`,
      )
    }
    <div class="actions">
      <button type="submit" class="danger" disabled=${busy || !others.length}>${busy ? 'Removing…' : `Remove ${user.email}`}</button>
      <button type="button" onClick=${onCancel}>Keep</button>
    </div>
  </form>`;
}
