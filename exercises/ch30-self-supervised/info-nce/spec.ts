import fc from 'fast-check';
import { arb, defineSpec, fail, property, formatValue } from '../../../grader/spec/index.ts';
import { infoNce as reference } from '../../../reference/ch30-self-supervised/info-nce.ts';

interface Batch {
  queries: number[][];
  keys: number[][];
  queue: number[][];
  tau: number;
}

/**
 * B queries with their positive keys and a queue of K negatives (B, K = 1..4, d = 1..4). Some
 * queues hold a copy of a positive key, so that a positive and a negative tie.
 */
function batches(element: fc.Arbitrary<number>, tau: fc.Arbitrary<number>, maxD = 4): fc.Arbitrary<Batch> {
  return fc
    .record({ b: arb.dim(1, 4), k: arb.dim(1, 4), d: arb.dim(1, maxD) })
    .chain(({ b, k, d }) =>
      fc.record({
        queries: arb.matrix(b, d, element),
        keys: arb.matrix(b, d, element),
        queue: arb.matrix(k, d, element),
        tau,
        copy: fc.option(fc.record({ from: fc.integer({ min: 0, max: b - 1 }), to: fc.integer({ min: 0, max: k - 1 }) }), { nil: undefined }),
      }),
    )
    .map(({ queries, keys, queue, tau, copy }) => ({
      queries,
      keys,
      queue: copy ? queue.map((row, j) => (j === copy.to ? keys[copy.from]!.slice() : row)) : queue,
      tau,
    }));
}

const usual = batches(arb.num(2), fc.constantFrom(0.1, 0.2, 0.5, 1));

function field(received: unknown, name: string): unknown {
  return typeof received === 'object' && received !== null ? (received as Record<string, unknown>)[name] : undefined;
}

export default defineSpec({
  'loss-matches-reference': property({
    arbitrary: usual,
    examples: {
      // τ = 0.01: logits of hundreds, exp overflows unless the maximum is subtracted
      'tiny-tau': { queries: [[2, 1.5], [-1.5, 2]], keys: [[2, 1], [-1, 2]], queue: [[1.5, 2], [-2, -2]], tau: 0.01 },
      'tie-with-positive': { queries: [[1, 0.5], [-0.5, 1]], keys: [[0.5, 1], [1, -1]], queue: [[0.5, 1], [-1, 0]], tau: 0.5 },
    },
    async check({ queries, keys, queue, tau }, ctx) {
      const received = await ctx.call('infoNce', queries, keys, queue, tau);
      ctx.expectClose(reference(queries, keys, queue, tau).loss, field(received, 'loss'), { what: { es: 'loss', en: 'loss' } });
    },
  }),

  'accuracy-matches-reference': property({
    arbitrary: usual,
    examples: {
      // the queue holds a copy of query 0's positive: a tie, which is a miss
      'tie-with-positive': { queries: [[1, 0.5], [-0.5, 1]], keys: [[0.5, 1], [1, -1]], queue: [[0.5, 1], [-1, 0]], tau: 0.5 },
    },
    async check({ queries, keys, queue, tau }, ctx) {
      const received = await ctx.call('infoNce', queries, keys, queue, tau);
      ctx.expectClose(reference(queries, keys, queue, tau).accuracy, field(received, 'accuracy'), { what: { es: 'accuracy', en: 'accuracy' } });
    },
  }),

  'more-negatives-higher-loss': property({
    arbitrary: batches(arb.num(1), fc.constant(1), 3).chain((b) => fc.record({ b: fc.constant(b), extra: arb.vector(b.queries[0]!.length, arb.num(1)) })),
    async check({ b: { queries, keys, queue, tau }, extra }, ctx) {
      const before = field(await ctx.call('infoNce', queries, keys, queue, tau), 'loss');
      const after = field(await ctx.call('infoNce', queries, keys, [...queue, extra], tau), 'loss');
      if (typeof before !== 'number' || typeof after !== 'number' || !(after > before)) {
        fail(
          {
            es: `Añadir un negativo a la cola (${JSON.stringify(extra)}) debe aumentar la pérdida: antes ${formatValue(before)}, después ${formatValue(after)}.`,
            en: `Adding a negative to the queue (${JSON.stringify(extra)}) must increase the loss: before ${formatValue(before)}, after ${formatValue(after)}.`,
          },
          { expected: `> ${formatValue(before)}`, received: after },
        );
      }
    },
  }),

  'numerically-stable': property({
    // the first query and its key are all 4s: q·k/τ ≥ 16/0.02 = 800 > 709, so a raw exp always overflows
    arbitrary: batches(arb.num(2), fc.constantFrom(0.01, 0.02)).map((b) => {
      const big = b.queries[0]!.map(() => 4);
      return { ...b, queries: [big, ...b.queries.slice(1)], keys: [big.slice(), ...b.keys.slice(1)] };
    }),
    async check({ queries, keys, queue, tau }, ctx) {
      const received = await ctx.call('infoNce', queries, keys, queue, tau);
      ctx.expectClose(reference(queries, keys, queue, tau).loss, field(received, 'loss'), {
        what: { es: `Con τ = ${tau} (logits de hasta cientos) la pérdida`, en: `With τ = ${tau} (logits in the hundreds) the loss` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: usual,
    async check({ queries, keys, queue, tau }, ctx) {
      const { value, mutated } = await ctx.callTracked('infoNce', queries, keys, queue, tau);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['queries', 'keys', 'queue', 'tau'][i] ?? `#${i}`).join(', ');
        fail({ es: `infoNce modificó su argumento ${names}.`, en: `infoNce modified its argument ${names}.` });
      }
      // checks the values too, so that a constant answer scores 0
      ctx.expectClose(reference(queries, keys, queue, tau), value, {
        tolerance: { atol: 1e-4, rtol: 1e-4 },
        what: { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' },
      });
    },
  }),
});
