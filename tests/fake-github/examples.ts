/**
 * Builds schema-valid response objects: every required field filled with a plausible value for its
 * type and format, then the caller's fields laid over it. The server validates the result anyway.
 */
type Json = unknown;
type Schema = Record<string, Json>;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STRING_BY_FORMAT: Record<string, string> = {
  'date-time': '2026-03-02T10:15:00Z',
  date: '2026-03-02',
  uri: 'https://api.github.com/repos/curso-dl/tarea',
  url: 'https://github.com/curso-dl/tarea',
  email: 'octocat@github.com',
  'uri-template': 'https://api.github.com/repos/curso-dl/tarea{/path}',
  uuid: '00000000-0000-4000-8000-000000000000',
};

export class ExampleBuilder {
  constructor(private readonly definitions: Record<string, Json>) {}

  #deref(schema: Schema): Schema {
    let current: Json = schema;
    for (let i = 0; i < 20 && isObject(current) && typeof current.$ref === 'string'; i++) {
      current = this.definitions[current.$ref.replace(/^(gh)?#\/definitions\//, '')];
    }
    return (current ?? {}) as Schema;
  }

  /** A minimal valid value for `schema` (depth-limited: optional fields are left out). */
  sample(input: Json, depth = 0): Json {
    const schema = this.#deref((input ?? {}) as Schema);
    if (depth > 12) return null;
    if (Array.isArray(schema.allOf)) {
      return schema.allOf.reduce<Json>((acc, part) => merge(acc, this.sample(part, depth + 1)), undefined);
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const options = schema[key];
      if (Array.isArray(options)) {
        const nonNull = options.find((o) => !(isObject(o) && o.type === 'null'));
        return this.sample(nonNull ?? options[0], depth + 1);
      }
    }
    if (schema.const !== undefined) return schema.const;
    if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null) ?? null;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : types[0]);
    switch (type) {
      case 'object': {
        const out: Record<string, Json> = {};
        const props = (schema.properties ?? {}) as Record<string, Json>;
        for (const name of (schema.required ?? []) as string[]) out[name] = this.sample(props[name] ?? {}, depth + 1);
        return out;
      }
      case 'array':
        return [];
      case 'integer':
        return typeof schema.minimum === 'number' ? schema.minimum : 1;
      case 'number':
        return typeof schema.minimum === 'number' ? schema.minimum : 1;
      case 'boolean':
        return false;
      case 'string':
        return typeof schema.format === 'string' && schema.format in STRING_BY_FORMAT ? STRING_BY_FORMAT[schema.format] : 'x';
      case 'null':
        return null;
      default:
        return null;
    }
  }

  /** A valid `definitions[name]` with `overrides` deep-merged over it. */
  build<T = Record<string, Json>>(name: string, overrides: Record<string, Json> = {}): T {
    return merge(this.sample({ $ref: `#/definitions/${name}` }), overrides) as T;
  }
}

export function merge(base: Json, over: Json): Json {
  if (over === undefined) return base;
  if (isObject(base) && isObject(over)) {
    const out: Record<string, Json> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
    return out;
  }
  return over;
}
