import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { labelSmoothingCE as reference } from '../../../reference/ch15-losses/label-smoothing.ts';

type Result = { loss: number; dLogits: number[][] };

/** A batch of N rows of K logits, a label per row and ε. */
function batches(logit: fc.Arbitrary<number> = arb.num(4), eps: fc.Arbitrary<number> = fc.constantFrom(0, 0.05, 0.1, 0.25, 0.5, 1)) {
  return fc.record({ n: arb.dim(1, 4), k: arb.dim(2, 5) }).chain(({ n, k }) =>
    fc.record({ logits: arb.matrix(n, k, logit), labels: arb.vector(n, fc.integer({ min: 0, max: k - 1 })), eps }),
  );
}

function result(v: unknown, logits: number[][]): Result {
  const r = v as Partial<Result> | null;
  const shapeOk =
    Array.isArray(r?.dLogits) && r.dLogits.length === logits.length && r.dLogits.every((row, i) => Array.isArray(row) && row.length === logits[i]!.length);
  if (r === null || typeof r !== 'object' || typeof r.loss !== 'number' || !shapeOk) {
    fail(
      {
        es: `labelSmoothingCE debe devolver { loss, dLogits } con loss un número y dLogits de la forma de logits (${logits.length}×${logits[0]!.length}).`,
        en: `labelSmoothingCE must return { loss, dLogits } with loss a number and dLogits shaped like logits (${logits.length}×${logits[0]!.length}).`,
      },
      { received: v },
    );
  }
  return r as Result;
}

export default defineSpec({
  'loss-matches-reference': property({
    arbitrary: batches(),
    examples: {
      // logits of ±1000: log p = z − logsumexp(z) with the row maximum subtracted first
      'large-logits': { logits: [[1000, -1000, 0], [-1000, -999.5, -1001]], labels: [1, 2], eps: 0.1 },
      // ε = 1: the target is uniform, 1/K for every class
      'eps-one': { logits: [[2, -1, 0.5], [0, 0, 3]], labels: [0, 2], eps: 1 },
    },
    async check({ logits, labels, eps }, ctx) {
      const r = result(await ctx.call('labelSmoothingCE', logits, labels, eps), logits);
      ctx.expectClose(reference(logits, labels, eps).loss, r.loss, { what: { es: `loss con ε = ${eps}`, en: `loss with ε = ${eps}` } });
    },
  }),

  'gradient-matches-reference': property({
    arbitrary: batches(),
    examples: {
      'large-logits': { logits: [[1000, -1000, 0], [-1000, -999.5, -1001]], labels: [1, 2], eps: 0.1 },
      // ε = 1: the target is uniform, 1/K for every class
      'eps-one': { logits: [[2, -1, 0.5], [0, 0, 3]], labels: [0, 2], eps: 1 },
    },
    async check({ logits, labels, eps }, ctx) {
      const r = result(await ctx.call('labelSmoothingCE', logits, labels, eps), logits);
      ctx.expectClose(reference(logits, labels, eps).dLogits, r.dLogits, { what: { es: `dLogits con ε = ${eps}`, en: `dLogits with ε = ${eps}` } });
    },
  }),

  'no-smoothing': property({
    arbitrary: batches(arb.num(4), fc.constant(0)),
    async check({ logits, labels }, ctx) {
      // ε = 0: the ordinary cross-entropy, mean of −log softmax(z)_y
      const ce =
        logits.reduce((acc, z, i) => {
          const m = Math.max(...z);
          const lse = m + Math.log(z.reduce((a, v) => a + Math.exp(v - m), 0));
          return acc + lse - z[labels[i]!]!;
        }, 0) / logits.length;
      const r = result(await ctx.call('labelSmoothingCE', logits, labels, 0), logits);
      ctx.expectClose(ce, r.loss, {
        what: { es: 'Con ε = 0 la pérdida es la entropía cruzada de siempre, media de −log p_y', en: 'With ε = 0 the loss is the ordinary cross-entropy, the mean of −log p_y' },
      });
    },
  }),

  'large-logits': property({
    arbitrary: batches(fc.integer({ min: -8000, max: 8000 }).map((i) => i / 8 + 0)),
    async check({ logits, labels, eps }, ctx) {
      const r = result(await ctx.call('labelSmoothingCE', logits, labels, eps), logits);
      const expected = reference(logits, labels, eps);
      ctx.expectClose(expected.loss, r.loss, { what: { es: `loss con logits de hasta ±1000`, en: `loss with logits up to ±1000` } });
      ctx.expectClose(expected.dLogits, r.dLogits, { what: { es: 'dLogits con logits de hasta ±1000', en: 'dLogits with logits up to ±1000' } });
    },
  }),

  'no-mutation': property({
    arbitrary: batches(),
    async check({ logits, labels, eps }, ctx) {
      const { value, mutated } = await ctx.callTracked('labelSmoothingCE', logits, labels, eps);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['logits', 'labels', 'eps'][i] ?? `#${i}`).join(', ');
        fail({ es: `labelSmoothingCE modificó su argumento ${names}.`, en: `labelSmoothingCE modified its argument ${names}.` });
      }
      ctx.expectClose(reference(logits, labels, eps), result(value, logits));
    },
  }),
});
