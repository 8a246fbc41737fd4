/**
 * The reference cache's canonical encoding of a value: stricter than the sandbox channel's codec
 * (grader/sandbox/codec.ts), which maps anything that is not plain data to an opaque tag and so
 * cannot tell two typed arrays (or two functions) apart. Here only plain data encodes: numbers
 * (-0, NaN and ±Infinity each their own tag), strings, booleans, null, undefined, dense arrays
 * with no other own keys, and ordinary objects (prototype Object.prototype, or null, told apart;
 * extensible, only enumerable data properties with string keys, in their own order). An object
 * met again (the same array passed twice: `boxIou(boxes, boxes)`) is encoded as a reference to its
 * first place (`{ r: k }`, k its rank among the objects in the order they are first met), so
 * `[a, a]` and `[a, copy of a]` are two inputs and a decoded value shares exactly what the
 * encoded one shared. Anything else — a typed array, a tensor, a function, a Map, a getter, a
 * hole, a symbol key, a cycle, a frozen object — encodes to `undefined`: that call is simply not
 * cached. Each value has exactly one encoding and the encoding has exactly one value, so equal
 * encodings mean equal inputs (and a decoded result is a fresh copy, equal in every observable
 * way to the stored one, its shared parts included).
 */

const MAX_DEPTH = 64;

type Tree = number | string | boolean | null | Tree[] | { n: 'NaN' | 'Infinity' | '-Infinity' | '-0' } | { u: 1 } | { o: [string, Tree][] } | { p: [string, Tree][] } | { r: number };

class NotPlain extends Error {}

/** the objects met so far, each with its rank (the order first met), and those still being encoded */
interface Seen {
  rank: Map<object, number>;
  open: Set<object>;
}

function tree(value: unknown, depth: number, seen: Seen): Tree {
  if (depth > MAX_DEPTH) throw new NotPlain();
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) return { n: 'NaN' };
      if (value === Infinity) return { n: 'Infinity' };
      if (value === -Infinity) return { n: '-Infinity' };
      if (Object.is(value, -0)) return { n: '-0' };
      return value;
    case 'string':
    case 'boolean':
      return value;
    case 'undefined':
      return { u: 1 };
    case 'object':
      break;
    default:
      throw new NotPlain(); // function, symbol, bigint
  }
  if (value === null) return null;
  const object = value as object;
  const met = seen.rank.get(object);
  if (met !== undefined) {
    if (seen.open.has(object)) throw new NotPlain(); // a cycle
    return { r: met }; // shared: the same object as the one first met at rank `met`
  }
  if (!Object.isExtensible(object)) throw new NotPlain();
  seen.rank.set(object, seen.rank.size);
  seen.open.add(object);
  try {
    return plainTree(object, depth, seen);
  } finally {
    seen.open.delete(object);
  }
}

function plainTree(object: object, depth: number, seen: Seen): Tree {
  if (Array.isArray(object)) {
    if (Object.getPrototypeOf(object) !== Array.prototype) throw new NotPlain();
    const keys = Reflect.ownKeys(object);
    // the elements, "length", nothing else (no holes, no extra keys)
    if (keys.length !== object.length + 1) throw new NotPlain();
    const out: Tree[] = new Array<Tree>(object.length);
    for (let i = 0; i < object.length; i++) {
      const d = Object.getOwnPropertyDescriptor(object, i);
      if (!d || !('value' in d) || !d.enumerable) throw new NotPlain();
      out[i] = tree(d.value, depth + 1, seen);
    }
    return out;
  }
  // a plain object, or one without a prototype (fast-check's records are sometimes made so): told
  // apart in the encoding, since a function could tell them apart ('toString' in it)
  const proto = Object.getPrototypeOf(object) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  const pairs: [string, Tree][] = [];
  for (const key of Reflect.ownKeys(object)) {
    if (typeof key !== 'string') throw new NotPlain();
    const d = Object.getOwnPropertyDescriptor(object, key)!;
    if (!('value' in d) || !d.enumerable || !d.writable || !d.configurable) throw new NotPlain();
    pairs.push([key, tree(d.value, depth + 1, seen)]);
  }
  return proto === null ? { p: pairs } : { o: pairs };
}

/**
 * The canonical encoding of `value`, or undefined when it is not plain data. A shared sub-object
 * (the same array twice in one input) is a reference to its first place: a function could tell
 * `[a, a]` from `[a, copy of a]`, so they are two encodings.
 */
export function encodeCanonical(value: unknown): string | undefined {
  try {
    return JSON.stringify(tree(value, 0, { rank: new Map(), open: new Set() }));
  } catch (error: unknown) {
    if (error instanceof NotPlain || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** the objects decoded so far, in the order they were first met (what `{ r: k }` names), and those still being filled */
interface Made {
  list: object[];
  open: Set<object>;
}

function untree(node: unknown, depth: number, made: Made): unknown {
  if (depth > MAX_DEPTH) throw new Error('nested too deeply');
  if (node === null || typeof node === 'number' || typeof node === 'string' || typeof node === 'boolean') return node;
  if (Array.isArray(node)) {
    const out: unknown[] = new Array<unknown>(node.length);
    made.list.push(out);
    made.open.add(out);
    for (let i = 0; i < node.length; i++) out[i] = untree(node[i], depth + 1, made);
    made.open.delete(out);
    return out;
  }
  if (typeof node !== 'object') throw new Error('bad node');
  const tagged = node as { n?: unknown; u?: unknown; o?: unknown; p?: unknown; r?: unknown };
  const tags = Object.keys(tagged);
  if (tags.length !== 1) throw new Error('bad node');
  if (tags[0] === 'n') {
    if (tagged.n === 'NaN') return NaN;
    if (tagged.n === 'Infinity') return Infinity;
    if (tagged.n === '-Infinity') return -Infinity;
    if (tagged.n === '-0') return -0;
    throw new Error('bad number');
  }
  if (tags[0] === 'u' && tagged.u === 1) return undefined;
  if (tags[0] === 'r') {
    // only an object already complete can be named again (encodeCanonical never names one it is
    // still inside: a cycle is refused)
    const k = tagged.r;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= made.list.length || made.open.has(made.list[k]!)) throw new Error('bad reference');
    return made.list[k];
  }
  if ((tags[0] === 'o' && Array.isArray(tagged.o)) || (tags[0] === 'p' && Array.isArray(tagged.p))) {
    const out: Record<string, unknown> = tags[0] === 'p' ? (Object.create(null) as Record<string, unknown>) : {};
    made.list.push(out);
    made.open.add(out);
    for (const pair of (tagged.o ?? tagged.p) as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || Object.hasOwn(out, pair[0])) throw new Error('bad pair');
      // defineProperty: a key named "__proto__" is data, as it was in the value encoded
      Object.defineProperty(out, pair[0], { value: untree(pair[1], depth + 1, made), enumerable: true, writable: true, configurable: true });
    }
    made.open.delete(out);
    return out;
  }
  throw new Error('bad node');
}

/** A fresh value from its canonical encoding (throws on anything encodeCanonical cannot produce). */
export function decodeCanonical(text: string): unknown {
  return untree(JSON.parse(text), 0, { list: [], open: new Set() });
}
