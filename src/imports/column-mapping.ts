import type { NewLead } from '../leads/add-lead.ts';
import { isValidAddress } from '../leads/normalise-email.ts';
import { hasControlCharacter } from '../leads/one-line-text.ts';

/**
 * Which lead field each column of an imported file fills. Suggested from the
 * header names (the spellings CRMs and people use, in the languages of our
 * users), confirmed or changed by the user before anything is added. A column
 * becomes a standard field, a custom field (`custom.<name>`, usable in
 * templates as `{custom.<name>}`), or is ignored.
 */
export const leadFields = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'company',
  'title',
  'industry',
  'phone',
  'country',
  'timeZone',
  'context',
  'additionalInformation',
  'tags',
] as const;
export type LeadField = (typeof leadFields)[number];
export type ColumnTarget = LeadField | `custom.${string}` | 'ignore';
export type Mapping = Record<string, ColumnTarget>;

// Compared after lower-casing and dropping everything but letters and digits.
const aliases: Record<LeadField, string[]> = {
  email: [
    'email',
    'emailaddress',
    'mail',
    'emailadresse',
    'adressemail',
    'adresseemail',
    'correo',
    'correoelectronico',
    'emailadres',
    'work email',
    'businessemail',
  ],
  firstName: [
    'firstname',
    'first',
    'givenname',
    'forename',
    'vorname',
    'prenom',
    'nombre',
    'voornaam',
    'nome',
  ],
  lastName: [
    'lastname',
    'last',
    'surname',
    'familyname',
    'nachname',
    'nom',
    'apellido',
    'apellidos',
    'achternaam',
    'cognome',
  ],
  fullName: [
    'name',
    'fullname',
    'contactname',
    'contact',
    'nomcomplet',
    'nombrecompleto',
    'vollstandigername',
  ],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'account',
    'accountname',
    'firma',
    'unternehmen',
    'societe',
    'entreprise',
    'empresa',
    'bedrijf',
    'azienda',
  ],
  title: [
    'title',
    'jobtitle',
    'position',
    'role',
    'jobrole',
    'titel',
    'funktion',
    'poste',
    'fonction',
    'cargo',
    'functie',
  ],
  industry: ['industry', 'sector', 'branche', 'industrie', 'secteur', 'sectorindustria'],
  phone: [
    'phone',
    'phonenumber',
    'telephone',
    'tel',
    'mobile',
    'mobilephone',
    'cell',
    'telefon',
    'telefonnummer',
    'telefono',
    'telefoon',
    'handy',
  ],
  country: ['country', 'land', 'pays', 'pais', 'countrycode', 'nation'],
  timeZone: ['timezone', 'tz', 'zeitzone', 'fuseauhoraire', 'zonahoraria'],
  context: [
    'context',
    'event',
    'eventname',
    'product',
    'topic',
    'kontext',
    'contexte',
    'contexto',
    'veranstaltung',
    'messe',
  ],
  additionalInformation: [
    'additionalinformation',
    'additionalinfo',
    'notes',
    'note',
    'comments',
    'comment',
    'description',
    'info',
    'notizen',
    'bemerkung',
    'remarques',
    'notas',
  ],
  tags: ['tags', 'tag', 'labels', 'label', 'segment', 'segments'],
};
const byAlias = new Map(
  Object.entries(aliases).flatMap(([field, names]) => names.map((n) => [squash(n), field as LeadField])),
);

