import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareInDetail, compareValues, type Tolerance } from '../../grader/compare/numeric.ts';
import { Opaque } from '../../grader/sandbox/codec.ts';

// compareValues decides the usual case (everything within tolerance) without paths or messages and
// walks again with them only when something differs: its answer must be compareInDetail's, always

const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e3, max: 1e3 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e-300) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'loss', 'grad', 'dW'), tie('value'), { maxKeys: 3 }),
  ),
}));

/** a received value near `expected`: the same, nudged within or past tolerance, or changed in kind, length, keys */
function perturbed(expected: unknown, choices: number[], at = { i: 0 }): unknown {
  const pick = (): number => choices[at.i++ % choices.length] ?? 0;
  const c = pick();
  if (c === 1) return new Opaque('Float64Array');
  if (c === 2) return 'x';
  if (typeof expected === 'number') {
    if (c === 3) return expected + 1e-9; // within
    if (c === 4) return expected * (1 + 1e-3) + 1e-3; // past
    if (c === 5) return NaN;
    return expected;
  }
  if (Array.isArray(expected)) {
    const out = expected.map((e) => perturbed(e, choices, at));
    if (c === 6) out.pop();
    if (c === 7) out.push(0);
    return out;
  }
  if (expected !== null && typeof expected === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(expected)) out[k] = perturbed(v, choices, at);
    if (c === 6) delete out[Object.keys(out)[0] ?? ''];
    if (c === 7) out['extra'] = 1;
    return out;
  }
  return expected;
}

const tolerance = fc.constantFrom<Tolerance>({ atol: 1e-5, rtol: 1e-4 }, { atol: 0, rtol: 0 }, { atol: 1e-2, rtol: 0 });
// mostly unchanged choices (0), so whole values match and the fast path decides them
const choices = fc.array(fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) }), { minLength: 1, maxLength: 30 });

describe('compareValues against compareInDetail', () => {
  it('gives the same answer, ok or the same mismatch, for values near each other', () => {
    fc.assert(
      fc.property(value, choices, tolerance, (expected, cs, tol) => {
        const received = perturbed(expected, cs);
        expect(compareValues(expected, received, tol)).toEqual(compareInDetail(expected, received, tol));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same answer for unrelated values', () => {
    fc.assert(
      fc.property(value, value, tolerance, (expected, received, tol) => {
        expect(compareValues(expected, received, tol)).toEqual(compareInDetail(expected, received, tol));
      }),
      { numRuns: 1000 },
    );
  });

  it('still says where and how a value differs', () => {
    const cmp = compareValues({ loss: 1, grad: [[0, 1], [2, 3]] }, { loss: 1, grad: [[0, 1], [2, 3.5]] });
    expect(cmp).toMatchObject({ ok: false, kind: 'value', index: '.grad[1][1]', expected: 3, received: 3.5 });
    expect(compareValues([1, 2], [1, 2])).toEqual({ ok: true });
    expect(compareValues([NaN], [NaN])).toEqual({ ok: true });
    expect(compareValues({ a: 1 }, { a: 1, b: 2 })).toEqual({ ok: true });
    expect(compareValues({ a: 1 }, { b: 1 })).toMatchObject({ ok: false, kind: 'missing-key' });
    // a key that holds undefined is still a key the answer must have
    expect(compareValues({ a: undefined }, {})).toMatchObject({ ok: false, kind: 'missing-key' });
    expect(compareValues([1], new Opaque('Float64Array'))).toMatchObject({ ok: false, kind: 'type' });
  });
});
