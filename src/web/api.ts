/**
 * The one way the app talks to the server: JSON over /api/v1 with the session
 * cookie. A failure is an ApiError carrying the API's code, message and field.
 */

type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    field?: string;
    details?: { issues?: { field: string; message: string }[] };
  };
};

export class ApiError extends Error {
  status: number;
  code: string;
  field: string | undefined;
  /** Field → what is wrong with it, for showing next to each input. */
  fields: Record<string, string>;

  constructor(status: number, body: ErrorBody | null, fallback: string) {
    const e = body?.error;
    super(e?.message ?? fallback);
    this.status = status;
    this.code = e?.code ?? `HTTP_${status}`;
    this.field = e?.field;
    this.fields = {};
    for (const issue of e?.details?.issues ?? []) this.fields[issue.field] ??= issue.message;
    if (e?.field && !this.fields[e.field]) this.fields[e.field] = withoutField(e.message ?? '', e.field);
  }
}

/** "email: not a valid email address" → "not a valid email address". */
const withoutField = (message: string, field: string) =>
  message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;

let onSignedOut = () => {};

/** What to do when the session is gone (a 401 from anything but the login itself). */
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, null, 'The server could not be reached; check your connection and try again');
  }
  const text = res.status === 204 ? '' : await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {}
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/auth/')) onSignedOut();
    throw new ApiError(res.status, data as ErrorBody | null, text || res.statusText);
  }
  return data as T;
}

/** A query string from the set values of an object (`?a=1&b=x`, or '' when none). */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const errorText = (e: unknown): string =>
  e instanceof Error ? e.message : typeof e === 'string' ? e : 'Something went wrong';
