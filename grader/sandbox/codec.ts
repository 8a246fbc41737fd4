/**
 * The wire format between the trusted process and the student process.
 * JSON cannot carry NaN, ±Infinity, -0, undefined or tell a plain object from an array of
 * numbers reliably, so every value is encoded as a small tagged tree. The student side encodes
 * with built-ins captured before student code ran; the trusted side decodes with hard limits
 * (depth, node count) and never trusts the shape it receives.
 */
export type Encoded =
  | number
  | string
  | boolean
  | null
  | Encoded[]
  | { t: 'n'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { t: 'u' }
  | { t: 'o'; v: Record<string, Encoded> }
  | { t: 'x'; v: string };

export const MAX_DEPTH = 64;
export const MAX_NODES = 2_000_000;

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** Trusted side: encodes a grader-generated input (plain numbers, arrays, objects). */
export function encode(value: unknown, depth = 0): Encoded {
  if (depth > MAX_DEPTH) throw new DecodeError('value nested too deeply');
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { t: 'n', v: 'NaN' };
    if (value === Infinity) return { t: 'n', v: 'Infinity' };
    if (value === -Infinity) return { t: 'n', v: '-Infinity' };
    if (Object.is(value, -0)) return { t: 'n', v: '-0' };
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (value === undefined) return { t: 'u' };
  if (Array.isArray(value)) return value.map((item) => encode(item, depth + 1));
  if (typeof value === 'object') {
    // defineProperty, not assignment: a key named "__proto__" is data and must travel as such
    // (assigning it would change the prototype and drop the key)
    const out: Record<string, Encoded> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(out, key, { value: encode(item, depth + 1), enumerable: true, writable: true, configurable: true });
    return { t: 'o', v: out };
  }
  return { t: 'x', v: typeof value };
}

/**
 * Whether `value` encodes to exactly `encoded` (an `encode` output): the same answer as
 * `JSON.stringify(encode(value)) === JSON.stringify(encoded)`, without building either (the
 * batch's answers are matched to the check's calls with it, grader/engine/steps/prefetch.ts).
 * A value too deep to encode matches nothing.
 */
export function encodesTo(value: unknown, encoded: Encoded, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'number') {
    if (typeof encoded === 'number') return value === encoded && !Object.is(value, -0);
    if (encoded === null || typeof encoded !== 'object' || Array.isArray(encoded) || encoded.t !== 'n') return false;
    const v = encoded.v;
    return Number.isNaN(value) ? v === 'NaN' : value === Infinity ? v === 'Infinity' : value === -Infinity ? v === '-Infinity' : Object.is(value, -0) && v === '-0';
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value === encoded;
  if (encoded === null || typeof encoded !== 'object') return false;
  if (value === undefined) return !Array.isArray(encoded) && encoded.t === 'u';
  if (Array.isArray(value)) {
    if (!Array.isArray(encoded) || encoded.length !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (!encodesTo(value[i], encoded[i]!, depth + 1)) return false;
    return true;
  }
  if (Array.isArray(encoded)) return false;
  if (typeof value === 'object') {
    if (encoded.t !== 'o') return false;
    // the keys in the order encode (and JSON.stringify) lists them
    const entries = Object.entries(value);
    const keys = Object.keys(encoded.v);
    if (keys.length !== entries.length) return false;
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i]!;
      if (keys[i] !== key || !encodesTo(item, encoded.v[key]!, depth + 1)) return false;
    }
    return true;
  }
  return encoded.t === 'x' && encoded.v === typeof value;
}

/**
 * A value as the student returned it. `Opaque` stands for anything that is not plain data
 * (a function, a Promise, a Float64Array, a class instance): the comparison reports its tag.
 */
export class Opaque {
  constructor(readonly tag: string) {}
  toString(): string {
    return `[${this.tag}]`;
  }
}

/** Trusted side: decodes an untrusted tree, enforcing depth and size limits. */
export function decode(tree: unknown): unknown {
  const budget = { nodes: 0 };
  return decodeNode(tree, 0, budget);
}

function decodeNode(node: unknown, depth: number, budget: { nodes: number }): unknown {
  if (++budget.nodes > MAX_NODES) throw new DecodeError(`more than ${MAX_NODES} values`);
  if (depth > MAX_DEPTH) throw new DecodeError(`nested deeper than ${MAX_DEPTH}`);
  if (typeof node === 'number' || typeof node === 'string' || typeof node === 'boolean' || node === null) return node;
  if (Array.isArray(node)) {
    const out = new Array<unknown>(node.length);
    for (let i = 0; i < node.length; i++) out[i] = decodeNode(node[i], depth + 1, budget);
    return out;
  }
  if (typeof node !== 'object') throw new DecodeError(`unexpected ${typeof node}`);
  const tagged = node as { t?: unknown; v?: unknown };
  switch (tagged.t) {
    case 'n':
      if (tagged.v === 'NaN') return NaN;
      if (tagged.v === 'Infinity') return Infinity;
      if (tagged.v === '-Infinity') return -Infinity;
      if (tagged.v === '-0') return -0;
      throw new DecodeError('bad number tag');
    case 'u':
      return undefined;
    case 'x':
      return new Opaque(typeof tagged.v === 'string' ? tagged.v.slice(0, 80) : 'unknown');
    case 'o': {
      if (typeof tagged.v !== 'object' || tagged.v === null || Array.isArray(tagged.v)) throw new DecodeError('bad object');
      // an ordinary object (specs may print it or do arithmetic on it), built with
      // defineProperty so a key named "__proto__" is data, never a prototype change
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(tagged.v)) {
        if (key.length > 200) throw new DecodeError('object key too long');
        Object.defineProperty(out, key, { value: decodeNode((tagged.v as Record<string, unknown>)[key], depth + 1, budget), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      throw new DecodeError('unknown tag');
  }
}
