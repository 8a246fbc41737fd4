import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, DecodeError, encode, encodesTo, Opaque } from '../../grader/sandbox/codec.ts';

describe('the sandbox channel codec', () => {
  it('round-trips numbers, NaN, ±Infinity, -0, undefined, nested arrays and objects', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false, withBoxedValues: false, withMap: false, withSet: false, withObjectString: false, withTypedArray: false, withSparseArray: false, withDate: false, withBigInt: false }), (value) => {
        expect(decode(JSON.parse(JSON.stringify(encode(value))))).toStrictEqual(value);
      }),
    );
    expect(Object.is(decode(encode(-0)), -0)).toBe(true);
  });

  it('decodes objects as ordinary objects that can be printed, and "__proto__" as plain data', () => {
    // JSON.parse makes "__proto__" an own key, as the student process's JSON does
    const decoded = decode(JSON.parse('{"t":"o","v":{"__proto__":{"t":"o","v":{"polluted":true}},"a":1}}')) as Record<string, unknown>;
    expect(String(decoded)).toBe('[object Object]');
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('encodes a key named "__proto__" as data, and it survives the round trip', () => {
    const value = JSON.parse('{"__proto__":{"polluted":1},"b":[1]}') as Record<string, unknown>;
    const wire = JSON.stringify(encode(value));
    expect(wire).toBe('{"t":"o","v":{"__proto__":{"t":"o","v":{"polluted":1}},"b":[1]}}');
    const back = decode(JSON.parse(wire)) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['__proto__', 'b']);
    expect(back).toStrictEqual(value);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('enforces depth and size limits and rejects unknown tags', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => decode(deep)).toThrow(DecodeError);
    expect(() => decode({ t: 'zzz' })).toThrow(DecodeError);
    expect(decode({ t: 'x', v: 'Float64Array' })).toBeInstanceOf(Opaque);
  });

  it('encodesTo(a, encode(b)) says exactly whether a and b encode to the same text', () => {
    const wire = (v: unknown): string => JSON.stringify(encode(v));
    // values that often encode alike: small integers, -0 and 0, NaN, undefined, strings, nested
    // arrays and objects with the same keys in other orders, a function, a Map
    const leaf = fc.oneof(fc.constantFrom(0, -0, 1, NaN, Infinity, -Infinity, undefined, null, true, '', '0', 'a'), fc.integer({ min: -2, max: 2 }));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', '1', '__proto__'), tie('v'), { maxKeys: 3 }), fc.constantFrom(() => 1, new Map())),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(encodesTo(a, encode(a))).toBe(true);
        expect(encodesTo(a, encode(b))).toBe(wire(a) === wire(b));
      }),
      { numRuns: 2000 },
    );
    expect(encodesTo({ a: 1, b: 2 }, encode({ b: 2, a: 1 }))).toBe(false); // the key order is in the text
    expect(encodesTo([0], encode([-0]))).toBe(false);
    expect(encodesTo([undefined], encode([null]))).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(encodesTo(deep, [])).toBe(false); // too deep to encode: matches nothing
  });
});
