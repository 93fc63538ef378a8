import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { AssistantSubnav } from './assistant-subnav.ts';
import { useAssistants, useMe, useTeam } from './data.ts';
import { html } from './html.ts';
import type { Assistant, AssistantUser } from './types.ts';

/**
 * SPEC §10.2: who works with each assistant. An admin assigns users to an
 * assistant and makes some of them its Assistant Managers (who then see,
 * edit, add for and re-own the leads of every user of it); a manager sees
 * the list of the assistants they manage. Users are picked from the team
 * list (those not on the assistant yet).
 */
export function AssistantUsersPage({ id }: { id?: string } = {}) {
  const me = useMe();
  // On /assistants/:id/users: that assistant only (the settings page links here).
  const assistants = useAssistants().filter((a) => !id || a.id === id);
  const [status, setStatus] = useState<string | null>(null);
  return html`${id && html`<${AssistantSubnav} id=${id} current="users" />`}
    <h1 tabindex="-1">Assistants' users</h1>
    <p class="muted">
      Each assistant's users see its settings; its managers also see and edit every lead on it, add leads for its users
      and hand leads among them.${me.role === 'admin' ? ' Only admins change who is on an assistant.' : ''}
    </p>
    <p role="status" aria-live="polite">${status ?? ''}</p>
    ${assistants.map((a) => html`<${AssistantUsers} key=${a.id} assistant=${a} onStatus=${setStatus} />`)}`;
}

function AssistantUsers({ assistant, onStatus }: { assistant: Assistant; onStatus: (s: string) => void }) {
  const me = useMe();
  const team = useTeam();
  const admin = me.role === 'admin';
  const [items, setItems] = useState<AssistantUser[] | null>(null);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [userId, setUserId] = useState('');
  const [manager, setManager] = useState(false);
  const base = `/assistants/${assistant.id}/users`;

  const load = () =>
    api<{ items: AssistantUser[] }>('GET', base).then(
      (r) => setItems(r.items),
      // Not one of theirs to manage: the assistant is simply not listed here.
      (e) =>
        (e as { status?: number }).status === 403 || (e as { status?: number }).status === 404
          ? setHidden(true)
          : setError(errorText(e)),
    );
  useEffect(() => {
    load();
  }, [assistant.id]);

  const put = async (id: string, asManager: boolean, done: string) => {
    setError(null);
    // The box shows the choice at once: a re-render before the reload (the status line) must not undo the click.
    setItems((old) => old?.map((u) => (u.userId === id ? { ...u, manager: asManager } : u)) ?? old);
    try {
      await api('PUT', `${base}/${encodeURIComponent(id)}`, { manager: asManager });
      onStatus(done);
      await load();
    } catch (e) {
      setError(errorText(e));
      await load();
    }
  };
  const remove = async (u: AssistantUser) => {
    setError(null);
    try {
      await api('DELETE', `${base}/${u.userId}`);
      onStatus(`${u.email} is no longer on ${assistant.name}.`);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (hidden) return null;
  const headingId = `assistant-${assistant.id}`;
  return html`<section aria-labelledby=${headingId}>
    <h2 id=${headingId}>${assistant.name} <span class="muted">${assistant.email}</span></h2>
    ${error ? html`<p role="alert" class="error">${error}</p>` : null}
    ${
      items === null
        ? html`<p class="loading">Loading…</p>`
        : items.length === 0
          ? html`<p class="muted">Nobody is assigned yet: only admins and the owners of its leads see it.</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Role</th>
                    <th scope="col">Assistant Manager</th>
                    ${admin ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null}
                  </tr>
                </thead>
                <tbody>
                  ${items.map(
                    (u) => html`<tr>
                      <td>${u.name || u.email}${u.name ? html` <span class="muted">${u.email}</span>` : null}</td>
                      <td>${u.role === 'admin' ? 'Admin' : 'Member'}</td>
                      <td>
                        ${
                          admin
                            ? html`<input
                                type="checkbox"
                                aria-label=${`${u.email} manages ${assistant.name}`}
                                checked=${u.manager}
                                onChange=${() =>
                                  put(
                                    u.userId,
                                    !u.manager,
                                    u.manager
                                      ? `${u.email} no longer manages ${assistant.name}.`
                                      : `${u.email} now manages ${assistant.name}.`,
                                  )}
                              />`
                            : u.manager
                              ? 'Yes'
                              : 'No'
                        }
                      </td>
                      ${
                        admin
                          ? html`<td class="actions">
                              <button type="button" onClick=${() => remove(u)}>Remove</button>
                            </td>`
                          : null
                      }
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }
    ${
      admin
        ? html`<form
            class="inline-form"
            onSubmit=${(e: Event) => {
              e.preventDefault();
              const id = userId.trim();
              if (id) put(id, manager, `Assigned to ${assistant.name}.`).then(() => setUserId(''));
            }}
          >
            <label for=${`assign-${assistant.id}`}>User</label>
            <select
              id=${`assign-${assistant.id}`}
              value=${userId}
              onChange=${(e: Event) => setUserId((e.target as HTMLSelectElement).value)}
            >
              <option value="">Choose a user…</option>
              ${team
                .filter((u) => !items?.some((a) => a.userId === u.id))
                .map(
                  (u) => html`<option value=${u.id}>${u.name ? `${u.name} (${u.email})` : u.email}</option>`,
                )}
            </select>
            <label>
              <input
                type="checkbox"
                checked=${manager}
                onChange=${(e: Event) => setManager((e.target as HTMLInputElement).checked)}
              />
              Assistant Manager
            </label>
            <button type="submit">Assign</button>
          </form>`
        : null
    }
  </section>`;
}
