/**
 * Plausible inputs made from /api/openapi.json, so a test can call every
 * documented route without knowing it: a sample value per JSON schema, and
 * the path of every string in it (where a test then puts something hostile).
 */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

export type OpenApiDoc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/**
 * A value the schema accepts (or nearly: the tests only need it to get past the door). `minimal`
 * leaves out optional properties except ids, so the body is valid and its ids are what decides.
 */
export function sample(
  doc: OpenApiDoc,
  schema: Schema | undefined,
  ids: () => string,
  opts: { minimal?: boolean } = {},
  depth = 0,
  name = '',
): unknown {
  if (!schema || depth > 8) return null;
  const sampleOf = (s: Schema | undefined, key = name) => sample(doc, s, ids, opts, depth + 1, key);
  if (schema.$ref) return sampleOf(resolve(doc, schema.$ref));
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleOf(choice.find((s) => s.type !== 'null') ?? choice[0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {}))
        if (!opts.minimal || schema.required?.includes(k) || isIdSchema(doc, s)) out[k] = sampleOf(s, k);
      if (typeof schema.additionalProperties === 'object' && !opts.minimal)
        out.extra = sampleOf(schema.additionalProperties);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(schema.items));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      return stringFor(schema.format, name, ids);
    default:
      return null;
  }
}

// Strings that must look like what their field holds to get past validation.
const byName: Record<string, () => string> = {
  email: () => `sweep-${Math.random().toString(36).slice(2, 10)}@example.com`,
  phone: () => '+447700900123',
  timeZone: () => 'Europe/London',
  country: () => 'GB',
};

function stringFor(format: string | undefined, name: string, ids: () => string): string {
  const named = byName[name];
  if (named && !format) return named();
  switch (format) {
    case 'uuid':
      return ids();
    case 'email':
      return 'sweep@example.com';
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'date':
      return '2030-01-01';
    case 'uri':
    case 'url':
      return 'https://example.com/x';
    default:
      return 'sweep';
  }
}

function isIdSchema(doc: OpenApiDoc, s: Schema): boolean {
  const r = s.$ref ? resolve(doc, s.$ref) : s;
  if (!r) return false;
  if (r.format === 'uuid') return true;
  return [...(r.anyOf ?? []), ...(r.oneOf ?? [])].some((x) => x.format === 'uuid');
}

function resolve(doc: OpenApiDoc, ref: string): Schema | undefined {
  return doc.components?.schemas?.[ref.replace('#/components/schemas/', '')];
}

/** Every string in a sample (values, and the keys of open records), by its dotted path. */
export function stringLeaves(value: unknown, path: string[] = []): { path: string[]; key: boolean }[] {
  if (typeof value === 'string') return [{ path, key: false }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k === 'extra' ? [{ path: [...path, k], key: true }] : []),
      ...stringLeaves(v, [...path, k]),
    ]);
  return [];
}

/** A deep copy of `value` with the string (or the key) at `path` replaced by `make(old)`. */
export function withLeaf(
  value: unknown,
  leaf: { path: string[]; key: boolean },
  make: (old: string) => string,
): unknown {
  const copy = structuredClone(value);
  if (!leaf.path.length) return make(String(copy));
  let parent = copy as Record<string, unknown>;
  for (const p of leaf.path.slice(0, -1)) parent = parent[p] as Record<string, unknown>;
  const last = leaf.path.at(-1)!;
  if (leaf.key) {
    parent[make(last)] = parent[last];
    delete parent[last];
  } else parent[last] = make(String(parent[last]));
  return copy;
}
