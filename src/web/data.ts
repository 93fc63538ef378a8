import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import type { Assistant, Me, Schedule, TeamMember } from './types.ts';

/** The signed-in user, for every screen. */
export const MeContext = createContext<Me | null>(null);
export const useMe = () => useContext(MeContext)!;

/** Lists that change rarely, fetched once per sign-in and shared by every screen that needs them. */
const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export const forgetCached = () => cache.clear();

export const loadAssistants = () =>
  cached('assistants', () => api<{ items: Assistant[] }>('GET', '/assistants').then((r) => r.items));
/** After an assistant is created, changed or archived, the next reader loads the list again. */
export const forgetAssistants = () => cache.delete('assistants');
export const loadSchedules = () =>
  cached('schedules', () => api<{ items: Schedule[] }>('GET', '/schedules').then((r) => r.items));

function useLoaded<T>(load: () => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => live && setItems(v),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return items;
}

export const loadTeam = () =>
  cached('users', () => api<{ users: TeamMember[] }>('GET', '/users').then((r) => r.users));
/** After a change to the team (a role, a removal), the next reader loads it again. */
export const forgetTeam = () => cache.delete('users');

/** After a schedule is created, edited, cloned or deleted, the next reader loads the list again. */
export const forgetSchedules = () => cache.delete('schedules');

export const useAssistants = () => useLoaded(loadAssistants);
export const useTeam = () => useLoaded(loadTeam);
export const useSchedules = () => useLoaded(loadSchedules);

/** Who owns a lead, as the viewer reads it: you, or the user's name (else email) from the team list. */
export function ownerLabel(ownerId: string, me: Me, team: TeamMember[]): string {
  if (ownerId === me.userId) return 'You';
  const user = team.find((u) => u.id === ownerId);
  return user ? user.name || user.email : `User ${ownerId.slice(0, 8)}`;
}
