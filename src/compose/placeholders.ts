/**
 * Placeholders in templates: `{name}` or `{name|default}`. Names are the lead's
 * and assistant's fields below, or `custom.<column>` for a custom field from an
 * import. A value wins; when empty, the default; without a default, the
 * field's own fallback (firstName → "there", company → "your team"); without
 * one, the whole line is left out (in a subject: nothing). So no placeholder
 * is ever left unfilled, and an unknown name is refused when a template is
 * saved (checkTemplate), not discovered in a lead's inbox.
 */

export const variableNames = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'title',
  'industry',
  'country',
  'context',
  'additionalInformation',
  'assistantName',
  'brochureUrl',
  'calendarUrl',
] as const;
export type VariableName = (typeof variableNames)[number];
export const customPrefix = 'custom.';

/** Fallbacks that read naturally anywhere; other empty fields drop their line. */
const fallbacks: Partial<Record<VariableName, string>> = {
  firstName: 'there',
  fullName: 'there',
  company: 'your team',
};

// Anything between braces on one line is a placeholder (or a mistake).
const token = /\{([^{}\n]*)\}/g;
const plainName = /^[A-Za-z][A-Za-z0-9]*$/;
const customName = /^custom\.[A-Za-z0-9_][\w .-]{0,63}$/;
/** Message-library style placeholders that were never filled in: "[Your Name]", "[Company]". */
const bracketPlaceholder =
  /\[(?:your|their|the|insert|first|last|full|company|name|lead|contact|prospect|date|time|link|url|product|recipient)\b[^\]\n]{0,40}\]/i;

type Parsed = { name: string; fallback: string | undefined };

function parse(inner: string): Parsed {
  const bar = inner.indexOf('|');
  return bar < 0
    ? { name: inner.trim(), fallback: undefined }
    : { name: inner.slice(0, bar).trim(), fallback: inner.slice(bar + 1) };
}

const isKnown = (name: string, extra: readonly string[]): boolean =>
  (variableNames as readonly string[]).includes(name) || extra.includes(name) || customName.test(name);

export type TemplateProblem = { kind: 'unknown' | 'malformed' | 'unfilled'; text: string };

/**
 * What is wrong with a template's placeholders; empty when it may be saved.
 * `extraNames`: names a kind of text adds (an introduction knows its user's).
 */
export function checkTemplate(text: string, extraNames: readonly string[] = []): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const m of text.matchAll(token)) {
    const { name } = parse(m[1]!);
    if (isKnown(name, extraNames)) continue;
    const wellFormed = plainName.test(name) || name.startsWith(customPrefix);
    problems.push({ kind: wellFormed ? 'unknown' : 'malformed', text: `{${m[1]}}` });
  }
  const rest = text.replace(token, '');
  if (/[{}]/.test(rest))
    problems.push({
      kind: 'malformed',
      text: 'an unmatched "{" or "}" (placeholders are {name} or {name|default})',
    });
  const bracket = bracketPlaceholder.exec(text);
  if (bracket) problems.push({ kind: 'unfilled', text: bracket[0] });
  return problems;
}

/**
 * Anything in finished text that looks like a placeholder nobody filled:
 * `{name}`, `{{1}}`, `[Your Name]`, `<Company>`. Finished emails must have none.
 */
export function findPlaceholders(text: string): string[] {
  const found = [...text.matchAll(/\{[^\n]{0,60}?\}|[{}]/g)].map((m) => m[0]);
  const bracket = bracketPlaceholder.exec(text);
  if (bracket) found.push(bracket[0]);
  const angle = /<(?:your|their|first|last|company|name|insert|lead|contact)\b[^<>\n]{0,30}>/i.exec(text);
  if (angle) found.push(angle[0]);
  return found;
}

export type Values = {
  get(name: string): string | undefined;
};

/** One placeholder's text, or null when it has nothing to say (its line is then dropped). */
function resolve(p: Parsed, values: Values): string | null {
  const v = values.get(p.name);
  if (v) return v;
  if (p.fallback !== undefined) return clean(p.fallback);
  return fallbacks[p.name as VariableName] ?? null;
}

/** Fill a body: lines whose placeholder has no value, default or fallback are left out. */
export function fillBody(template: string, values: Values): string {
  const out: string[] = [];
  for (const line of template.split('\n')) {
    let empty = false;
    const filled = line.replace(token, (_, inner: string) => {
      const r = resolve(parse(inner), values);
      if (r === null) empty = true;
      return r ?? '';
    });
    if (!empty) out.push(filled.replace(/[ \t]+$/, ''));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Fill a one-line text (a subject): a placeholder with nothing to say is simply empty. */
export function fillLine(template: string, values: Values): string {
  return oneLine(template.replace(token, (_, inner: string) => resolve(parse(inner), values) ?? ''))
    .replace(/\s+([,:;.!?])/g, '$1')
    .replace(/^[\s,:;.-]+|[\s,:;-]+$/g, '');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g;

/**
 * Lead data made safe to put in an email: no control characters, no braces
 * (they would read as placeholders), no line breaks when it must fit on a line.
 */
export function clean(s: string, opts: { multiline?: boolean } = {}): string {
  const noControl = s
    .replace(/\r\n?/g, '\n')
    .replace(controlChars, '')
    .replace(/\{/g, '(')
    .replace(/\}/g, ')');
  return opts.multiline
    ? noControl
        .replace(/[ \t]+/g, ' ')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : oneLine(noControl);
}

/** One line, for headers: CR, LF, tabs and runs of spaces become one space. */
export const oneLine = (s: string): string =>
  s
    .replace(controlChars, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();

/**
 * At most `max` characters, cut at a word (or sentence, for long text) and
 * marked with an ellipsis; never splits a character made of two code units.
 */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  let cut = chars.slice(0, max - 1).join('');
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  const space = cut.search(/\s\S*$/);
  if (sentence > max * 0.6) return cut.slice(0, sentence + 1);
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}
