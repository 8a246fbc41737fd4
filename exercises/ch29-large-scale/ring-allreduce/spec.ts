import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { ringAllReduce as reference } from '../../../reference/ch29-large-scale/ring-allreduce.ts';

/** N workers (1..6), each with a vector of L numbers (1..10): L < N and L not a multiple of N included. */
const buffers = fc.record({ n: arb.dim(1, 6), l: arb.dim(1, 10) }).chain(({ n, l }) => arb.matrix(n, l, arb.num(4)));

/** A field of the student's result, or undefined when the result is not an object. */
function field(received: unknown, name: string): unknown {
  return typeof received === 'object' && received !== null ? (received as Record<string, unknown>)[name] : undefined;
}

/** The reference tolerance, for properties that also check the values (so a constant answer scores 0). */
const TOL = { atol: 1e-6, rtol: 0 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'reduce-scatter-state': property({
    arbitrary: buffers,
    examples: {
      // L = 7, N = 3: chunks of 3, 2 and 2
      'uneven-chunks': [[1, 2, 3, 4, 5, 6, 7], [0.5, -1, 2, 0, 1.5, -2, 3], [-1, 0, 1, 2, -3, 0.25, 4]],
      // L = 2 < N = 4: two chunks are empty
      'more-workers-than-elements': [[1, -2], [0.5, 3], [2, 0], [-1, 1.5]],
    },
    async check(bufs, ctx) {
      const received = await ctx.call('ringAllReduce', bufs);
      ctx.expectClose(reference(bufs).afterReduceScatter, field(received, 'afterReduceScatter'), {
        what: { es: 'afterReduceScatter (búferes tras reduce-scatter)', en: 'afterReduceScatter (buffers after reduce-scatter)' },
      });
    },
  }),

  'final-is-sum': property({
    arbitrary: buffers,
    examples: {
      // L = 7, N = 3: chunks of 3, 2 and 2
      'uneven-chunks': [[1, 2, 3, 4, 5, 6, 7], [0.5, -1, 2, 0, 1.5, -2, 3], [-1, 0, 1, 2, -3, 0.25, 4]],
      // L = 2 < N = 4: two chunks are empty
      'more-workers-than-elements': [[1, -2], [0.5, 3], [2, 0], [-1, 1.5]],
    },
    async check(bufs, ctx) {
      const received = await ctx.call('ringAllReduce', bufs);
      ctx.expectClose(reference(bufs).final, field(received, 'final'), {
        what: { es: 'final (cada trabajador debe acabar con la suma elemento a elemento)', en: 'final (every worker must end with the elementwise sum)' },
      });
    },
  }),

  'sent-volume': property({
    arbitrary: buffers,
    examples: {
      // L = 7, N = 3: chunks of 3, 2 and 2
      'uneven-chunks': [[1, 2, 3, 4, 5, 6, 7], [0.5, -1, 2, 0, 1.5, -2, 3], [-1, 0, 1, 2, -3, 0.25, 4]],
      // L = 2 < N = 4: two chunks are empty
      'more-workers-than-elements': [[1, -2], [0.5, 3], [2, 0], [-1, 1.5]],
    },
    async check(bufs, ctx) {
      const received = await ctx.call('ringAllReduce', bufs);
      ctx.expectClose(reference(bufs).sent, field(received, 'sent'), {
        what: { es: 'sent (números enviados por cada trabajador)', en: 'sent (numbers sent by each worker)' },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: buffers,
    async check(bufs, ctx) {
      const { value, mutated } = await ctx.callTracked('ringAllReduce', bufs);
      if (mutated.length > 0) {
        fail({ es: 'ringAllReduce modificó los búferes de entrada.', en: 'ringAllReduce modified the input buffers.' });
      }
      ctx.expectClose(reference(bufs), value, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'bandwidth-optimal': property({
    arbitrary: fc.record({ n: arb.dim(1, 6), k: arb.dim(1, 3) }).chain(({ n, k }) => arb.matrix(n, n * k, arb.num(4))),
    async check(bufs, ctx) {
      const n = bufs.length;
      const perWorker = (2 * (n - 1) * bufs[0]!.length) / n;
      const received = await ctx.call('ringAllReduce', bufs);
      ctx.expectClose(new Array<number>(n).fill(perWorker), field(received, 'sent'), {
        what: {
          es: `Con L = ${bufs[0]!.length} divisible entre N = ${n}, cada trabajador envía 2(N−1)·L/N = ${perWorker}; sent`,
          en: `With L = ${bufs[0]!.length} divisible by N = ${n}, each worker sends 2(N−1)·L/N = ${perWorker}; sent`,
        },
      });
    },
  }),
});
