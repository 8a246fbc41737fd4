import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { fakeQuantize, fakeQuantizeGrad, qatStep } from '../../../reference/ch22-deployment/fake-quantization.ts';

/** Quantiser settings: b bits, a scale and a zero point inside [0, 2^b − 1]. */
const settings = fc
  .record({ numBits: fc.constantFrom(2, 3, 4, 8), scale: fc.constantFrom(0.05, 0.1, 0.25, 0.5) })
  .chain((s) => fc.record({ numBits: fc.constant(s.numBits), scale: fc.constant(s.scale), zeroPoint: fc.integer({ min: 0, max: 2 ** s.numBits - 1 }) }));

/**
 * Values scale·(n + f) with f far from ½ (so no value sits on a rounding tie, where float32 and
 * float64 could round differently), codes from a little below 0 to a little above 2^b − 1.
 */
const valuesFor = (s: { numBits: number; scale: number; zeroPoint: number }, length: number) =>
  fc.array(
    fc.record({ n: fc.integer({ min: -s.zeroPoint - 3, max: 2 ** s.numBits - 1 - s.zeroPoint + 3 }), f: fc.constantFrom(-0.4, -0.2, 0, 0.1, 0.3) }).map(({ n, f }) => s.scale * (n + f)),
    { minLength: length, maxLength: length },
  );

const cases = fc.record({ s: settings, n: arb.dim(1, 8) }).chain(({ s, n }) => fc.record({ s: fc.constant(s), x: valuesFor(s, n), dY: arb.vector(n, arb.num(2)) }));

const qatCases = fc.record({ s: settings, d: arb.dim(1, 4), rows: arb.dim(1, 4) }).chain(({ s, d, rows }) =>
  fc.record({ s: fc.constant(s), w: valuesFor(s, d), X: arb.matrix(rows, d, arb.num(2)), y: arb.vector(rows, arb.num(2)), lr: fc.constantFrom(0.01, 0.1, 0.5) }),
);

/**
 * Edge case (exercise.yaml `edgeCases`): 2 bits, scale 0.5, zero point 1 (grid −0.5 … 1): raw codes
 * −1, 0, 0, 3, 3, 4. The STE cuts where the ROUNDED code leaves [0, 3], not where x leaves the grid.
 */
const LIMITS = { s: { numBits: 2, scale: 0.5, zeroPoint: 1 }, x: [-0.8, -0.7, -0.5, 1, 1.2, 1.3], dY: [1.5, -2, 0.75, 1, -0.5, 2] };

function numbers(fn: string, v: unknown, n: number): number[] {
  if (!Array.isArray(v) || v.length !== n || !v.every((x) => typeof x === 'number')) {
    fail({ es: `${fn} debe devolver un arreglo de ${n} números.`, en: `${fn} must return an array of ${n} numbers.` }, { received: v });
  }
  return v;
}

export default defineSpec({
  'fq-matches-reference': property({
    arbitrary: cases,
    examples: { 'codes-at-clamp-limits': LIMITS },
    async check({ s, x }, ctx) {
      const received = await ctx.call('fakeQuantize', x, s.scale, s.zeroPoint, s.numBits);
      ctx.expectClose(fakeQuantize(x, s.scale, s.zeroPoint, s.numBits), received, {
        what: { es: `fakeQuantize con ${s.numBits} bits, escala ${s.scale} y punto cero ${s.zeroPoint}`, en: `fakeQuantize with ${s.numBits} bits, scale ${s.scale} and zero point ${s.zeroPoint}` },
      });
    },
  }),

  'fq-idempotent': property({
    arbitrary: cases,
    async check({ s, x }, ctx) {
      const once = numbers('fakeQuantize', await ctx.call('fakeQuantize', x, s.scale, s.zeroPoint, s.numBits), x.length);
      const twice = await ctx.call('fakeQuantize', once, s.scale, s.zeroPoint, s.numBits);
      ctx.expectClose(once, twice, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: 'Un valor ya cuantizado está en la rejilla: fakeQuantize(fakeQuantize(x)) = fakeQuantize(x)', en: 'An already quantised value is on the grid: fakeQuantize(fakeQuantize(x)) = fakeQuantize(x)' },
      });
    },
  }),

  'ste-gradient': property({
    arbitrary: cases,
    examples: { 'codes-at-clamp-limits': LIMITS },
    async check({ s, x, dY }, ctx) {
      const received = await ctx.call('fakeQuantizeGrad', x, dY, s.scale, s.zeroPoint, s.numBits);
      ctx.expectClose(fakeQuantizeGrad(x, dY, s.scale, s.zeroPoint, s.numBits), received, {
        what: { es: `fakeQuantizeGrad con ${s.numBits} bits, escala ${s.scale} y punto cero ${s.zeroPoint}`, en: `fakeQuantizeGrad with ${s.numBits} bits, scale ${s.scale} and zero point ${s.zeroPoint}` },
      });
    },
  }),

  'qat-step': property({
    arbitrary: qatCases,
    examples: {
      // the weights of LIMITS: only the middle four move (their codes are 0, 0, 3, 3)
      'codes-at-clamp-limits': { s: LIMITS.s, w: LIMITS.x, X: [[1, 0.5, -1, 2, 0.25, 1], [-0.5, 1, 0.5, 1, -1, 0.5]], y: [0.5, -1], lr: 0.1 },
    },
    async check({ s, w, X, y, lr }, ctx) {
      const received = await ctx.call('qatStep', w, X, y, lr, s.scale, s.zeroPoint, s.numBits);
      ctx.expectClose(qatStep(w, X, y, lr, s.scale, s.zeroPoint, s.numBits), received, {
        what: { es: `qatStep con lr ${lr} y ${s.numBits} bits`, en: `qatStep with lr ${lr} and ${s.numBits} bits` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: qatCases,
    async check({ s, w, X, y, lr }, ctx) {
      const { value, mutated } = await ctx.callTracked('qatStep', w, X, y, lr, s.scale, s.zeroPoint, s.numBits);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['w', 'X', 'y'][i] ?? `#${i}`).join(', ');
        fail({ es: `qatStep modificó su argumento ${names}: devuelve los pesos nuevos en un arreglo nuevo.`, en: `qatStep modified its argument ${names}: return the new weights in a new array.` });
      }
      ctx.expectClose(qatStep(w, X, y, lr, s.scale, s.zeroPoint, s.numBits), value);
    },
  }),
});
