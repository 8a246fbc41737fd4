import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { logSoftmax as refLogSoftmax, logSumExp as refLse, softmax as refSoftmax } from '../../../reference/ch02-math/stable-softmax.ts';

/** B×K logits of moderate size. */
const logits = fc.record({ b: arb.dim(1, 4), k: arb.dim(1, 6) }).chain(({ b, k }) => arb.matrix(b, k, arb.num(6)));

/** B×K logits far beyond exp()'s range (|x| up to 1000), with gaps of hundreds inside a row. */
const huge = fc.record({ b: arb.dim(1, 3), k: arb.dim(2, 5) }).chain(({ b, k }) =>
  arb.matrix(b, k, fc.integer({ min: -8000, max: 8000 }).map((i) => i / 8 + 0)),
);

function sumRows(m: number[][]): number[] {
  return m.map((row) => row.reduce((a, v) => a + v, 0));
}

function allFinite(value: unknown): boolean {
  return Array.isArray(value) ? value.every(allFinite) : typeof value === 'number' && Number.isFinite(value);
}

function finiteOrFail(name: string, value: unknown): void {
  if (!allFinite(value)) {
    fail(
      {
        es: `${name} devolvió valores no finitos (Infinity o NaN) con logits grandes: exp(1000) desborda; resta el máximo de la fila antes de exponenciar.`,
        en: `${name} returned non-finite values (Infinity or NaN) for large logits: exp(1000) overflows; subtract the row maximum before exponentiating.`,
      },
      { received: value },
    );
  }
}

export default defineSpec({
  'softmax-matches-reference': property({
    arbitrary: logits,
    async check(x, ctx) {
      ctx.expectClose(refSoftmax(x), await ctx.call('softmax', x));
    },
  }),

  'rows-sum-to-one': property({
    arbitrary: logits,
    async check(x, ctx) {
      const p = (await ctx.call('softmax', x)) as number[][];
      if (!Array.isArray(p) || p.length !== x.length) fail({ es: `softmax debe devolver ${x.length} filas.`, en: `softmax must return ${x.length} rows.` }, { received: p });
      ctx.expectClose(x.map(() => 1), sumRows(p), {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: 'La suma de cada fila de softmax', en: 'The sum of each softmax row' },
      });
    },
  }),

  'lse-matches-reference': property({
    arbitrary: logits,
    examples: {
      // the max is 0, so the tolerance is absolute: dropping the terms 10.5 below it loses 1.4e-4
      'terms-far-below-max': [[0, -10.5, -10.5, -10.5, -10.5, -10.5]],
      'single-class': [[3.5], [-2]],
    },
    async check(x, ctx) {
      ctx.expectClose(refLse(x), await ctx.call('logSumExp', x));
    },
  }),

  'log-softmax-matches-reference': property({
    arbitrary: logits,
    examples: { 'terms-far-below-max': [[0, -10.5, -10.5, -10.5, -10.5, -10.5]] },
    async check(x, ctx) {
      ctx.expectClose(refLogSoftmax(x), await ctx.call('logSoftmax', x));
    },
  }),

  'large-logits': property({
    arbitrary: huge,
    examples: {
      // every logit of the first row very negative: a maximum that starts at 0 underflows to 0/0
      'all-very-negative': [[-1000, -1000.5, -1003], [1, 2, 3]],
      'very-large': [[1000, 999, 0], [-5, 800, 800]],
    },
    async check(x, ctx) {
      const p = await ctx.call('softmax', x);
      finiteOrFail('softmax', p);
      ctx.expectClose(refSoftmax(x), p, { what: { es: 'softmax', en: 'softmax' } });
      const lse = await ctx.call('logSumExp', x);
      finiteOrFail('logSumExp', lse);
      ctx.expectClose(refLse(x), lse, { what: { es: 'logSumExp', en: 'logSumExp' } });
      const logp = await ctx.call('logSoftmax', x);
      finiteOrFail('logSoftmax', logp);
      ctx.expectClose(refLogSoftmax(x), logp, { what: { es: 'logSoftmax', en: 'logSoftmax' } });
    },
  }),

  'shift-invariance': property({
    arbitrary: fc.record({ x: logits, c: arb.num(50) }),
    async check({ x, c }, ctx) {
      const shifted = x.map((row) => row.map((v) => v + c));
      const p = await ctx.call('softmax', x);
      const q = await ctx.call('softmax', shifted);
      ctx.expectClose(p, q, {
        tolerance: { atol: 1e-9, rtol: 1e-6 },
        what: { es: `softmax(x + ${c}) frente a softmax(x)`, en: `softmax(x + ${c}) against softmax(x)` },
      });
      const lse = (await ctx.call('logSumExp', x)) as number[];
      const lseShifted = await ctx.call('logSumExp', shifted);
      ctx.expectClose(Array.isArray(lse) ? lse.map((v) => v + c) : lse, lseShifted, {
        tolerance: { atol: 1e-9, rtol: 1e-9 },
        what: { es: `logSumExp(x + ${c}) debe ser logSumExp(x) + ${c}`, en: `logSumExp(x + ${c}) must be logSumExp(x) + ${c}` },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: logits,
    async check(x, ctx) {
      for (const fn of ['softmax', 'logSumExp', 'logSoftmax']) {
        const { mutated } = await ctx.callTracked(fn, x);
        if (mutated.length > 0) fail({ es: `${fn} modificó su argumento x.`, en: `${fn} modified its argument x.` });
      }
    },
  }),
});
