/**
 * Who is to blame for an exception thrown while a check reads the student's output: the student
 * (malformed value: the check runs fine when the reference answers instead) or the grader (the
 * check crashes on the reference's well-formed answer too, or before reading anything).
 */
import { describe, expect, it } from 'vitest';
import { blameForCrash, holdsNonNumeric } from '../../grader/engine/steps/malformed.ts';
import { fail, property } from '../../grader/spec/index.ts';
import { PropertyFailure } from '../../grader/spec/failure.ts';

const reference = { rowSums: (m: number[][]) => m.map((r) => r.reduce((a, b) => a + b, 0)), softmax: (m: number[][]) => m.map((r) => r.map(() => 1 / r.length)) };
const exports = [{ name: 'softmax', signature: 'softmax(x: number[][]): number[][]' }];
const tolerance = { atol: 1e-9, rtol: 1e-9 };

/** A property that reads the rows of what softmax returned before comparing anything (like rows-sum-to-one). */
const readsRows = property({
  arbitrary: undefined as never,
  async check(x: number[][], ctx) {
    const p = (await ctx.call('softmax', x)) as number[][];
    const sums = p.map((row) => row.reduce((a, v) => a + v, 0));
    if (sums.some((s) => Math.abs(s - 1) > 1e-9)) fail({ es: 'no suma 1', en: 'does not sum to 1' });
  },
});

/** A spec bug: crashes whatever the student returned. */
const buggy = property({
  arbitrary: undefined as never,
  async check(x: number[][], ctx) {
    await ctx.call('softmax', x);
    (undefined as unknown as number[]).map((v) => v);
  },
});

describe('a crash while reading the student output', () => {
  const input = [[1, 2], [3, 4]];
  for (const [label, value] of [['undefined', undefined], ['rows of undefined', [undefined, undefined]], ['a string', 'abc'], ['a number', 3]] as const) {
    it(`is the student's failure when softmax returns ${label}`, async () => {
      let thrown: unknown;
      try {
        const p = value as unknown;
        (p as number[][]).map((row) => row.reduce((a, v) => a + v, 0));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      const blamed = await blameForCrash({ error: thrown, impl: readsRows as never, input, returned: [{ fn: 'softmax', value }], reference, exports, lang: 'es', tolerance });
      expect(blamed).toBeInstanceOf(PropertyFailure);
      expect(blamed!.text.es).toMatch(/softmax devolvió un valor con una forma o un tipo inesperados/);
      expect(blamed!.text.es).toContain('number[][]');
      expect(blamed!.text.en).toMatch(/softmax returned a value of an unexpected shape or type/);
    });
  }

  it('stays a grader error when the check crashes on the reference answer too', async () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'map')");
    expect(await blameForCrash({ error, impl: buggy as never, input, returned: [{ fn: 'softmax', value: [[0.5, 0.5], [0.5, 0.5]] }], reference, exports, lang: 'es', tolerance })).toBeUndefined();
    expect(await blameForCrash({ error, impl: buggy as never, input, returned: [{ fn: 'softmax', value: undefined }], reference, exports, lang: 'es', tolerance })).toBeUndefined();
  });

  it('loads a reference given as a loader (lazy TensorFlow.js) only when it must ask it, and decides the same', async () => {
    let loads = 0;
    const later = async () => {
      loads++;
      return reference;
    };
    const error = new TypeError("Cannot read properties of undefined (reading 'map')");
    expect(await blameForCrash({ error, impl: buggy as never, input, returned: [{ fn: 'softmax', value: [[0.5, 0.5], [0.5, 0.5]] }], reference: later, exports, lang: 'es', tolerance })).toBeUndefined();
    expect(loads).toBe(1);
    expect(await blameForCrash({ error, impl: readsRows as never, input, returned: [{ fn: 'softmax', value: 'abc' }], reference: later, exports, lang: 'es', tolerance })).toBeInstanceOf(PropertyFailure);
    expect(await blameForCrash({ error: new RangeError('x'), impl: readsRows as never, input, returned: [], reference: later, exports, lang: 'es', tolerance })).toBeUndefined();
    expect(loads).toBe(2); // nothing of the student's read: the reference is not asked
  });

  it('stays a grader error when nothing of the student was read yet', async () => {
    expect(await blameForCrash({ error: new RangeError('x'), impl: readsRows as never, input, returned: [], reference, exports, lang: 'es', tolerance })).toBeUndefined();
  });

  it('without a reference function, blames the student only for a value no numeric answer holds', async () => {
    const error = new TypeError('boom');
    const noRef = {};
    expect(await blameForCrash({ error, impl: readsRows as never, input, returned: [{ fn: 'softmax', value: [[1, undefined]] }], reference: noRef, exports, lang: 'en', tolerance })).toBeInstanceOf(PropertyFailure);
    expect(await blameForCrash({ error, impl: readsRows as never, input, returned: [{ fn: 'softmax', value: [[1, 2]] }], reference: noRef, exports, lang: 'en', tolerance })).toBeUndefined();
  });

  it('tells numeric structures from malformed ones', () => {
    expect(holdsNonNumeric([[1, 2], [3, NaN]])).toBe(false);
    expect(holdsNonNumeric({ a: [1], b: 2 })).toBe(false);
    expect(holdsNonNumeric([])).toBe(false);
    for (const v of [undefined, null, 'x', {}, [[1], 2], [[1, 2], [3]], [1, undefined], { a: null }]) expect(holdsNonNumeric(v), JSON.stringify(v)).toBe(true);
  });
});

describe('thrownByReference', () => {
  it('tells an error raised inside a reference or TensorFlow.js from one raised in a spec', async () => {
    const { thrownByReference } = await import('../../grader/engine/steps/malformed.ts');
    const inReference = new Error('x');
    inReference.stack = 'Error: x\n    at diceLoss (/home/course/reference/ch15-losses/dice-loss.ts:12:9)\n    at check (/home/course/exercises/ch15-losses/dice-loss/spec.ts:30:5)';
    const inTfjs = new Error('y');
    inTfjs.stack = 'Error: y\n    at Engine.runKernel (/app/node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js:4500:11)';
    const inSpec = new TypeError("Cannot read properties of undefined (reading '0')");
    inSpec.stack = "TypeError: Cannot read properties of undefined (reading '0')\n    at check (/home/course/exercises/ch15-losses/dice-loss/spec.ts:30:5)";
    expect(thrownByReference(inReference)).toBe(true);
    expect(thrownByReference(inTfjs)).toBe(true);
    expect(thrownByReference(inSpec)).toBe(false);
    expect(thrownByReference('a string')).toBe(false);
  });
});
