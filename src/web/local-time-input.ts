/**
 * A `datetime-local` input speaks the browser's wall clock without a zone
 * ("2026-12-10T15:30"); the API speaks ISO 8601 instants. These convert.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(iso: string | Date): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "" stays absent; an unreadable value is passed on as written, for the API to name in its 400. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
