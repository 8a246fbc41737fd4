import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { makeBatches as reference } from '../../../reference/ch03-tools/minibatches.ts';

interface Batch {
  x: number[][];
  y: number[];
}

/** A permutation of 0..n−1 drawn as a random sort key per index. */
function permutationOf(n: number) {
  return fc.array(fc.integer(), { minLength: n, maxLength: n }).map((keys) =>
    keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i),
  );
}

/** A data set whose labels are integers 0..9 and a shuffle; N is often not a multiple of B. */
const epoch = fc.record({ n: arb.dim(1, 11), d: arb.dim(1, 3), batchSize: arb.dim(1, 5) }).chain(({ n, d, batchSize }) =>
  fc.record({
    X: arb.matrix(n, d),
    y: arb.vector(n, fc.integer({ min: 0, max: 9 })),
    batchSize: fc.constant(batchSize),
    permutation: permutationOf(n),
  }),
);

export default defineSpec({
  'matches-reference': property({
    arbitrary: epoch,
    examples: {
      'tail-kept': { X: [[0], [1], [2], [3], [4], [5], [6]], y: [0, 1, 2, 3, 4, 5, 6], batchSize: 3, permutation: [6, 2, 4, 0, 5, 1, 3] },
    },
    async check({ X, y, batchSize, permutation }, ctx) {
      const received = await ctx.call('makeBatches', X, y, batchSize, permutation, false);
      ctx.expectClose(reference(X, y, batchSize, permutation, false), received, {
        what: { es: 'makeBatches(…, dropLast = false)', en: 'makeBatches(…, dropLast = false)' },
      });
    },
  }),

  'drop-last': property({
    arbitrary: epoch,
    examples: {
      'exact-multiple-drop-last': { X: [[0], [1], [2], [3], [4], [5]], y: [0, 1, 2, 3, 4, 5], batchSize: 3, permutation: [4, 0, 5, 1, 3, 2] },
      'batch-larger-than-n-drop-last': { X: [[0.5], [1.5], [2.5]], y: [7, 8, 9], batchSize: 5, permutation: [2, 0, 1] },
    },
    async check({ X, y, batchSize, permutation }, ctx) {
      const received = await ctx.call('makeBatches', X, y, batchSize, permutation, true);
      ctx.expectClose(reference(X, y, batchSize, permutation, true), received, {
        what: { es: 'makeBatches(…, dropLast = true)', en: 'makeBatches(…, dropLast = true)' },
      });
    },
  }),

  'every-example-once': property({
    arbitrary: epoch.map(({ X, batchSize, permutation }) => ({ X, batchSize, permutation, y: X.map((_, i) => 100 + i) })),
    async check({ X, y, batchSize, permutation }, ctx) {
      const batches = (await ctx.call('makeBatches', X, y, batchSize, permutation, false)) as Batch[];
      const seen = Array.isArray(batches) ? batches.flatMap((b) => (Array.isArray(b?.y) ? b.y : [])) : [];
      const counts = X.map((_, i) => seen.filter((v) => v === 100 + i).length);
      const bad = counts.findIndex((c) => c !== 1);
      if (bad >= 0 || seen.length !== X.length) {
        fail(
          {
            es: `Con dropLast = false cada ejemplo debe aparecer exactamente una vez en la época; el ejemplo ${bad >= 0 ? bad : '?'} aparece ${bad >= 0 ? counts[bad] : '?'} veces (${seen.length} ejemplos en total de ${X.length}).`,
            en: `With dropLast = false every example must appear exactly once in the epoch; example ${bad >= 0 ? bad : '?'} appears ${bad >= 0 ? counts[bad] : '?'} times (${seen.length} examples in total out of ${X.length}).`,
          },
          { expected: X.length, received: seen.length },
        );
      }
    },
  }),

  'pairs-stay-aligned': property({
    arbitrary: epoch.map(({ X, batchSize, permutation }) => ({ X, batchSize, permutation, y: X.map((_, i) => 100 + i) })),
    async check({ X, y, batchSize, permutation }, ctx) {
      const batches = (await ctx.call('makeBatches', X, y, batchSize, permutation, false)) as Batch[];
      for (const [b, batch] of (Array.isArray(batches) ? batches : []).entries()) {
        for (let k = 0; k < (batch?.y?.length ?? 0); k++) {
          const i = batch.y[k]! - 100;
          ctx.expectClose(X[i], batch.x?.[k], {
            tolerance: { atol: 0, rtol: 0 },
            what: {
              es: `El lote ${b}, posición ${k}, tiene la etiqueta del ejemplo ${i} pero no su fila de X`,
              en: `Batch ${b}, position ${k}, has the label of example ${i} but not its row of X`,
            },
          });
        }
      }
    },
  }),

  'no-mutation': property({
    arbitrary: fc.record({ e: epoch, dropLast: fc.boolean() }),
    async check({ e: { X, y, batchSize, permutation }, dropLast }, ctx) {
      const { mutated } = await ctx.callTracked('makeBatches', X, y, batchSize, permutation, dropLast);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['X', 'y', 'batchSize', 'permutation', 'dropLast'][i] ?? `#${i}`).join(', ');
        fail({ es: `makeBatches modificó su argumento ${names}.`, en: `makeBatches modified its argument ${names}.` });
      }
    },
  }),

  'batch-sizes': property({
    arbitrary: fc.record({ n: arb.dim(1, 40), batchSize: arb.dim(1, 9), dropLast: fc.boolean() }),
    examples: {
      // N not a multiple of B: the tail is a smaller last batch, or dropped
      'tail-kept': { n: 7, batchSize: 3, dropLast: false },
      'tail-dropped': { n: 7, batchSize: 3, dropLast: true },
      // N a multiple of B: nothing to drop
      'exact-multiple-drop-last': { n: 6, batchSize: 3, dropLast: true },
      // B > N with dropLast: not a single full batch
      'batch-larger-than-n-drop-last': { n: 3, batchSize: 5, dropLast: true },
    },
    async check({ n, batchSize, dropLast }, ctx) {
      const X = Array.from({ length: n }, (_, i) => [i / 8]);
      const y = X.map((_, i) => i % 10);
      const permutation = X.map((_, i) => n - 1 - i);
      const batches = (await ctx.call('makeBatches', X, y, batchSize, permutation, dropLast)) as Batch[];
      const full = Math.floor(n / batchSize);
      const expected = [...new Array<number>(full).fill(batchSize), ...(!dropLast && n % batchSize > 0 ? [n % batchSize] : [])];
      const sizes = Array.isArray(batches) ? batches.map((b) => (Array.isArray(b?.y) ? b.y.length : NaN)) : batches;
      ctx.expectClose(expected, sizes, {
        tolerance: { atol: 0, rtol: 0 },
        what: { es: `Tamaños de los lotes con N = ${n}, B = ${batchSize}, dropLast = ${dropLast}`, en: `Batch sizes with N = ${n}, B = ${batchSize}, dropLast = ${dropLast}` },
      });
    },
  }),
});
