/**
 * The one-time token of an emailed link (`/accept-invitation#token=…`). It
 * rides after `#`, so it never reaches a server log or a Referer header;
 * once read, it is taken out of the address bar (and the history).
 */
export function takeLinkToken(): string {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return token;
}
