/**
 * The runner's "did the call change its argument" check (runner-codec.ts sameAsSent) compares
 * the argument now with the argument as it arrived, without re-encoding what arrived: it must say
 * exactly what comparing JSON.stringify(encodeValue(now)) with
 * JSON.stringify(encodeValue(decodeValue(sent))) says (the check before 2026-12-03), for anything
 * that arrives and anything the argument became.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode } from '../../grader/sandbox/codec.ts';
import { changedArgs, decodeValue, encodeValue, sameAsSent } from '../../grader/sandbox/runner-codec.ts';

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
        expect(sameAsSent(encodeValue(decodeValue(sent), 0, []), sent, 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with comparing the re-encoded JSON, for anything the argument became', () => {
    fc.assert(
      fc.property(fc.oneof(input.map((v) => wire(encode(v))), tree), input, (sent, now) => {
        expect(sameAsSent(encodeValue(now, 0, []), sent, 0)).toBe(oldSame(now, sent));
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
        expect(sameAsSent(encodeValue(now, 0, []), sent, 0)).toBe(oldSame(now, sent));
      }),
      { numRuns: 2000 },
    );
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