function squash(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The custom field a referral's templates read for who referred the lead, and the headers that mean it. */
export const referrerField = 'referred_by';
const referrerHeaders = new Set(
  ['referred by', 'referrer', 'referral', 'referred from', 'introduced by', 'recommended by'].map(squash),
);

/** A custom field's name for a column: what templates may call `{custom.<name>}`. */
export function customFieldName(column: string): string {
  const name = column
    .trim()
    .replace(/[^\w .-]/g, '_')
    .replace(/^[^A-Za-z0-9_]+/, '')
    .slice(0, 64);
  return name || 'field';
}

/**
 * A first guess from the headers: known names become their field (each field
 * once, the first column wins), an unknown header a custom field; a column
 * holding addresses becomes `email` when no header says so.
 */
export function suggestMapping(columns: string[], sample: string[][] = []): Mapping {
  const mapping: Mapping = {};
  const taken = new Set<LeadField>();
  let referrer = false;
  for (const c of columns) {
    const field = byAlias.get(squash(c));
    if (field && !taken.has(field)) {
      mapping[c] = field;
      taken.add(field);
    } else if (!referrer && referrerHeaders.has(squash(c))) {
      // A referral's emails name its referrer from this custom field (compose/lead-source-templates.ts).
      mapping[c] = `custom.${referrerField}`;
      referrer = true;
    } else mapping[c] = /^Column \d+$/.test(c) ? 'ignore' : `custom.${customFieldName(c)}`;
  }
  if (!taken.has('email')) {
    const i = columns.findIndex((_, i) => {
      const values = sample.map((r) => r[i] ?? '').filter(Boolean);
      return values.length > 0 && values.filter((v) => isValidAddress(v)).length / values.length >= 0.8;
    });
    if (i >= 0) mapping[columns[i]!] = 'email';
  }
  return mapping;
}

export type MappingProblem = { field: string; message: string };

/** What is wrong with a mapping the user sends, each problem naming the column (`mapping.<column>`). */
export function mappingProblems(columns: string[], mapping: Mapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const known = new Set(columns);
  const used = new Map<string, string>();
  for (const [column, target] of Object.entries(mapping)) {
    const field = `mapping.${column}`;
    if (!known.has(column)) {
      problems.push({ field, message: `the file has no column "${column}" (it has: ${columns.join(', ')})` });
      continue;
    }
    if (target === 'ignore') continue;
    if (target.startsWith('custom.')) {
      if (!/^custom\.[A-Za-z0-9_][\w .-]{0,63}$/.test(target))
        problems.push({
          field,
          message: `"${target}" is not a custom field name (letters, digits, _ . - and spaces)`,
        });
    } else if (!(leadFields as readonly string[]).includes(target))
      problems.push({
        field,
        message: `"${target}" is not a lead field (one of ${leadFields.join(', ')}, custom.<name> or ignore)`,
      });
    const earlier = used.get(target);
    if (earlier && target !== 'tags')
      problems.push({ field, message: `"${target}" is already filled from column "${earlier}"` });
    used.set(target, column);
  }
  if (![...used.keys()].includes('email'))
    problems.push({ field: 'mapping', message: 'no column is mapped to email' });
  return problems;
}

export type MappedRow = { lead: Omit<NewLead, 'source'>; issues: string[] };

/**
 * One row as a lead, with what is wrong with it (an empty or malformed email;
 * values too long for their field; a line break or other control character
 * in a one-line field, as the API refuses). Adding the lead may still refuse it
 * (suppressed, excluded, already a lead): that is the import's report.
 */
export function mapRow(columns: string[], row: string[], mapping: Mapping): MappedRow {
  const lead: Omit<NewLead, 'source'> & { email: string } = { email: '' };
  const custom: Record<string, string> = {};
  const tags: string[] = [];
  const issues: string[] = [];
  let fullName = '';
  columns.forEach((column, i) => {
    const target = mapping[column] ?? 'ignore';
    const value = (row[i] ?? '').trim();
    if (target === 'ignore' || value === '') return;
    if (target.startsWith('custom.')) custom[target.slice(7)] = value.slice(0, 2000);
    else if (target === 'tags')
      tags.push(
        ...value
          .split(/[,;|]/)
          .map((t) => t.trim().slice(0, 50))
          .filter(Boolean),
      );
    else if (target === 'fullName') fullName = value;
    else (lead as Record<string, unknown>)[target] = value;
  });
  if (fullName && !lead.firstName && !lead.lastName) {
    const [first, ...rest] = fullName.split(/\s+/);
    lead.firstName = first ?? null;
    lead.lastName = rest.join(' ') || null;
  }
  for (const [field, max] of [
    ['firstName', 100],
    ['lastName', 100],
    ['company', 200],
    ['title', 200],
    ['industry', 200],
    ['phone', 50],
    ['country', 100],
    ['timeZone', 64],
    ['context', 2000],
    ['additionalInformation', 5000],
  ] as const) {
    const v = lead[field];
    if (typeof v === 'string' && v.length > max) issues.push(`${field} is longer than ${max} characters`);
    if (
      typeof v === 'string' &&
      field !== 'context' &&
      field !== 'additionalInformation' &&
      hasControlCharacter(v)
    )
      issues.push(`${field} holds control characters (a line break, tab …): it must be one line`);
  }
  if (tags.some(hasControlCharacter)) issues.push('tags hold control characters: each tag must be one line');
  if (!lead.email) issues.push('no email address');
  else if (!isValidAddress(lead.email)) issues.push(`"${lead.email}" is not a valid email address`);
  if (Object.keys(custom).length) lead.customFields = custom;
  if (tags.length) lead.tags = [...new Set(tags)].slice(0, 50);
  return { lead, issues };
}
