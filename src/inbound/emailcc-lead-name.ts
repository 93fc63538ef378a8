/**
 * The name of a lead an EmailCC creates (SPEC §6.5, §3): from the `To`
 * recipient's display name (`Name <email>`), split into first and last name
 * ("Last, First" as a mail client writes it, else the first word and the
 * rest); without one, the assistant's "default lead name" preference
 * (`Sir/Madam` unless changed); saved empty, the part of the address before
 * `@`, capitalised.
 */
export function emailCcLeadName(
  displayName: string,
  email: string,
  defaultLeadName: string,
): { firstName: string; lastName: string | null } {
  const name = unquoted(displayName.replace(/\s+/g, ' ').trim());
  // A client that shows the address as the name has given no name.
  if (name && !name.includes('@')) {
    const comma = name.indexOf(',');
    if (comma > 0 && comma < name.length - 1)
      return { firstName: name.slice(comma + 1).trim(), lastName: name.slice(0, comma).trim() || null };
    const space = name.indexOf(' ');
    return space > 0
      ? { firstName: name.slice(0, space), lastName: name.slice(space + 1) }
      : { firstName: name.replace(/,/g, ''), lastName: null };
  }
  const preferred = defaultLeadName.trim();
  if (preferred) return { firstName: preferred, lastName: null };
  const local = email.slice(0, Math.max(0, email.lastIndexOf('@'))) || email;
  return { firstName: local.charAt(0).toUpperCase() + local.slice(1), lastName: null };
}

function unquoted(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === '"' || s[start] === "'")) start++;
  while (end > start && (s[end - 1] === '"' || s[end - 1] === "'")) end--;
  return s.slice(start, end).trim();
}
