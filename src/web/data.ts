import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import type { Assistant, Me, Schedule } from './types.ts';

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

export const useAssistants = () => useLoaded(loadAssistants);
export const useSchedules = () => useLoaded(loadSchedules);

/** Who owns a lead, as the viewer reads it (the API has no user directory yet). */
export const ownerLabel = (ownerId: string, me: Me) =>
  ownerId === me.userId ? 'You' : `User ${ownerId.slice(0, 8)}`;
