import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeEnough, compareValues } from '../../grader/compare/numeric.ts';
import { Opaque } from '../../grader/sandbox/codec.ts';

const tol = { atol: 1e-5, rtol: 1e-4 };

describe('closeEnough', () => {
  it('never treats NaN or Infinity as close to a finite number', () => {
    expect(closeEnough(0, NaN, tol)).toBe(false);
    expect(closeEnough(1, Infinity, tol)).toBe(false);
    expect(closeEnough(1e308, -Infinity, tol)).toBe(false);
    expect(closeEnough(NaN, NaN, tol)).toBe(true);
    expect(closeEnough(Infinity, Infinity, tol)).toBe(true);
  });

  it('accepts a float32 rounding of any float64 value in a sane range', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => closeEnough(Math.fround(x), x, { atol: 1e-6, rtol: 1e-6 })),
    );
  });

  it('is combined absolute/relative', () => {
    expect(closeEnough(1000, 1000.05, tol)).toBe(true); // 1e-5 + 0.1
    expect(closeEnough(1000, 1000.2, tol)).toBe(false);
    expect(closeEnough(0, 9e-6, tol)).toBe(true);
    expect(closeEnough(0, 2e-5, tol)).toBe(false);
  });
});

describe('compareValues', () => {
  it('checks types before values', () => {
    const r = compareValues([1, 2], 3, tol);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe('type');
      expect(r.message.es).toContain('Se esperaba un array');
    }
    const u = compareValues(1, undefined, tol);
    expect(!u.ok && u.message.es).toContain('¿falta un return?');
    const typed = compareValues([1, 2], new Opaque('Float64Array'), tol);
    expect(!typed.ok && typed.message.en).toContain('Float64Array');
  });

  it('checks shapes and names the index', () => {
    const r = compareValues([[1, 2], [3, 4]], [[1, 2], [3]], tol);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe('shape');
      expect(r.index).toBe('[1]');
    }
  });

  it('reports the first differing index, the errors and the worst element', () => {
    const r = compareValues([[1, 2], [3, 4]], [[1, 2.5], [3, 40]], tol);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe('value');
      expect(r.index).toBe('[0][1]');
      expect(r.absError).toBeCloseTo(0.5);
      expect(r.relError).toBeCloseTo(0.25);
      expect(r.worst?.index).toBe('[1][1]');
      expect(r.worst?.count).toBe(2);
      expect(r.message.en).toContain('atol=0.00001');
    }
  });

  it('compares objects key by key and reports missing keys', () => {
    expect(compareValues({ w: [1], b: 2 }, { w: [1], b: 2, extra: 1 }, tol).ok).toBe(true);
    const r = compareValues({ w: [1], b: 2 }, { w: [1] }, tol);
    expect(!r.ok && r.kind).toBe('missing-key');
    // the message names the missing key, the keys returned and the keys expected
    expect(!r.ok && r.message.es).toBe('Falta la clave «b» en el objeto devuelto (tiene «w»; se esperaban «w», «b»).');
    expect(!r.ok && r.message.en).toBe('The returned object has no key "b" (it has "w"; expected "w", "b").');
    const empty = compareValues({ loss: 1 }, {}, tol);
    expect(!empty.ok && empty.message.en).toBe('The returned object has no key "loss" (the object has no keys; expected "loss").');
    const nested = compareValues({ state: { m: [1, 2] } }, { state: { m: [1, 3] } }, tol);
    expect(!nested.ok && nested.index).toBe('.state.m[1]');
  });

  it('accepts keys the contract does not name (structural typing), but not in place of a missing one', () => {
    // a student returning { loss, grad, extra }: the extra key is ignored, the contract's keys are compared
    expect(compareValues({ loss: 1, grad: [2] }, { loss: 1, grad: [2], extra: 'debug' }, tol).ok).toBe(true);
    const wrong = compareValues({ loss: 1, grad: [2] }, { loss: 1, grad: [3], extra: [2] }, tol);
    expect(!wrong.ok && wrong.index).toBe('.grad[0]');
    // a misspelt key is missing, and the message points at the near one
    for (const [spelt, expected] of [['dlogpNew', 'dLogpNew'], ['d_logp_new', 'dLogpNew'], ['clipFracton', 'clipFraction'], ['running_mean', 'runningMean']] as const) {
      const r = compareValues({ [expected]: [1] }, { [spelt]: [1] }, tol);
      expect(!r.ok && r.kind, spelt).toBe('missing-key');
      expect(!r.ok && r.message.es, spelt).toContain(`¿Es «${spelt}» la misma clave mal escrita?`);
      expect(!r.ok && r.message.en, spelt).toContain(`Is "${spelt}" the same key misspelled?`);
    }
    // an unrelated key, or one the contract names itself, is not offered as a misspelling
    const unrelated = compareValues({ W: [1], b: [1] }, { b: [1], weights: [1] }, tol);
    expect(!unrelated.ok && unrelated.message.en).not.toContain('misspelled');
    const nested = compareValues({ state: { m: [1], v: [1] } }, { state: { m: [1] } }, tol);
    expect(!nested.ok && nested.message.en).toBe('The returned object has no key "v" at .state (it has "m"; expected "m", "v").');
  });

  it('flags a non-finite value where a number was expected', () => {
    const r = compareValues([0.5, 1], [0.5, NaN], tol);
    expect(!r.ok && r.kind).toBe('non-finite');
  });
});
