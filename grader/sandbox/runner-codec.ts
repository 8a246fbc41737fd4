/**
 * The student side of the wire format (bundled into runner.ts, INSIDE the student's process; the
 * trusted side's is codec.ts): encoding what the student's function returned, decoding the
 * arguments it is called with, and telling whether the call changed them. Only built-ins captured
 * when this module is evaluated, before the student's module is imported. The encoding is the
 * tagged tree of codec.ts, written straight out as JSON text (encodeJson); the tests hold the
 * tree-building encoder this replaced as its specification (tests/sandbox/runner-codec.test.ts).
 */
const $isArray = Array.isArray;
const $keys = Object.keys;
const $getPrototypeOf = Object.getPrototypeOf;
const $ObjectProto = Object.prototype;
const $ArrayProto = Array.prototype;
const $isNaN = Number.isNaN;
const $is = Object.is;
const $apply = Reflect.apply;
const $toStringTag = Object.prototype.toString;
const $slice = String.prototype.slice;
const $String = String;
const $JSON_stringify = JSON.stringify;
const $create = Object.create;
export const MAX_DEPTH = 64;

export function decodeValue(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if ($isArray(node)) {
    const out: unknown[] = [];
    for (let i = 0; i < node.length; i++) out[i] = decodeValue(node[i]);
    return out;
  }
  const tagged = node as { t: string; v: unknown };
  if (tagged.t === 'n') return tagged.v === 'NaN' ? NaN : tagged.v === 'Infinity' ? Infinity : tagged.v === '-Infinity' ? -Infinity : -0;
  if (tagged.t === 'u') return undefined;
  if (tagged.t === 'o') {
    const out: Record<string, unknown> = {};
    const src = tagged.v as Record<string, unknown>;
    const keys = $keys(src);
    for (let i = 0; i < keys.length; i++) out[keys[i] as string] = decodeValue(src[keys[i] as string]);
    return out;
  }
  return undefined;
}

/**
 * The objects on the path from the root of a value being walked (for cycles): an object with no
 * prototype, so that no setter a student defined on Array.prototype or Object.prototype sees the
 * runner's writes.
 */
interface Stack {
  n: number;
  [k: number]: unknown;
}

export function newStack(): Stack {
  const stack = $create(null) as Stack;
  stack.n = 0;
  return stack;
}

function onStack(stack: Stack, value: unknown): boolean {
  for (let i = 0; i < stack.n; i++) if (stack[i] === value) return true;
  return false;
}

/** a string or a number as JSON (a primitive: JSON.stringify consults no toJSON for it) */
export function json(primitive: string | number): string {
  return $JSON_stringify(primitive) as string;
}

