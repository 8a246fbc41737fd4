import fc from 'fast-check';
import { arb, defineSpec, fail, formatValue, property } from '../../../grader/spec/index.ts';
import { makeBatches as reference, type Batch } from '../../../reference/ch20-pytorch/data-loader.ts';

/** A dataset of N examples (d features), a batch size, a permutation (a shuffled 0..N−1) and drop_last. */
const loader = fc
  .record({ n: arb.dim(1, 11), d: arb.dim(1, 3), batchSize: arb.dim(1, 5), dropLast: fc.boolean() })
  .chain(({ n, d, batchSize, dropLast }) =>
    fc.record({
      X: arb.matrix(n, d, arb.num(4)),
      y: arb.vector(n, fc.integer({ min: 0, max: 9 })),
      perm: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
      batchSize: fc.constant(batchSize),
      dropLast: fc.constant(dropLast),
    }),
  );

const asBatches = (value: unknown): Batch[] => {
  if (!Array.isArray(value) || value.some((b) => !b || !Array.isArray(b.x) || !Array.isArray(b.y))) {
    fail({ es: 'makeBatches debe devolver un array de { x, y }.', en: 'makeBatches must return an array of { x, y }.' });
  }
  return value as Batch[];
};

export default defineSpec({
  'matches-reference': property({
    arbitrary: loader,
    async check({ X, y, batchSize, perm, dropLast }, ctx) {
      const received = await ctx.call('makeBatches', X, y, batchSize, perm, dropLast);
      ctx.expectClose(reference(X, y, batchSize, perm, dropLast), received, {
        what: { es: `Lotes con B = ${batchSize}, dropLast = ${dropLast}`, en: `Batches with B = ${batchSize}, dropLast = ${dropLast}` },
      });
    },
  }),

  'batch-count-and-sizes': property({
    arbitrary: loader,
    async check({ X, y, batchSize, perm, dropLast }, ctx) {
      const batches = asBatches(await ctx.call('makeBatches', X, y, batchSize, perm, dropLast));
      const n = X.length;
      const expected = dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
      const sizes = batches.map((b) => b.y.length);
      const lastSize = n - (expected - 1) * batchSize;
      const ok = sizes.length === expected && sizes.every((s, i) => s === (i === expected - 1 ? Math.min(batchSize, lastSize) : batchSize));
      if (!ok) {
        fail({
          es: `Con N = ${n}, B = ${batchSize} y dropLast = ${dropLast} debe haber ${expected} lotes (${dropLast ? '⌊N/B⌋' : '⌈N/B⌉'}), todos de ${batchSize} salvo quizá el último; tus tamaños son [${sizes.join(', ')}].`,
          en: `With N = ${n}, B = ${batchSize} and dropLast = ${dropLast} there must be ${expected} batches (${dropLast ? '⌊N/B⌋' : '⌈N/B⌉'}), all of ${batchSize} except maybe the last; your sizes are [${sizes.join(', ')}].`,
        });
      }
    },
  }),

  'epoch-follows-permutation': property({
    arbitrary: loader,
    async check({ batchSize, perm }, ctx) {
      // example i is labelled i: reading the labels of one epoch must give perm itself
      const n = perm.length;
      const ids = Array.from({ length: n }, (_, i) => i);
      const batches = asBatches(await ctx.call('makeBatches', ids.map((i) => [i]), ids, batchSize, perm, false));
      const seen = batches.flatMap((b) => b.y);
      if (seen.length !== n || seen.some((v, k) => v !== perm[k])) {
        fail({
          es: `Con y[i] = i, la época debería leer los ejemplos en el orden de perm = [${perm.join(', ')}], y se leen ${formatValue(seen)}. El k-ésimo ejemplo es perm[k], no el que va a la posición perm[k].`,
          en: `With y[i] = i, the epoch should read the examples in the order perm = [${perm.join(', ')}], but it reads ${formatValue(seen)}. The k-th example is perm[k], not the one sent to position perm[k].`,
        });
      }
    },
  }),

  'no-mutation': property({
    arbitrary: loader,
    async check({ X, y, batchSize, perm, dropLast }, ctx) {
      const { mutated } = await ctx.callTracked('makeBatches', X, y, batchSize, perm, dropLast);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['X', 'y', 'batchSize', 'perm', 'dropLast'][i] ?? `#${i}`).join(', ');
        fail({ es: `makeBatches modificó su argumento ${names}.`, en: `makeBatches modified its argument ${names}.` });
      }
    },
  }),
});
