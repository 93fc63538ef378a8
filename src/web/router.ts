import { useEffect, useState } from 'preact/hooks';

/**
 * A small history router: the address bar is the app's state (filters
 * included), so every screen can be reloaded, bookmarked and shared.
 */
const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};
window.addEventListener('popstate', changed);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  changed();
}

export type Location = { path: string; query: URLSearchParams };

export function useLocation(): Location {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

/** `/leads/:id` against `/leads/42` → { id: '42' }; null when it doesn't match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const clean = (x: string) => x.replace(/\/+$/, '') || '/';
  const p = clean(pattern).split('/');
  const s = clean(path).split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(s[i]!);
    else if (part !== s[i]) return null;
  }
  return params;
}

/** Same-origin links to app pages change the view without reloading; API links and downloads load. */
export function interceptLinks(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  if (/^\/(api|vendor|app|t|u)\//.test(a.pathname)) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
}