function numberTag(n: number): string | undefined {
  if ($isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if ($is(n, -0)) return '-0';
  return undefined;
}

function numberJson(n: number): string {
  const tag = numberTag(n);
  return tag === undefined ? json(n) : '{"t":"n","v":"' + tag + '"}';
}

/**
 * The JSON text of the value's tagged tree (what JSON.stringify of the tree-building encoder gave,
 * the test's encodeValue), written out here: no intermediate object the student's
 * prototypes could intercept (a setter on Array.prototype[0]), no JSON.stringify of an object (a
 * toJSON on Object.prototype or Array.prototype would rewrite the message the grader reads).
 */
export function encodeJson(value: unknown, depth: number, seen: Stack): string {
  if (depth > MAX_DEPTH) return '{"t":"x","v":"too-deep"}';
  const kind = typeof value;
  if (kind === 'number') return numberJson(value as number);
  if (kind === 'string') return json(value as string);
  if (kind === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  if (kind === 'undefined') return '{"t":"u"}';
  if (kind === 'bigint') return '{"t":"x","v":"bigint"}';
  if (kind === 'function') return '{"t":"x","v":"function"}';
  if (kind === 'symbol') return '{"t":"x","v":"symbol"}';
  if (onStack(seen, value)) return '{"t":"x","v":"circular"}';
  seen[seen.n++] = value;
  const proto = $getPrototypeOf(value);
  let text: string;
  if ($isArray(value) && proto === $ArrayProto) {
    const arr = value as unknown[];
    text = '[';
    for (let i = 0; i < arr.length; i++) text += (i > 0 ? ',' : '') + encodeJson(arr[i], depth + 1, seen);
    text += ']';
  } else if (proto === $ObjectProto || proto === null) {
    const obj = value as Record<string, unknown>;
    if (typeof obj['then'] === 'function') {
      text = '{"t":"x","v":"Promise"}';
    } else {
      text = '{"t":"o","v":{';
      const keys = $keys(obj);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        text += (i > 0 ? ',' : '') + json(key) + ':' + encodeJson(obj[key], depth + 1, seen);
      }
      text += '}}';
    }
  } else {
    const tag = $String($apply($slice, $String($apply($toStringTag, value, [])), [8, -1]));
    text = '{"t":"x","v":' + json(tag === 'Object' ? 'instance' : tag) + '}';
  }
  seen.n--;
  seen[seen.n] = undefined;
  return text;
}

/**
 * Whether the call left an argument as it arrived: the encoding of `value` is the encoding of
 * decodeValue(sent) (their JSON texts are equal), `sent` being the argument as it arrived and
 * the student's argument its decoding. Mirrors decodeValue (a tag it does not know, and 'x', give
 * undefined; an 'n' it does not know gives -0) and the encoding (the depth limit, cycles, what
 * is not plain data), walking `value` itself: nothing is built, so nothing the student's
 * prototypes intercept decides whether a call changed its argument.
 */
export function matchesSent(value: unknown, sent: unknown, depth: number, seen: Stack): boolean {
  // past the depth limit both encodings are the same "too deep"
  if (depth > MAX_DEPTH) return true;
  const kind = typeof value;
  if (sent === null || typeof sent !== 'object') {
    if (typeof sent !== 'number') return value === sent;
    if (kind !== 'number') return false;
    const want = numberTag(sent as number);
    const got = numberTag(value as number);
    return want === undefined ? got === undefined && value === sent : got === want;
  }
  if ($isArray(sent)) {
    if (kind !== 'object' || value === null || onStack(seen, value) || !$isArray(value) || $getPrototypeOf(value) !== $ArrayProto) return false;
    const arr = value as unknown[];
    if (arr.length !== sent.length) return false;
    seen[seen.n++] = value;
    let same = true;
    for (let i = 0; i < sent.length && same; i++) same = matchesSent(arr[i], sent[i], depth + 1, seen);
    seen.n--;
    seen[seen.n] = undefined;
    return same;
  }
  const tagged = sent as { t: unknown; v: unknown };
  if (tagged.t === 'n') {
    if (kind !== 'number') return false;
    const want = tagged.v === 'NaN' || tagged.v === 'Infinity' || tagged.v === '-Infinity' ? tagged.v : '-0';
    return numberTag(value as number) === want;
  }
  if (tagged.t !== 'o') return kind === 'undefined';
  if (kind !== 'object' || value === null || onStack(seen, value)) return false;
  const proto = $getPrototypeOf(value);
  if ($isArray(value) && proto === $ArrayProto) return false;
  if (proto !== $ObjectProto && proto !== null) return false;
  const obj = value as Record<string, unknown>;
  if (typeof obj['then'] === 'function') return false;
  const src = tagged.v as Record<string, unknown>;
  const keys = $keys(obj);
  const wanted = $keys(src);
  if (keys.length !== wanted.length) return false;
  seen[seen.n++] = value;
  let same = true;
  for (let i = 0; i < keys.length && same; i++) {
    const key = keys[i] as string;
    same = key === wanted[i] && matchesSent(obj[key], src[key], depth + 1, seen);
  }
  seen.n--;
  seen[seen.n] = undefined;
  return same;
}

/**
 * Which top-level arguments differ after the call from what arrived, and what they hold now, as
 * the JSON text of the answer's `"mutated":[…],"after":[…]` (an argument that can no longer be
 * encoded holds null), so the grader can say where its own copy was changed. Built as text, with
 * nothing the student's code could intercept (see encodeJson): the grader's no-mutation
 * properties are decided by it.
 */
export function changedArgsJson(sent: unknown[], args: unknown[]): string {
  let mutated = '';
  let after = '';
  for (let i = 0; i < sent.length; i++) {
    let same = false;
    try {
      same = matchesSent(args[i], sent[i], 0, newStack());
    } catch {
      same = false;
    }
    if (same) continue;
    let now = 'null';
    try {
      now = encodeJson(args[i], 0, newStack());
    } catch {
      now = 'null';
    }
    mutated += (mutated === '' ? '' : ',') + json(i);
    after += (after === '' ? '' : ',') + now;
  }
  return '"mutated":[' + mutated + '],"after":[' + after + ']';
}
