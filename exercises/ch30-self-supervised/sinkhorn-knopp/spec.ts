import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { sinkhornKnopp as reference } from '../../../reference/ch30-self-supervised/sinkhorn-knopp.ts';

interface Case {
  scores: number[][];
  epsilon: number;
  iterations: number;
}

/** B = 1..6 samples, K = 1..5 prototypes, cosine-like scores in [−1, 1]. */
function cases(epsilon: fc.Arbitrary<number>, iterations: fc.Arbitrary<number>): fc.Arbitrary<Case> {
  return fc
    .record({ b: arb.dim(1, 6), k: arb.dim(1, 5) })
    .chain(({ b, k }) => fc.record({ scores: arb.matrix(b, k, arb.num(1)), epsilon, iterations }));
}

const usual = cases(fc.constantFrom(0.05, 0.1, 0.5, 1), fc.integer({ min: 1, max: 5 }));
const TOL = { atol: 1e-5, rtol: 1e-3 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

function rowsOf(received: unknown, B: number, K: number): number[][] {
  if (!Array.isArray(received) || received.length !== B || received.some((r) => !Array.isArray(r) || r.length !== K || !r.every((v) => typeof v === 'number'))) {
    fail({ es: `Se esperaba una matriz ${B}×${K} de números.`, en: `Expected a ${B}×${K} matrix of numbers.` }, { received });
  }
  return received as number[][];
}

export default defineSpec({
  'matches-reference': property({
    arbitrary: usual,
    examples: {
      // S/ε of about 1000: exp overflows unless the maximum of S is subtracted first
      'large-scores': { scores: [[10, 9.875, 9.75], [9.875, 10, 9.625]], epsilon: 0.01, iterations: 3 },
      // (max − min)/ε = 800: only the maximum is a safe shift (the minimum overflows exp); the far entries become 0
      'far-apart-scores': { scores: [[10, 10, 2], [10, 2, 10]], epsilon: 0.01, iterations: 3 },
    },
    async check({ scores, epsilon, iterations }, ctx) {
      const received = await ctx.call('sinkhornKnopp', scores, epsilon, iterations);
      ctx.expectClose(reference(scores, epsilon, iterations), received);
    },
  }),

  'codes-are-distributions': property({
    arbitrary: usual,
    async check({ scores, epsilon, iterations }, ctx) {
      const received = await ctx.call('sinkhornKnopp', scores, epsilon, iterations);
      const Q = rowsOf(received, scores.length, scores[0]!.length);
      Q.forEach((row, b) => {
        const sum = row.reduce((a, v) => a + v, 0);
        if (row.some((v) => !(v >= 0)) || !(Math.abs(sum - 1) <= 1e-9)) {
          fail(
            { es: `Los códigos de la muestra ${b} deben ser ≥ 0 y sumar 1; suman ${sum}.`, en: `The codes of sample ${b} must be ≥ 0 and add up to 1; they add up to ${sum}.` },
            { expected: 1, received: sum },
          );
        }
      });
      ctx.expectClose(reference(scores, epsilon, iterations), received, { tolerance: TOL, what: REFERENCE });
    },
  }),

  equipartition: property({
    arbitrary: cases(fc.constantFrom(0.5, 1), fc.constant(50)),
    async check({ scores, epsilon, iterations }, ctx) {
      const B = scores.length;
      const K = scores[0]!.length;
      const Q = rowsOf(await ctx.call('sinkhornKnopp', scores, epsilon, iterations), B, K);
      const usage = Array.from({ length: K }, (_, k) => Q.reduce((a, row) => a + row[k]!, 0));
      ctx.expectClose(new Array<number>(K).fill(B / K), usage, {
        what: {
          es: `Tras ${iterations} iteraciones cada prototipo debe recibir la misma masa total B/K = ${B / K}; uso de cada prototipo (suma de su columna)`,
          en: `After ${iterations} iterations every prototype must receive the same total mass B/K = ${B / K}; usage of each prototype (its column sum)`,
        },
      });
      ctx.expectClose(reference(scores, epsilon, iterations), Q, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'no-iterations-is-softmax': property({
    arbitrary: cases(fc.constantFrom(0.05, 0.1, 0.5, 1), fc.constant(0)),
    async check({ scores, epsilon }, ctx) {
      const received = await ctx.call('sinkhornKnopp', scores, epsilon, 0);
      const softmax = scores.map((row) => {
        const m = Math.max(...row);
        const e = row.map((s) => Math.exp((s - m) / epsilon));
        const z = e.reduce((a, v) => a + v, 0);
        return e.map((v) => v / z);
      });
      ctx.expectClose(softmax, received, {
        what: {
          es: `Con 0 iteraciones solo queda la normalización final: softmax(scores/ε) por filas (ε = ${epsilon})`,
          en: `With 0 iterations only the final normalisation is left: a row softmax of scores/ε (ε = ${epsilon})`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: usual,
    async check({ scores, epsilon, iterations }, ctx) {
      const { value, mutated } = await ctx.callTracked('sinkhornKnopp', scores, epsilon, iterations);
      if (mutated.length > 0) {
        fail({ es: 'sinkhornKnopp modificó scores: trabaja sobre una matriz nueva.', en: 'sinkhornKnopp modified scores: work on a new matrix.' });
      }
      ctx.expectClose(reference(scores, epsilon, iterations), value, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
