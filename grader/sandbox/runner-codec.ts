/**
 * The student side of the wire format (bundled into runner.ts, INSIDE the student's process; the
 * trusted side's is codec.ts): encoding what the student's function returned, decoding the
 * arguments it is called with, and telling whether the call changed them. Only built-ins captured
 * when this module is evaluated, before the student's module is imported.
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
export const MAX_DEPTH = 64;

export type Encoded = unknown;

export function encodeValue(value: unknown, depth: number, seen: unknown[]): Encoded {
  if (depth > MAX_DEPTH) return { t: 'x', v: 'too-deep' };
  const kind = typeof value;
  if (kind === 'number') {
    const n = value as number;
    if ($isNaN(n)) return { t: 'n', v: 'NaN' };
    if (n === Infinity) return { t: 'n', v: 'Infinity' };
    if (n === -Infinity) return { t: 'n', v: '-Infinity' };
    if ($is(n, -0)) return { t: 'n', v: '-0' };
    return n;
  }
  if (kind === 'string' || kind === 'boolean' || value === null) return value;
  if (kind === 'undefined') return { t: 'u' };
  if (kind === 'bigint') return { t: 'x', v: 'bigint' };
  if (kind === 'function') return { t: 'x', v: 'function' };
  if (kind === 'symbol') return { t: 'x', v: 'symbol' };
  for (let i = 0; i < seen.length; i++) if (seen[i] === value) return { t: 'x', v: 'circular' };
  seen[seen.length] = value;
  const proto = $getPrototypeOf(value);
  let result: Encoded;
  if ($isArray(value) && proto === $ArrayProto) {
    const arr = value as unknown[];
    const out: Encoded[] = [];
    for (let i = 0; i < arr.length; i++) out[i] = encodeValue(arr[i], depth + 1, seen);
    result = out;
  } else if (proto === $ObjectProto || proto === null) {
    const obj = value as Record<string, unknown>;
    if (typeof obj['then'] === 'function') {
      result = { t: 'x', v: 'Promise' };
    } else {
      const out: Record<string, Encoded> = {};
      const keys = $keys(obj);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        out[key] = encodeValue(obj[key], depth + 1, seen);
      }
      result = { t: 'o', v: out };
    }
  } else {
    const tag = $apply($toStringTag, value, []) as string;
    result = { t: 'x', v: tag.slice(8, -1) === 'Object' ? 'instance' : tag.slice(8, -1) };
  }
  seen.length = seen.length - 1;
  return result;
}

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
 * Whether `after` (encodeValue of an argument now) is what encodeValue(decodeValue(sent)) gives,
 * `sent` being that argument as it arrived (JSON.stringify of both would be equal), without
 * building the right side: the argument as the student got it is the decoded `sent`, so this is
 * "the call left it as it was". Mirrors decodeValue (a tag it does not know, and 'x', give
 * undefined; an 'n' it does not know gives -0) and encodeValue (the depth limit).
 */
export function sameAsSent(after: unknown, sent: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return isTag(after, 'x', 'too-deep');
  if (sent === null || typeof sent !== 'object') {
    if (typeof sent !== 'number') return after === sent;
    const n = sent as number;
    if ($isNaN(n)) return isTag(after, 'n', 'NaN');
    if (n === Infinity) return isTag(after, 'n', 'Infinity');
    if (n === -Infinity) return isTag(after, 'n', '-Infinity');
    if ($is(n, -0)) return isTag(after, 'n', '-0');
    return after === n;
  }
  if ($isArray(sent)) {
    if (!$isArray(after) || after.length !== sent.length) return false;
    for (let i = 0; i < sent.length; i++) if (!sameAsSent(after[i], sent[i], depth + 1)) return false;
    return true;
  }
  const tagged = sent as { t: unknown; v: unknown };
  if (tagged.t === 'n') return isTag(after, 'n', tagged.v === 'NaN' || tagged.v === 'Infinity' || tagged.v === '-Infinity' ? (tagged.v as string) : '-0');
  if (tagged.t !== 'o') return isTag(after, 'u', undefined);
  if (after === null || typeof after !== 'object' || $isArray(after) || (after as { t?: unknown }).t !== 'o') return false;
  const src = tagged.v as Record<string, unknown>;
  const now = (after as { v: Record<string, unknown> }).v;
  const keys = $keys(src);
  const nowKeys = $keys(now);
  if (keys.length !== nowKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (nowKeys[i] !== key || !sameAsSent(now[key], src[key], depth + 1)) return false;
  }
  return true;
}

function isTag(value: unknown, t: string, v: string | undefined): boolean {
  if (value === null || typeof value !== 'object' || $isArray(value)) return false;
  const tagged = value as { t?: unknown; v?: unknown };
  return tagged.t === t && tagged.v === v;
}

/**
 * Which top-level arguments differ after the call from what arrived, and what they hold now
 * (encoded; null when they can no longer be encoded), so the grader can say where its own copy
 * was changed.
 */
export function changedArgs(sent: unknown[], args: unknown[]): { mutated: number[]; after: unknown[] } {
  const mutated: number[] = [];
  const after: unknown[] = [];
  for (let i = 0; i < sent.length; i++) {
    let encoded: unknown = null;
    let same = false;
    try {
      encoded = encodeValue(args[i], 0, []);
      same = sameAsSent(encoded, sent[i], 0);
    } catch {
      encoded = null;
    }
    if (!same) {
      mutated[mutated.length] = i;
      after[after.length] = encoded;
    }
  }
  return { mutated, after };
}

