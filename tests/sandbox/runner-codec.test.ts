/**
 * The runner's encoder and its "did the call change its argument" check (runner-codec.ts
 * encodeJson, matchesSent) write JSON text and walk the argument against what arrived, building
 * nothing the student's code could intercept: they must give exactly what the tree-building
 * encoder they replaced gave (encodeValue below, the runner's until 2026-12-03, kept here as their
 * specification): JSON.stringify(encodeValue(v)), and JSON.stringify(encodeValue(now)) compared
 * with JSON.stringify(encodeValue(decodeValue(sent))), for anything that arrives and anything the
 * argument became.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode } from '../../grader/sandbox/codec.ts';
import { changedArgsJson, decodeValue, encodeJson, matchesSent, newStack } from '../../grader/sandbox/runner-codec.ts';

/** the runner's encoder until 2026-12-03: a tagged tree, then JSON.stringify */
function encodeValue(value: unknown, depth: number, seen: unknown[]): unknown {
  if (depth > 64) return { t: 'x', v: 'too-deep' };
  const kind = typeof value;
  if (kind === 'number') {
    const n = value as number;
    if (Number.isNaN(n)) return { t: 'n', v: 'NaN' };
    if (n === Infinity) return { t: 'n', v: 'Infinity' };
    if (n === -Infinity) return { t: 'n', v: '-Infinity' };
    if (Object.is(n, -0)) return { t: 'n', v: '-0' };
    return n;
  }
  if (kind === 'string' || kind === 'boolean' || value === null) return value;
  if (kind === 'undefined') return { t: 'u' };
  if (kind === 'bigint' || kind === 'function' || kind === 'symbol') return { t: 'x', v: kind };
  if (seen.includes(value)) return { t: 'x', v: 'circular' };
  seen.push(value);
  const proto = Object.getPrototypeOf(value);
  let result: unknown;
  if (Array.isArray(value) && proto === Array.prototype) {
    result = value.map((item) => encodeValue(item, depth + 1, seen));
  } else if (proto === Object.prototype || proto === null) {
    const obj = value as Record<string, unknown>;
    if (typeof obj['then'] === 'function') result = { t: 'x', v: 'Promise' };
    else result = { t: 'o', v: Object.fromEntries(Object.keys(obj).map((key) => [key, encodeValue(obj[key], depth + 1, seen)])) };
  } else {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    result = { t: 'x', v: tag === 'Object' ? 'instance' : tag };
  }
  seen.pop();
  return result;
}

const changedArgs = (sent: unknown[], args: unknown[]): { mutated: number[]; after: unknown[] } => JSON.parse(`{${changedArgsJson(sent, args)}}`) as { mutated: number[]; after: unknown[] };

const oldSame = (now: unknown, sent: unknown): boolean => JSON.stringify(encodeValue(now, 0, [])) === JSON.stringify(encodeValue(decodeValue(sent), 0, []));
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

// the student's process runs with --disable-proto=delete: a "__proto__" key is plain data there,
// not in this test's process (so it is left out here)
const key = fc.string({ maxLength: 4 }).filter((k) => k !== '__proto__');
const number = fc.oneof(fc.double(), fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 1, 2), fc.integer());
/** what a grader sends: encode() of its inputs (numbers of every kind, arrays, objects, undefined, functions) */
const input = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, number, fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(() => 1), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 3 }),
})).value;
/** anything at all on the wire: tags the runner does not know included */
const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    number,
    fc.string({ maxLength: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.record({ t: fc.constantFrom('n', 'u', 'o', 'x', 'z'), v: fc.oneof(fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', 'function', 'weird'), fc.dictionary(key, tie('node'), { maxKeys: 3 })) }),
    fc.array(tie('node'), { maxLength: 4 }),
  ),
})).node;

describe('the runner tells a changed argument from an unchanged one', () => {
  it('an argument left as it arrived is unchanged, whatever arrived', () => {
    fc.assert(
      fc.property(fc.oneof(input.map((v) => wire(encode(v))), tree), (sent) => {
        expect(matchesSent(decodeValue(sent), sent, 0, newStack())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with comparing the re-encoded JSON, for anything the argument became', () => {
    fc.assert(
      fc.property(fc.oneof(input.map((v) => wire(encode(v))), tree), input, (sent, now) => {
        expect(matchesSent(now, sent, 0, newStack())).toBe(oldSame(now, sent));
      }),
      { numRuns: 3000 },
    );
    // and for an argument changed only a little (one element, one key, a sign)
    fc.assert(
      fc.property(input, (v) => {
        const sent = wire(encode(v));
        const now = decodeValue(sent);
        if (Array.isArray(now) && now.length > 0) now[0] = now[0] === 0 ? -0 : 0;
        else if (now !== null && typeof now === 'object') (now as Record<string, unknown>)['extra'] = 1;
        expect(matchesSent(now, sent, 0, newStack())).toBe(oldSame(now, sent));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes an answer as JSON exactly as JSON.stringify(encodeValue(…)), and tells a changed argument exactly as comparing those JSON texts, for values that are not plain data too', () => {
    class Point {
      x = 1;
    }
    const odd = fc.constantFrom<unknown>(new Point(), new Float64Array(2), Promise.resolve(1), { then: () => 1 }, 10n, Symbol('s'), new Map(), Object.create(null), [1, [2, [3]]]);
    const anything = fc.oneof(input, odd, fc.array(fc.oneof(input, odd), { maxLength: 3 }), fc.dictionary(key, fc.oneof(input, odd), { maxKeys: 3 }));
    fc.assert(
      fc.property(anything, (v) => {
        expect(encodeJson(v, 0, newStack())).toBe(JSON.stringify(encodeValue(v, 0, [])));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.oneof(input.map((v) => wire(encode(v))), tree), anything, (sent, now) => {
        expect(matchesSent(now, sent, 0, newStack())).toBe(oldSame(now, sent));
      }),
      { numRuns: 3000 },
    );
    // the value as it arrived always matches; cycles and depth as encodeValue sees them
    fc.assert(fc.property(fc.oneof(input.map((v) => wire(encode(v))), tree), (sent) => {
        expect(matchesSent(decodeValue(sent), sent, 0, newStack())).toBe(true);
      }),
    );
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(encodeJson(cyclic, 0, newStack())).toBe(JSON.stringify(encodeValue(cyclic, 0, [])));
    let deep: unknown = 1;
    for (let i = 0; i < 80; i++) deep = [deep];
    expect(encodeJson(deep, 0, newStack())).toBe(JSON.stringify(encodeValue(deep, 0, [])));
    expect(matchesSent(deep, wire(encodeValue(deep, 0, [])), 0, newStack())).toBe(true);
  });

  it('names the arguments a call changed, with what they hold now', () => {
    const sent = [wire(encode([1, 2, 3])), wire(encode({ a: [0.5] })), wire(encode(-0))];
    const args = decodeValue(sent) as [number[], { a: number[] }, number];
    args[1].a.push(2);
    expect(changedArgs(sent, args)).toEqual({ mutated: [1], after: [{ t: 'o', v: { a: [0.5, 2] } }] });
    args[0].reverse();
    expect(changedArgs(sent, args).mutated).toEqual([0, 1]);
    const cyclic = decodeValue(sent) as unknown[];
    (cyclic[0] as unknown[]).push(cyclic[0]);
    expect(changedArgs(sent, cyclic).mutated).toEqual([0]);
  });
});
